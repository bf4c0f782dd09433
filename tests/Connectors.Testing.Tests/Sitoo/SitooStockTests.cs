using System.Net;
using System.Text.Json.Nodes;
using Connectors.Sitoo.Models;
using Connectors.Testing.Sitoo;
using NodaTime;

namespace Connectors.Testing.Tests.Sitoo;

public class SitooStockTests
{
    [Fact]
    public async Task Fifo_stock_cannot_be_set_directly_but_virtual_stock_can()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        var online = sitoo.Simulator.AddWarehouse("Online mirror", SitooWarehouseKind.Virtual);
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A-1", 4);

        var fifo = await sitoo.Client.Warehouses.SetItemsAsync(store.WarehouseId, [new() { Sku = "A-1", DecimalTotal = 40 }]);
        var mirror = await sitoo.Client.Warehouses.SetItemsAsync(online, [new() { Sku = "A-1", DecimalTotal = 12 }]);

        Assert.Equal(HttpStatusCode.BadRequest, Assert.Single(fifo.Failures).HttpStatus);
        Assert.Equal(4, sitoo.Simulator.GetStock(store.WarehouseId, "A-1").Total);
        Assert.True(mirror.AllSucceeded);
        Assert.Equal(12, sitoo.Simulator.GetStock(online, "A-1").Total);
        Assert.All(sitoo.Simulator.GetStockMovements(), m => Assert.Equal(store.WarehouseId, m.WarehouseId));
    }

    [Fact]
    public async Task Manual_transactions_move_fifo_stock_and_record_the_level_after_each_move()
    {
        await using var sitoo = SitooHarness.Create();
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);

        var result = await sitoo.Client.WarehouseTransactions.CreateAsync(
        [
            new() { WarehouseId = dc, TransactionType = SitooTransactionType.InboundAdjustment, Items = [new() { Sku = "A-1", DecimalQuantity = 13, MoneyPriceIn = 3.45m }] },
            new() { WarehouseId = dc, TransactionType = SitooTransactionType.OutboundAdjustment, Items = [new() { Sku = "A-1", DecimalQuantity = -5 }] },
        ]);
        var read = await sitoo.Client.WarehouseTransactions.ListFromAsync(0).ToListAsync();

        Assert.True(result.AllSucceeded);
        Assert.Equal(8, sitoo.Simulator.GetStock(dc, "A-1").Total);
        Assert.Equal([1L, 2L], read.Select(t => t.WarehouseTransactionId));
        Assert.Equal([13m, 8m], read.Select(t => t.Items![0].DecimalTotal!.Value));
        Assert.Equal(-5m, read[1].Items![0].DecimalQuantity);
    }

    [Fact]
    public async Task Transactions_are_refused_per_item_on_virtual_warehouses_and_for_sitoo_made_types()
    {
        await using var sitoo = SitooHarness.Create();
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        var online = sitoo.Simulator.AddWarehouse("Online", SitooWarehouseKind.Virtual);

        var result = await sitoo.Client.WarehouseTransactions.CreateAsync(
        [
            new() { WarehouseId = dc, TransactionType = SitooTransactionType.InboundAdjustment, Items = [new() { Sku = "A-1", DecimalQuantity = 2 }] },
            new() { WarehouseId = online, TransactionType = SitooTransactionType.InboundAdjustment, Items = [new() { Sku = "A-1", DecimalQuantity = 2 }] },
            new() { WarehouseId = dc, TransactionType = SitooTransactionType.Sales, Items = [new() { Sku = "A-1", DecimalQuantity = -1 }] },
            new() { WarehouseId = 99, TransactionType = SitooTransactionType.InboundAdjustment, Items = [new() { Sku = "A-1", DecimalQuantity = 1 }] },
        ]);

        Assert.Equal([200, 400, 400, 404], result.Select(r => r.StatusCode));
        Assert.Equal(2, sitoo.Simulator.GetStock(dc, "A-1").Total);
        Assert.Equal(0, sitoo.Simulator.GetStock(online, "A-1").Total);
    }

    [Fact]
    public async Task More_than_1000_transactions_in_one_request_are_refused()
    {
        await using var sitoo = SitooHarness.Create();
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        var transaction = new JsonObject { ["warehouseid"] = dc, ["transactiontype"] = 10, ["items"] = new JsonArray(new JsonObject { ["sku"] = "A", ["decimalquantity"] = "1.000" }) };

        var (status, _) = await sitoo.SendAsync(HttpMethod.Post, "sites/1/warehousetransactions.json", new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => transaction.DeepClone())]));

        Assert.Equal(400, status);
        Assert.Equal(0, sitoo.Simulator.GetStock(dc, "A").Total);
    }

    [Fact]
    public async Task Transactions_list_newest_first_by_default_and_honour_the_id_cursor_filters()
    {
        await using var sitoo = SitooHarness.Create();
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        for (var i = 0; i < 5; i++)
        {
            sitoo.Simulator.AdjustStock(dc, "A", 1);
        }

        var byDefault = await sitoo.GetJsonAsync("sites/1/warehousetransactions.json?fields=warehousetransactionid");
        var window = await sitoo.GetJsonAsync("sites/1/warehousetransactions.json?sort=warehousetransactionid&warehousetransactionidfrom=2&warehousetransactionidto=5&fields=warehousetransactionid");
        var (badSort, _) = await sitoo.SendAsync(HttpMethod.Get, "sites/1/warehousetransactions.json?sort=datecreated");

        Assert.Equal([5L, 4L, 3L, 2L, 1L], Ids(byDefault));
        Assert.Equal([2L, 3L, 4L], Ids(window));
        Assert.Equal(400, badSort);

        static IEnumerable<long> Ids(JsonNode page) => page["items"]!.AsArray().Select(t => (long)t!["warehousetransactionid"]!);
    }

    [Fact]
    public async Task Our_client_reads_transactions_from_a_cursor_across_pages()
    {
        await using var sitoo = SitooHarness.Create();
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        var other = sitoo.Simulator.AddWarehouse("Store", SitooWarehouseKind.Fifo);
        for (var i = 0; i < 12; i++)
        {
            sitoo.Simulator.AdjustStock(i % 3 == 0 ? other : dc, "A", 1);
        }

        var fromFive = await sitoo.Client.WarehouseTransactions.ListFromAsync(5, warehouseId: dc).ToListAsync();

        Assert.Equal([5L, 6L, 8L, 9L, 11L, 12L], fromFive.Select(t => t.WarehouseTransactionId));
    }

    [Fact]
    public async Task A_stocktaking_batch_books_count_minus_system_level_and_leaves_other_skus_alone()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A", 10);
        sitoo.Simulator.AdjustStock(store.WarehouseId, "B", 3);
        sitoo.Simulator.AdjustStock(store.WarehouseId, "C", 7);

        var batchId = await sitoo.Client.WarehouseBatches.CreateAsync(store.WarehouseId, new() { TransactionType = SitooTransactionType.StockTaking, Comment = "Count" });
        var open = await sitoo.Client.WarehouseBatches.ListOpenAsync(store.WarehouseId, SitooTransactionType.StockTaking).ToListAsync();
        await sitoo.Client.WarehouseBatches.AddItemsAsync(store.WarehouseId, batchId, [new() { Sku = "A", DecimalQuantity = 9, Comment = "1 missing" }, new() { Sku = "B", DecimalQuantity = 5 }]);
        await sitoo.Client.WarehouseBatches.CloseAsync(store.WarehouseId, batchId, "Stocktaking has been completed!");

        var taking = sitoo.Simulator.GetStockMovements().Where(m => m.TransactionType == 50).ToList();
        Assert.Equal(batchId, Assert.Single(open).WarehouseBatchId);
        Assert.Equal([("A", -1m, 9m), ("B", 2m, 5m)], taking.Select(m => (m.Sku, m.Quantity, m.TotalAfter)));
        Assert.Equal(7, sitoo.Simulator.GetStock(store.WarehouseId, "C").Total);
        Assert.Empty(await sitoo.Client.WarehouseBatches.ListOpenAsync(store.WarehouseId, SitooTransactionType.StockTaking).ToListAsync());
    }

    [Fact]
    public async Task A_closed_batch_takes_no_more_items()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        var batchId = await sitoo.Client.WarehouseBatches.CreateAsync(store.WarehouseId, new() { TransactionType = SitooTransactionType.StockTaking });
        await sitoo.Client.WarehouseBatches.CloseAsync(store.WarehouseId, batchId);

        var (status, body) = await sitoo.SendAsync(HttpMethod.Put, $"sites/1/warehouses/{store.WarehouseId}/warehousebatches/{batchId}/warehousebatchitems.json",
            new JsonArray(new JsonObject { ["sku"] = "A", ["decimalquantity"] = "1.000" }));

        Assert.Equal(400, status);
        Assert.Equal(400, (int)body!["statuscode"]!);
    }

    [Fact]
    public async Task The_scenario_stocktaking_matches_what_the_api_would_book()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A", 10);

        var transactionId = sitoo.Simulator.RunStocktaking(store.WarehouseId, new Dictionary<string, decimal> { ["A"] = 6 });
        var read = await sitoo.Client.WarehouseTransactions.ListFromAsync(transactionId).ToListAsync();

        Assert.Equal(SitooTransactionType.StockTaking, Assert.Single(read).TransactionType);
        Assert.Equal(-4m, read[0].Items![0].DecimalQuantity);
        Assert.Equal(6m, sitoo.Simulator.GetStock(store.WarehouseId, "A").Total);
    }

    [Fact]
    public async Task Warehouse_items_carry_string_quantities_and_filter_by_last_modified()
    {
        await using var sitoo = SitooHarness.Create();
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        sitoo.Simulator.AdjustStock(dc, "OLD", 5);
        sitoo.Clock.Advance(Duration.FromHours(1));
        var since = sitoo.Clock.GetCurrentInstant();
        sitoo.Simulator.AdjustStock(dc, "NEW", 2.5m);

        var all = await sitoo.GetJsonAsync($"sites/1/warehouses/{dc}/warehouseitems.json?fields=sku,decimaltotal,decimalreserved,decimalavailable");
        var changed = await sitoo.Client.Warehouses.ListItemsModifiedSinceAsync(dc, since).ToListAsync();

        Assert.Equal("5.000", (string?)all["items"]![0]!["decimaltotal"]);
        Assert.Equal("2.500", (string?)all["items"]![1]!["decimalavailable"]);
        Assert.Equal("NEW", Assert.Single(changed).Sku);
        Assert.Equal(2.5m, changed[0].DecimalTotal);
    }

    [Fact]
    public async Task Our_client_reads_warehouses_and_items_by_sku()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian", "ST-1");
        var online = sitoo.Simulator.AddWarehouse("Online", SitooWarehouseKind.Virtual);
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A", 3);
        sitoo.Simulator.AdjustStock(store.WarehouseId, "B", 4);

        var warehouses = await sitoo.Client.Warehouses.ListAsync().ToListAsync();
        var items = await sitoo.Client.Warehouses.ListItemsBySkuAsync(store.WarehouseId, ["B"]).ToListAsync();

        Assert.Equal([SitooWarehouseType.Fifo, SitooWarehouseType.Virtual], warehouses.Select(w => w.WarehouseType!.Value));
        Assert.Equal(store.StoreId, warehouses[0].StoreId);
        Assert.Equal(online, warehouses[1].WarehouseId);
        Assert.Equal(4m, Assert.Single(items).DecimalTotal);
    }
}
