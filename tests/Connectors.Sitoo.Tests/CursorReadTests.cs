using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Tests.Support;

namespace Connectors.Sitoo.Tests;

/// <summary>Ascending reads from an id cursor for orders and warehouse transactions.</summary>
public sealed class CursorReadTests
{
    /// <summary>A server holding ids <paramref name="ids"/>, honouring the from-filter, the ascending sort and num.</summary>
    private static Func<RecordedRequest, HttpResponseMessage> Ids(string idName, string fromName, params long[] ids) => request =>
    {
        var from = long.Parse(request.Query[fromName], CultureInfo.InvariantCulture);
        var num = int.Parse(request.Query["num"], CultureInfo.InvariantCulture);
        var matching = ids.Where(id => id >= from).Order().ToList();
        var page = new JsonArray(matching.Take(num).Select(id => (JsonNode)new JsonObject { [idName] = id, ["warehouseid"] = 1, ["transactiontype"] = 30 }).ToArray());
        return FakeSitooServer.Json(new JsonObject { ["totalcount"] = matching.Count, ["items"] = page }.ToJsonString());
    };

    [Fact]
    public async Task Orders_are_read_ascending_by_id_with_the_cursor_advancing_past_gaps()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(Ids("orderid", "orderidfrom", 7, 9, 15, 16, 20));

        var orders = await host.Client.Orders.ListFromAsync(8).ToListAsync();

        Assert.Equal([9L, 15, 16, 20], orders.Select(o => o.OrderId));
        Assert.Equal(["8", "16"], host.Server.Requests.Select(r => r.Query["orderidfrom"]));
        Assert.All(host.Server.Requests, r =>
        {
            Assert.Equal("/v2/accounts/1500/orders.json", r.Path);
            Assert.Equal("orderid", r.Query["sort"]);
            Assert.Equal("1", r.Query["eshopid"]);
            Assert.Contains("creditorderid", r.Query["fields"].Split(','));
            Assert.Contains("externalid", r.Query["fields"].Split(','));
        });
    }

    [Fact]
    public async Task Order_outlines_are_read_by_the_same_cursor_asking_only_for_the_outline_fields()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(Ids("orderid", "orderidfrom", 7, 9, 15, 16, 20));

        var orders = await host.Client.Orders.ListOutlinesFromAsync(8, _ => { }).ToListAsync();

        Assert.Equal([9L, 15, 16, 20], orders.Select(o => o.OrderId));
        Assert.Equal(["8", "16"], host.Server.Requests.Select(r => r.Query["orderidfrom"]));
        Assert.All(host.Server.Requests, r =>
        {
            Assert.Equal("/v2/accounts/1500/orders.json", r.Path);
            Assert.Equal("orderid", r.Query["sort"]);
            Assert.Equal(["additionaldata", "creditorderid", "externalid", "orderid", "orderstateid"], r.Query["fields"].Split(',').Order());
        });
    }

    [Fact]
    public async Task Orders_arriving_during_the_read_are_picked_up_once()
    {
        using var host = SitooTestHost.Create();
        host.Server.Then(Ids("orderid", "orderidfrom", 1, 2, 3)).Always(Ids("orderid", "orderidfrom", 1, 2, 3, 4));

        var orders = await host.Client.Orders.ListFromAsync(1).ToListAsync();

        Assert.Equal([1L, 2, 3, 4], orders.Select(o => o.OrderId));
    }

    [Fact]
    public async Task A_server_ignoring_the_ascending_sort_is_detected_instead_of_skipping_orders()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(_ => FakeSitooServer.Json("""{"totalcount":5,"items":[{"orderid":20},{"orderid":3}]}"""));

        await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Orders.ListFromAsync(10).ToListAsync().AsTask());
    }

    [Fact]
    public async Task Warehouse_transactions_are_read_ascending_with_type_and_warehouse_filters()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(Ids("warehousetransactionid", "warehousetransactionidfrom", 100, 101, 102));

        var transactions = await host.Client.WarehouseTransactions.ListFromAsync(101, warehouseId: 4, SitooTransactionType.Sales).ToListAsync();

        Assert.Equal([101L, 102], transactions.Select(t => t.WarehouseTransactionId));
        var request = host.Server.Requests[0];
        Assert.Equal("/v2/accounts/1500/sites/1/warehousetransactions.json", request.Path);
        Assert.Equal("warehousetransactionid", request.Query["sort"]);
        Assert.Equal("4", request.Query["warehouseid"]);
        Assert.Equal("30", request.Query["transactiontype"]);
        Assert.Equal("0", request.Query["start"]);
    }
}
