using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Sitoo.Tests.Support;

namespace Connectors.Sitoo.Tests;

/// <summary>Paging over start/num/totalcount, with page size 2 (see <see cref="SitooTestHost"/>).</summary>
public sealed class PagingTests
{
    /// <summary>Answers a warehouse item page: the items from start..start+num of <paramref name="total"/> SKUs,
    /// reporting <paramref name="reportedTotal"/> (defaults to the real total).</summary>
    private static Func<RecordedRequest, HttpResponseMessage> ItemPage(int total, int? reportedTotal = null) => request =>
    {
        var start = int.Parse(request.Query["start"], CultureInfo.InvariantCulture);
        var num = int.Parse(request.Query["num"], CultureInfo.InvariantCulture);
        var items = new JsonArray(Enumerable.Range(start, Math.Max(0, Math.Min(num, total - start)))
            .Select(i => (JsonNode)new JsonObject { ["sku"] = $"SKU-{i}", ["decimaltotal"] = "1.000" }).ToArray());
        return FakeSitooServer.Json(new JsonObject { ["totalcount"] = reportedTotal ?? total, ["items"] = items }.ToJsonString());
    };

    [Fact]
    public async Task Empty_collection_takes_one_request()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(ItemPage(0));

        var items = await host.Client.Warehouses.ListItemsAsync(3).ToListAsync();

        Assert.Empty(items);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task Exact_multiple_of_the_page_size_stops_without_an_extra_request()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(ItemPage(4));

        var items = await host.Client.Warehouses.ListItemsAsync(3).ToListAsync();

        Assert.Equal(["SKU-0", "SKU-1", "SKU-2", "SKU-3"], items.Select(i => i.Sku));
        Assert.Equal(["0", "2"], host.Server.Requests.Select(r => r.Query["start"]));
        Assert.All(host.Server.Requests, r => Assert.Equal("2", r.Query["num"]));
    }

    [Fact]
    public async Task Partial_last_page_is_read()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(ItemPage(5));

        var items = await host.Client.Warehouses.ListItemsAsync(3).ToListAsync();

        Assert.Equal(5, items.Count);
        Assert.Equal(3, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Total_growing_between_pages_is_followed()
    {
        using var host = SitooTestHost.Create();
        host.Server.Then(ItemPage(3)).Always(ItemPage(5));

        var items = await host.Client.Warehouses.ListItemsAsync(3).ToListAsync();

        Assert.Equal(5, items.Count);
    }

    [Fact]
    public async Task Total_shrinking_between_pages_ends_the_read()
    {
        using var host = SitooTestHost.Create();
        host.Server.Then(ItemPage(6)).Always(ItemPage(2));

        var items = await host.Client.Warehouses.ListItemsAsync(3).ToListAsync();

        Assert.Equal(["SKU-0", "SKU-1"], items.Select(i => i.Sku));
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task A_total_larger_than_what_the_server_delivers_is_refused_instead_of_looping_or_ending_short()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(ItemPage(3, reportedTotal: 1000));
        var items = new List<string>();

        var ex = await Assert.ThrowsAsync<SitooApiException>(async () =>
        {
            await foreach (var item in host.Client.Warehouses.ListItemsAsync(3))
            {
                items.Add(item.Sku);
            }
        });

        Assert.Equal(3, items.Count);
        Assert.Equal(3, host.Server.Requests.Count);
        Assert.Contains("totalcount is 1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_page_that_is_not_the_last_is_read_on_from_where_it_ended()
    {
        using var host = SitooTestHost.Create();
        // The server caps every page at one item, whatever num asks for.
        host.Server.Always(request =>
        {
            var start = int.Parse(request.Query["start"], CultureInfo.InvariantCulture);
            var items = new JsonArray(Enumerable.Range(start, Math.Max(0, Math.Min(1, 5 - start)))
                .Select(i => (JsonNode)new JsonObject { ["sku"] = $"SKU-{i}", ["decimaltotal"] = "1.000" }).ToArray());
            return FakeSitooServer.Json(new JsonObject { ["totalcount"] = 5, ["items"] = items }.ToJsonString());
        });

        var items = await host.Client.Warehouses.ListItemsAsync(3).ToListAsync();

        Assert.Equal(["SKU-0", "SKU-1", "SKU-2", "SKU-3", "SKU-4"], items.Select(i => i.Sku));
        Assert.Equal(5, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Every_list_call_asks_for_the_fields_the_model_reads()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(ItemPage(1));

        await host.Client.Warehouses.ListItemsAsync(3).ToListAsync();

        var fields = host.Server.Requests[0].Query["fields"].Split(',');
        Assert.Contains("sku", fields);
        Assert.Contains("decimalavailable", fields);
        Assert.Contains("decimalreserved", fields);
    }

    [Fact]
    public async Task Sku_filters_are_comma_separated_deduplicated_and_split_into_groups()
    {
        using var host = SitooTestHost.Create(options => options.FilterValuesPerRequest = 2);
        host.Server.Always(_ => FakeSitooServer.Json("""{"totalcount":0,"items":[]}"""));

        await host.Client.Warehouses.ListItemsBySkuAsync(3, ["A", "B", "A", "C"]).ToListAsync();

        Assert.Equal(["A,B", "C"], host.Server.Requests.Select(r => r.Query["sku"]));
    }

    [Fact]
    public async Task Every_product_is_read_page_by_page_without_a_filter()
    {
        using var host = SitooTestHost.Create(options => options.PageSize = 2);
        host.Server.Always(request => FakeSitooServer.Json(request.Query["start"] switch
        {
            "0" => """{"totalcount":3,"items":[{"productid":1,"sku":"A"},{"productid":2,"sku":"B"}]}""",
            _ => """{"totalcount":3,"items":[{"productid":3,"sku":"C"}]}""",
        }));

        var products = await host.Client.Products.ListAllAsync().ToListAsync();

        Assert.Equal(["A", "B", "C"], products.Select(p => p.Sku));
        Assert.All(host.Server.Requests, r => Assert.False(r.Query.ContainsKey("sku")));
        Assert.All(host.Server.Requests, r => Assert.Equal("true", r.Query["includeinactive"]));
    }

    [Fact]
    public async Task Sku_containing_a_comma_is_refused_before_any_request()
    {
        using var host = SitooTestHost.Create();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.Products.ListBySkuAsync(["A,B"]).ToListAsync().AsTask());
        Assert.Empty(host.Server.Requests);
    }
}
