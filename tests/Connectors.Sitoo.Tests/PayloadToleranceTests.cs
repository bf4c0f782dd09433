using System.Text.Json;
using System.Text.Json.Nodes;
using Connectors.Sitoo.Serialization;
using Connectors.Sitoo.Tests.Support;

namespace Connectors.Sitoo.Tests;

/// <summary>Real payloads that are not quite what the models say: PHP's empty arrays, unreadable items, short lists.</summary>
public sealed class PayloadToleranceTests
{
    /// <summary>A transaction in the shape of Sitoo's documented <c>getAllWarehouseTransactions</c> example.</summary>
    private static JsonObject Transaction(long id, JsonNode? sku) => new()
    {
        ["warehousetransactionid"] = id,
        ["warehouseid"] = 1,
        ["datecreated"] = 1550669776,
        ["transactiontype"] = 30,
        ["items"] = new JsonArray(new JsonObject { ["decimalquantity"] = "-1.000", ["decimaltotal"] = "9.000", ["sku"] = sku }),
    };

    private static HttpResponseMessage Page(int total, params JsonObject[] items) =>
        FakeSitooServer.Json(new JsonObject { ["totalcount"] = total, ["items"] = new JsonArray(items) }.ToJsonString());

    [Fact]
    public void An_empty_additionaldata_written_by_php_as_a_list_is_read_as_an_empty_map()
    {
        // Sitoo's documented getOrder example, with every {} additionaldata as PHP's json_encode writes an empty array.
        var recorded = JsonNode.Parse(Fixture.Example("getOrder.response.200.json"))!.AsObject();
        recorded["additionaldata"] = new JsonArray();
        recorded["orderitems"]![0]!["additionaldata"] = new JsonArray();
        recorded["orderitems"]![2]!["additionaldata"] = new JsonArray();

        var order = recorded.Deserialize(SitooJsonContext.Default.SitooOrder)!;

        Assert.Empty(order.AdditionalData!);
        Assert.Empty(order.OrderItems![0].AdditionalData!);
        Assert.Empty(order.OrderItems[2].AdditionalData!);
        Assert.Equal("50.00", order.OrderItems[1].AdditionalData!["orderitem-moneyrowdiscount"]);
    }

    [Fact]
    public void A_map_keeps_its_strings_and_reads_other_values_as_their_json()
    {
        var order = JsonSerializer.Deserialize("""{"orderid":1,"additionaldata":{"a":"x","n":10,"gone":null}}""", SitooJsonContext.Default.SitooOrder)!;
        var list = JsonSerializer.Deserialize("""{"orderid":2,"additionaldata":["first","second"]}""", SitooJsonContext.Default.SitooOrder)!;

        Assert.Equal(new Dictionary<string, string> { ["a"] = "x", ["n"] = "10" }, order.AdditionalData);
        Assert.Equal(new Dictionary<string, string> { ["0"] = "first", ["1"] = "second" }, list.AdditionalData);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"orderid":3,"additionaldata":"text"}""", SitooJsonContext.Default.SitooOrder));
    }

    [Fact]
    public async Task An_unreadable_transaction_is_reported_with_its_raw_json_and_the_read_moves_past_it()
    {
        using var host = SitooTestHost.Create();
        var broken = Transaction(6, "SKU-6");
        broken["transactiontype"] = "sale";
        host.Server
            .Then(_ => Page(5, Transaction(5, "SKU-5"), broken))
            .Then(_ => Page(3, Transaction(7, null), Transaction(8, "SKU-8")))
            .Always(_ => Page(1, Transaction(9, "")));
        var unreadable = new List<SitooUnreadableItem>();

        var read = await host.Client.WarehouseTransactions.ListFromAsync(5, unreadable.Add).ToListAsync();

        Assert.Equal([5L, 8], read.Select(t => t.WarehouseTransactionId));
        Assert.Equal([6L, 7, 9], unreadable.Select(u => u.Id));
        Assert.Equal(["5", "7", "9"], host.Server.Requests.Select(r => r.Query["warehousetransactionidfrom"]));
        Assert.Contains("\"transactiontype\":\"sale\"", unreadable[0].RawJson, StringComparison.Ordinal);
        Assert.Contains("SKU is missing", unreadable[1].Error, StringComparison.Ordinal);
        Assert.Contains("SKU is missing", unreadable[2].Error, StringComparison.Ordinal);
        Assert.All(unreadable, u => Assert.Equal("warehouse transactions", u.Collection));
    }

    [Fact]
    public async Task A_transaction_row_without_sku_never_reads_as_an_empty_sku()
    {
        using var host = SitooTestHost.Create();
        var missing = Transaction(4, "x");
        missing["items"]![0]!.AsObject().Remove("sku");
        host.Server.Always(_ => Page(1, missing));

        var ex = await Assert.ThrowsAsync<SitooUnreadableItemException>(() => host.Client.WarehouseTransactions.ListFromAsync(1).ToListAsync().AsTask());

        Assert.Equal(4, ex.Item.Id);
        Assert.Contains("sku", ex.Item.Error, StringComparison.Ordinal);
        Assert.Equal(ex.Item.RawJson, ex.ResponseBody);
    }

    [Fact]
    public async Task The_raw_json_of_an_unreadable_item_is_cut_to_a_bounded_length()
    {
        using var host = SitooTestHost.Create();
        var huge = Transaction(3, "SKU-3");
        huge["description"] = new string('x', 10_000);
        huge["warehouseid"] = "not a number";
        host.Server.Always(_ => Page(1, huge));
        var unreadable = new List<SitooUnreadableItem>();

        await host.Client.WarehouseTransactions.ListFromAsync(1, unreadable.Add).ToListAsync();

        var item = Assert.Single(unreadable);
        Assert.Equal(SitooUnreadableItem.MaxRawLength + 1, item.RawJson.Length);
        Assert.StartsWith("{\"warehousetransactionid\":3", item.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_whose_ids_do_not_ascend_is_refused_before_any_of_it_is_returned()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(_ => Page(3, Transaction(11, "A"), Transaction(14, "B"), Transaction(12, "C")));
        var read = new List<long>();

        var ex = await Assert.ThrowsAsync<SitooApiException>(async () =>
        {
            await foreach (var transaction in host.Client.WarehouseTransactions.ListFromAsync(10))
            {
                read.Add(transaction.WarehouseTransactionId);
            }
        });

        Assert.Empty(read);
        Assert.Contains("do not ascend (14 then 12)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_and_log_items_are_refused_when_totalcount_says_the_list_is_incomplete()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(_ => FakeSitooServer.Json("""{"totalcount":12,"items":[{"orderdeliveryid":1,"orderid":7},{"orderdeliveryid":2,"orderid":7}]}"""));

        var deliveries = await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Orders.ListDeliveriesAsync(7));
        var log = await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Orders.ListLogItemsAsync(7));

        Assert.Contains("2 deliveries of order 7 but its totalcount is 12", deliveries.Message, StringComparison.Ordinal);
        Assert.Contains("log items of order 7", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_delivery_list_is_returned()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(_ => FakeSitooServer.Json(Fixture.Example("getOrderDeliveries.response.200.json")));

        var deliveries = await host.Client.Orders.ListDeliveriesAsync(11511);

        Assert.Equal(10, Assert.Single(deliveries).OrderDeliveryId);
    }
}
