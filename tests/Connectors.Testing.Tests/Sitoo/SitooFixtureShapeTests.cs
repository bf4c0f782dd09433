using System.Text.Json.Nodes;
using Connectors.Testing.Sitoo;

namespace Connectors.Testing.Tests.Sitoo;

/// <summary>The simulator's answers have the fields and JSON kinds of Sitoo's recorded and documented payloads.</summary>
public class SitooFixtureShapeTests
{
    private static JsonObject FirstItem(JsonNode page) => page["items"]!.AsArray()[0]!.AsObject();

    private static JsonObject FirstItemOf(string fixture) => FirstItem(SitooFixtures.Load(fixture));

    [Fact]
    public async Task Warehouse_transactions_match_the_recorded_list()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A", 10);
        sitoo.Simulator.RunStocktaking(store.WarehouseId, new Dictionary<string, decimal> { ["A"] = 9 });

        var page = await sitoo.GetJsonAsync("sites/1/warehousetransactions.json");

        SitooFixtures.AssertSameShape(FirstItemOf("getAllWarehouseTransactions.response.200.json"), FirstItem(page));
        Assert.Equal("-1.000", (string?)FirstItem(page)["items"]![0]!["decimalquantity"]);
    }

    [Fact]
    public async Task Warehouse_items_match_the_documented_stock_read()
    {
        await using var sitoo = SitooHarness.Create();
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        sitoo.Simulator.AdjustStock(dc, "10038-3", 5);

        var page = await sitoo.GetJsonAsync($"sites/1/warehouses/{dc}/warehouseitems.json?fields=sku,decimaltotal,decimalreserved,decimalavailable&num=100000");

        var recorded = FirstItemOf("getWarehouseItems.stockfields.response.200.json");
        Assert.Equal(recorded.ToJsonString(), FirstItem(page).ToJsonString());
    }

    [Fact]
    public async Task Order_deliveries_warehouse_batches_users_and_registers_match_the_recorded_examples()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AddProduct("A", "Sofa", 10m);
        sitoo.Simulator.AddUser("steve@example.com", "Steve", "Smith");
        var receipt = sitoo.Simulator.SellAtPos(store, [new("A", 1)]);
        sitoo.Simulator.RunStocktaking(store.WarehouseId, new Dictionary<string, decimal> { ["A"] = 0 });

        SitooFixtures.AssertSameShape(FirstItemOf("getOrderDeliveries.response.200.json"), FirstItem(await sitoo.GetJsonAsync($"sites/1/orders/{receipt.OrderId}/orderdeliveries.json")));
        SitooFixtures.AssertSameShape(FirstItemOf("getWarehouseBatches.response.200.json"), FirstItem(await sitoo.GetJsonAsync($"sites/1/warehouses/{store.WarehouseId}/warehousebatches.json")));
        SitooFixtures.AssertSameShape(FirstItemOf("getUsers.response.200.json"), FirstItem(await sitoo.GetJsonAsync("sites/1/users.json")));
        SitooFixtures.AssertSameShape(FirstItemOf("getCashRegisters.response.200.json"), FirstItem(await sitoo.GetJsonAsync("sites/1/cashregisters.json")));
    }

    [Fact]
    public async Task Batch_answers_and_errors_match_the_documented_shapes()
    {
        await using var sitoo = SitooHarness.Create();
        var recordedBatch = SitooFixtures.Load("batchAddUsers.response.200.json").AsArray();
        var recordedError = SitooFixtures.Load("error.shape-only.json").AsObject();

        var (_, batch) = await sitoo.SendAsync(HttpMethod.Post, "sites/1/users.json", new JsonArray(
            new JsonObject { ["email"] = "laura.smith@example.com", ["namefirst"] = "Laura" },
            new JsonObject { ["email"] = "john.doe@example.com", ["namefirst"] = "John" }));
        var (_, error) = await sitoo.SendAsync(HttpMethod.Get, "sites/1/warehouses/7.json");

        Assert.Equal(recordedBatch.Count, batch!.AsArray().Count);
        foreach (var (recorded, simulated) in recordedBatch.Zip(batch.AsArray()))
        {
            SitooFixtures.AssertSameShape(recorded!.AsObject(), simulated!.AsObject());
        }
        SitooFixtures.AssertSameShape(recordedError, error!.AsObject());
        Assert.Equal(recordedError.Select(p => p.Key), error.AsObject().Select(p => p.Key));
    }
}
