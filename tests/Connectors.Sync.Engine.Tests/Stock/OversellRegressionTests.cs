using Connectors.Core.Inventory;
using Connectors.Core.Reconciliation;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Engine.Tests.Reconciliation;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Stock;

/// <summary>
/// One test per way an online order's stock change was found to be lost or doubled (the oversell review), each asserting
/// both simulators and the store. In projection mode the shop must show the pool (Sitoo's totals less other parties'
/// reservations) less the units of online orders Sitoo has not delivered yet.
/// </summary>
public sealed class OversellRegressionTests
{
    private const string Sku = "SKU-1";

    [Fact]
    public async Task Case_1_an_order_placed_between_the_read_and_the_write_keeps_its_decrement()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10, dc: 4);
        await harness.SyncAsync();
        Assert.Equal(14, harness.Shop.GetProduct(Sku).Stock);

        // A shopper checks out right after the connector read the stock and right before its write lands.
        harness.Shop.BeforeProductWrite = numbers =>
        {
            harness.Shop.BeforeProductWrite = null;
            harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("eve@example.com", "Eve", "Ek"), [new ShopOrderLine(Sku, 2)]));
        };
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 1)]);
        await PollAgainAsync(harness);

        Assert.Null(harness.Shop.BeforeProductWrite);
        Assert.Equal(13 - 2, harness.Shop.GetProduct(Sku).Stock);
        Assert.True(harness.Engine.Telemetry.RaceCompensations >= 1);
        Assert.Equal(2m, await DemandAsync(harness, Sku));
        Assert.Equal(2m, harness.Pos.GetStock(DistributionCentre, Sku).Reserved);
    }

    [Fact]
    public async Task Case_1_the_write_that_follows_one_order_does_not_erase_the_next_order_not_yet_polled()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await harness.SyncAsync();
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("a@example.com", "A", "A"), [new ShopOrderLine(Sku, 1)]));
        await harness.SyncAsync();

        // Order B: no webhook, not polled yet. The stock lane works before the order poll in a pass.
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("b@example.com", "B", "B"), [new ShopOrderLine(Sku, 3)]));
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 1)]);
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Engine.PollInterval));
        await harness.Engine.RunOnceAsync(default);
        harness.Clock.Advance(Duration.FromSeconds(1));
        await harness.Engine.RunOnceAsync(default);

        Assert.Equal(9 - 1 - 3, harness.Shop.GetProduct(Sku).Stock);
    }

    [Fact]
    public async Task Case_2_export_filters_or_no_export_that_would_drop_demand_are_refused_in_projection_mode()
    {
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => StartAsync(options =>
        {
            options.Orders.Export = false;
            options.Orders.SalesChannelIds = ["0190c0ffee0000000000000000000001"];
        }));
        Assert.Contains("Connectors:Sync:Orders:Export", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Connectors:Sync:Orders:SalesChannelIds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_3_without_a_fulfilment_warehouse_an_exported_order_stays_demand_until_Sitoo_delivers_it()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await harness.SyncAsync();
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("c@example.com", "C", "C"), [new ShopOrderLine(Sku, 3)]));
        await harness.SyncAsync();
        var sitooOrder = Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        Assert.Equal(0m, harness.Pos.GetStock(harness.Store1.WarehouseId, Sku).Reserved);

        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 1)]);
        await PollAgainAsync(harness);
        Assert.Equal(9 - 3, harness.Shop.GetProduct(Sku).Stock);

        harness.Pos.ShipWebOrderFrom(sitooOrder, harness.Store1.WarehouseId);
        await PollAgainAsync(harness);
        Assert.Equal((6m, 6), (harness.Pos.GetStock(harness.Store1.WarehouseId, Sku).Total, harness.Shop.GetProduct(Sku).Stock));
        Assert.Equal(0m, await DemandAsync(harness, Sku));
    }

    [Fact]
    public async Task Case_4_a_reservation_larger_than_the_fulfilment_warehouse_holds_comes_off_the_whole_pool()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 5, dc: 1);
        await harness.SyncAsync();
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("d@example.com", "D", "D"), [new ShopOrderLine(Sku, 3)]));
        await harness.SyncAsync();
        Assert.Equal((1m, 3m), (harness.Pos.GetStock(DistributionCentre, Sku).Total, harness.Pos.GetStock(DistributionCentre, Sku).Reserved));

        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 1)]);
        await PollAgainAsync(harness);
        await harness.Reconciliation().RunNowAsync(default);
        await harness.SyncAsync();

        // Pool 4 + 1 = 5, of which 3 are promised online: the two missing at the DC come off the stores' stock too.
        Assert.Equal(2, harness.Shop.GetProduct(Sku).Stock);
    }

    [Fact]
    public async Task Case_5_a_picked_up_web_order_is_deducted_once()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 5, dc: 5);
        await harness.SyncAsync();
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("e@example.com", "E", "E"), [new ShopOrderLine(Sku, 2)]));
        await harness.SyncAsync();

        harness.Pos.PickUpWebOrder(Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber)));
        await PollAgainAsync(harness);

        Assert.Equal((3m, 0m), (harness.Pos.GetStock(DistributionCentre, Sku).Total, harness.Pos.GetStock(DistributionCentre, Sku).Reserved));
        Assert.Equal(8, harness.Shop.GetProduct(Sku).Stock);
        Assert.Equal(0m, await DemandAsync(harness, Sku));
        var rows = await StockLedgerRows.LoadAsync(harness.Store, [Sku], default);
        Assert.Empty(rows.WebOrders(Sku));
        Assert.Empty((await harness.Reconciliation().RunNowAsync(default)).Differences);
    }

    [Fact]
    public async Task Case_5_an_expired_reservation_does_not_release_an_open_order()
    {
        await using var harness = await StartAsync(options => options.Orders.ReservationPeriod = TimeSpan.FromHours(1));
        harness.AddProduct(Sku, store1: 5, dc: 5);
        await harness.SyncAsync();
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("f@example.com", "F", "F"), [new ShopOrderLine(Sku, 2)]));
        await harness.SyncAsync();
        Assert.Equal(2m, harness.Pos.GetStock(DistributionCentre, Sku).Reserved);

        harness.Clock.Advance(Duration.FromHours(2));
        Assert.Equal(0m, harness.Pos.GetStock(DistributionCentre, Sku).Reserved);
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 1)]);
        await PollAgainAsync(harness);
        await harness.Reconciliation().RunNowAsync(default);
        await harness.SyncAsync();

        Assert.Equal(9 - 2, harness.Shop.GetProduct(Sku).Stock);
        Assert.Equal(2m, await DemandAsync(harness, Sku));
    }

    [Fact]
    public async Task Case_6_contribution_mode_with_a_contributing_fulfilment_warehouse_deducts_an_order_once_and_an_erp_write_keeps_the_stores_share()
    {
        await using var harness = await StartAsync(options =>
            options.Stock.Locations.Add(new Options.StockLocationSettings { Owner = StockOwner.Shopware }));
        harness.AddProduct(Sku, dc: 5, shopwareStock: 20);
        await harness.SyncAsync();
        Assert.Equal(25, harness.Shop.GetProduct(Sku).Stock);

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("g@example.com", "G", "G"), [new ShopOrderLine(Sku, 2)]));
        await harness.SyncAsync();
        Assert.Equal((23, 2m), (harness.Shop.GetProduct(Sku).Stock, harness.Pos.GetStock(DistributionCentre, Sku).Reserved));

        harness.Pos.PickUpWebOrder(Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber)));
        await PollAgainAsync(harness);
        Assert.Equal(23, harness.Shop.GetProduct(Sku).Stock);
        Assert.Empty((await harness.Reconciliation().RunNowAsync(default)).Differences);
        await harness.SyncAsync();
        Assert.Equal(23, harness.Shop.GetProduct(Sku).Stock);

        // The ERP writes its own count for the DC, not knowing the stores' 3.
        harness.Shop.SetStockAsAdministrator(Sku, 30);
        await harness.Reconciliation().RunNowAsync(default);
        await harness.SyncAsync();
        Assert.Equal(33, harness.Shop.GetProduct(Sku).Stock);
        Assert.Equal(3m, (await harness.Store.Ledger.GetAsync(LedgerKey.ForSku(Sku), default))!["contribution"]);
    }

    [Fact]
    public async Task Case_7_export_and_cancel_read_no_levels_so_they_cannot_overwrite_transactions_applied_meanwhile()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 5, dc: 5);
        await harness.SyncAsync();
        var itemReads = ItemReads(harness);

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("h@example.com", "H", "H"), [new ShopOrderLine(Sku, 2)]));
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 1)]);
        await harness.SyncAsync();
        harness.Shop.CancelOrder(order.Id);
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 1)]);
        await PollAgainAsync(harness);

        Assert.Equal(itemReads, ItemReads(harness));
        Assert.Equal(20, (int)harness.Pos.GetOrderSnapshot(Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber)))!["orderstateid"]!.GetValue<long>());
        Assert.Equal(8, harness.Shop.GetProduct(Sku).Stock);
        Assert.Equal(0m, await DemandAsync(harness, Sku));
    }

    [Fact]
    public async Task Case_8_a_cancel_after_pickup_is_written_back_and_reported()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 5, dc: 5);
        await harness.SyncAsync();
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("i@example.com", "I", "I"), [new ShopOrderLine(Sku, 2)]));
        await harness.SyncAsync();
        harness.Pos.PickUpWebOrder(Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber)));
        await PollAgainAsync(harness);
        Assert.Equal(8, harness.Shop.GetProduct(Sku).Stock);

        // Shopware puts the two units back; they left the DC with the customer.
        harness.Shop.CancelOrder(order.Id);
        Assert.Equal(10, harness.Shop.GetProduct(Sku).Stock);
        await PollAgainAsync(harness);

        Assert.Equal(8, harness.Shop.GetProduct(Sku).Stock);
        Assert.Equal(0m, await DemandAsync(harness, Sku));
        var problem = Assert.Single(await ExceptionsAsync(harness));
        Assert.Equal((OwningTeam.Retail, order.OrderNumber), (problem.Team, problem.Entity.Id));
        await PollAgainAsync(harness);
        Assert.Equal(8, harness.Shop.GetProduct(Sku).Stock);
    }

    [Fact]
    public async Task Case_9_go_live_exports_no_past_order_and_a_backfill_counts_its_orders_as_demand()
    {
        await using (var harness = await StartAsync())
        {
            harness.AddProduct(Sku, store1: 10);
            var past = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("j@example.com", "J", "J"), [new ShopOrderLine(Sku, 2)]));
            harness.Clock.Advance(Duration.FromMinutes(5));
            await harness.SyncAsync();

            Assert.Empty(harness.Pos.FindOrdersByExternalId(past.OrderNumber));
            Assert.Equal(10, harness.Shop.GetProduct(Sku).Stock);
        }

        await using (var harness = await StartAsync(options => options.Orders.BackfillFrom = ConnectorHarness.Start.ToDateTimeOffset()))
        {
            harness.AddProduct(Sku, store1: 10);
            var past = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("k@example.com", "K", "K"), [new ShopOrderLine(Sku, 2)]));
            harness.Clock.Advance(Duration.FromMinutes(5));
            await harness.SyncAsync();

            Assert.Single(harness.Pos.FindOrdersByExternalId(past.OrderNumber));
            Assert.Equal(8, harness.Shop.GetProduct(Sku).Stock);
            Assert.Equal(2m, await DemandAsync(harness, Sku));
        }
    }

    [Fact]
    public async Task Case_10_a_sale_not_applied_yet_is_in_flight_not_drift_and_a_heal_keeps_orders_not_polled_yet()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await harness.SyncAsync();

        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 2)]);
        var report = await harness.Reconciliation().RunNowAsync(default);
        Assert.Equal([DifferenceClass.InFlight], report.ClassesOf(Sku));

        // A hand edit to heal, and an order the order poll has not seen: the heal must keep the order's decrement.
        await harness.EditShopStockByHandAsync(Sku, 40);
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("l@example.com", "L", "L"), [new ShopOrderLine(Sku, 3)]));
        await harness.Reconciliation().RunNowAsync(default);
        await harness.SyncAsync();
        Assert.Equal(8 - 3, harness.Shop.GetProduct(Sku).Stock);
        Assert.DoesNotContain((await harness.Reconciliation().RunNowAsync(default)).Differences, d => d.Class is DifferenceClass.Drift or DifferenceClass.InFlight);
    }

    [Fact]
    public async Task Case_11_closeout_force_is_applied_with_the_first_stock_write_not_an_hour_later()
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Stock.Closeout = CloseoutAction.Force;
            options.Reconciliation.FullEvery = TimeSpan.Zero;
        });
        harness.AddProduct(Sku, store1: 4, isCloseout: false);
        await harness.SyncAsync();

        Assert.Equal((4, true), (harness.Shop.GetProduct(Sku).Stock, harness.Shop.GetProduct(Sku).IsCloseout));
    }

    private static int ItemReads(ConnectorHarness harness) =>
        harness.Pos.Calls.ByOperation.Where(call => call.Key.Contains("warehouseitems", StringComparison.Ordinal)).Sum(call => call.Value);
}
