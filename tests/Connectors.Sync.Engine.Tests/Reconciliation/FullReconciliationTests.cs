using Connectors.Core.Inventory;
using Connectors.Core.Reconciliation;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Reconciliation;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Reconciliation;

public sealed class FullReconciliationTests
{
    [Fact]
    public async Task Stock_changed_by_hand_in_shopware_is_healed_by_the_next_scheduled_run_and_reported()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 10, store2: 3);
        harness.AddProduct("SKU-2", store1: 4);
        await harness.SyncAsync();
        await harness.EditShopStockByHandAsync("SKU-1", 40);
        Assert.Equal(40, harness.Shop.GetProduct("SKU-1").Stock);

        await harness.RunScheduledReconciliationAsync();

        Assert.Equal((13, 4), (harness.Shop.GetProduct("SKU-1").Stock, harness.Shop.GetProduct("SKU-2").Stock));
        Assert.Equal((10m, 3m), (harness.Pos.GetStock(harness.Store1.WarehouseId, "SKU-1").Total, harness.Pos.GetStock(harness.Store2.WarehouseId, "SKU-1").Total));
        var drift = Assert.Single((await harness.LatestReportAsync()).Differences, d => d.Class == DifferenceClass.Drift);
        Assert.Equal(("SKU-1", 40, 13), (drift.Sku, drift.ShopwareStock, drift.ExpectedStock));
        var run = await harness.LatestReconciliationRunAsync();
        Assert.Equal((RunOutcome.Succeeded, 1L, 1L), (run.Outcome, run.Counts["handedToStockWriter"], run.Counts["class.Drift"]));
        Assert.Equal(13, (await harness.Store.Ledger.GetAsync(Connectors.Sync.State.LedgerKey.ForSku("SKU-1"), default))!["lastWritten"]);
        Assert.Empty(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        Assert.Equal(0, (await harness.Store.WorkItems.CountPendingByLaneAsync(default)).Values.Sum());
    }

    [Fact]
    public async Task With_healing_off_drift_is_only_reported()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Reconciliation.Heal = false);
        harness.AddProduct("SKU-1", store1: 10, shopwareStock: 10);
        await harness.SyncAsync();
        await harness.EditShopStockByHandAsync("SKU-1", 2);
        var writes = harness.ProductWrites();

        var report = await harness.Reconciliation().RunNowAsync(default);

        Assert.Equal(2, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(writes, harness.ProductWrites());
        Assert.Contains(DifferenceClass.Drift, report.ClassesOf("SKU-1"));
    }

    [Fact]
    public async Task A_sku_with_open_online_demand_is_not_healed_away()
    {
        await using var harness = await Orders.OrderScenario.StartAsync();
        harness.AddProduct("SKU-1", store1: 10);
        await harness.SyncAsync();
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ann@example.com", "Ann", "Berg"), [new ShopOrderLine("SKU-1", 2)]));
        await harness.SyncAsync();
        Assert.Equal(8, harness.Shop.GetProduct("SKU-1").Stock);
        var writes = harness.ProductWrites();

        await harness.RunScheduledReconciliationAsync();

        Assert.Equal(8, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(writes, harness.ProductWrites());
        var pending = Assert.Single((await harness.LatestReportAsync()).Differences);
        Assert.Equal(("SKU-1", DifferenceClass.PendingDemand, 8, 8), (pending.Sku, pending.Class, pending.ShopwareStock, pending.ExpectedStock));

        // Once Sitoo delivers the order from a store, the pool has two units fewer and the demand is gone: nothing to heal.
        harness.Pos.ShipWebOrderFrom(Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber)), harness.Store1.WarehouseId);
        await harness.SyncAsync();
        var settled = await harness.Reconciliation().RunNowAsync(default);
        Assert.Equal(8, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Empty(settled.Differences);
    }

    [Fact]
    public async Task The_force_policy_flags_store_stocked_products_as_closeout()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Stock.Closeout = CloseoutAction.Force);
        harness.AddProduct("SKU-1", store1: 5, isCloseout: false);
        harness.AddProduct("SKU-2", store1: 5, isCloseout: true);

        await harness.SyncAsync();

        Assert.True(harness.Shop.GetProduct("SKU-1").IsCloseout);
        Assert.Equal((5, 5), (harness.Shop.GetProduct("SKU-1").Stock, harness.Shop.GetProduct("SKU-2").Stock));
        var report = await harness.LatestReportAsync();
        Assert.Contains(DifferenceClass.CloseoutForced, report.ClassesOf("SKU-1"));
        Assert.DoesNotContain(DifferenceClass.CloseoutForced, report.ClassesOf("SKU-2"));

        var again = await harness.Reconciliation().RunNowAsync(default);
        Assert.Empty(again.Differences);
    }

    [Fact]
    public async Task The_warn_policy_reports_a_store_stocked_product_sellable_at_zero_and_leaves_the_flag()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 2, isCloseout: false);
        harness.AddProduct("SKU-2", store1: 2, isCloseout: true);
        await harness.SyncAsync();
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 2), new SitooSaleLine("SKU-2", 2)]);
        await harness.SyncAsync();

        await harness.RunScheduledReconciliationAsync();

        Assert.False(harness.Shop.GetProduct("SKU-1").IsCloseout);
        Assert.Equal(0, harness.Shop.GetProduct("SKU-1").Stock);
        var report = await harness.LatestReportAsync();
        Assert.Equal([DifferenceClass.SellableAtZero], report.ClassesOf("SKU-1"));
        Assert.Empty(report.ClassesOf("SKU-2"));
        Assert.Empty(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
    }

    [Fact]
    public async Task An_unmapped_sku_is_reported_and_recorded_for_ecommerce()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 3);
        harness.Pos.AddProduct("POS-ONLY", "Sold only in stores", 49m);
        harness.Pos.AdjustStock(harness.Store2.WarehouseId, "POS-ONLY", 4);

        var report = await harness.Reconciliation().RunNowAsync(default);

        var missing = Assert.Single(report.Differences, d => d.Class == DifferenceClass.MissingInShopware);
        Assert.Equal(("POS-ONLY", 4m), (missing.Sku, missing.SitooQuantity));
        var problem = Assert.Single(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(ReasonCode: ReasonCodes.MissingProductMapping), default));
        Assert.Equal((OwningTeam.Ecommerce, "sku", "POS-ONLY"), (problem.Team, problem.Entity.Type, problem.Entity.Id));

        // The stock writer meets the same SKU and reports the same problem: one record, seen again.
        await harness.SyncAsync();
        Assert.Equal(3, harness.Shop.GetProduct("SKU-1").Stock);
        var record = Assert.Single(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(ReasonCode: ReasonCodes.MissingProductMapping), default));
        Assert.True(record.Attempts >= 2);
    }

    [Fact]
    public async Task In_contribution_mode_an_erp_write_gets_the_stores_share_back_and_a_stale_contribution_goes_through_the_stock_writer()
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
            options.Stock.Locations.Add(new() { SitooWarehouseId = null, Owner = StockOwner.Shopware }));
        harness.AddProduct("SKU-1", store1: 5, shopwareStock: 20);
        await harness.SyncAsync();
        Assert.Equal(25, harness.Shop.GetProduct("SKU-1").Stock);

        // The ERP writes the DC's count (35) as Shopware's stock, not knowing the stores' 5: the run finds a change no
        // order explains, and the stock writer puts the stores' share back on top.
        await harness.EditShopStockByHandAsync("SKU-1", 35);
        var report = await harness.Reconciliation().RunNowAsync(default);
        Assert.Empty(report.Differences);
        Assert.Equal(1L, (await harness.LatestReconciliationRunAsync()).Counts["foreignWrites"]);
        await harness.SyncAsync();
        Assert.Equal(40, harness.Shop.GetProduct("SKU-1").Stock);

        // A store change the connector has not applied yet (its transaction not read) is in flight, not drift: the run
        // hands it to the stock writer, which adds just the change.
        harness.Pos.AdjustStock(harness.Store1.WarehouseId, "SKU-1", 3);
        var stale = await harness.Reconciliation().RunNowAsync(default);
        Assert.Equal([DifferenceClass.InFlight], stale.ClassesOf("SKU-1"));
        await harness.SyncAsync();
        Assert.Equal(43, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(8m, (await harness.Store.Ledger.GetAsync(Connectors.Sync.State.LedgerKey.ForSku("SKU-1"), default))!["contribution"]);
        Assert.Empty((await harness.Reconciliation().RunNowAsync(default)).Differences);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_sale_whose_transaction_the_poll_never_reads_is_healed_by_the_incremental_run(bool incremental)
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Reconciliation.FullEvery = TimeSpan.Zero;
            options.Reconciliation.IncrementalEvery = incremental ? TimeSpan.FromMinutes(5) : TimeSpan.Zero;
        });
        harness.AddProduct("SKU-1", store1: 10);
        harness.AddProduct("SKU-2", store1: 10);
        await harness.SyncAsync();

        // The transaction cursor has moved past the sale (e.g. it became visible only after the overlap window).
        var intake = harness.Services.GetRequiredService<Connectors.Sync.Stock.TransactionIntake>();
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 4)]);
        await harness.Store.Cursors.AdvanceAsync(intake.CursorName, CursorPosition.FromNumber(1_000_000), default);
        harness.Clock.Advance(Duration.FromMinutes(6));
        await harness.SyncAsync();

        Assert.Equal(incremental ? 6 : 10, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(10, harness.Shop.GetProduct("SKU-2").Stock);
        if (incremental)
        {
            var run = (await harness.Store.Runs.ListAsync(ReconciliationRunner.IncrementalPipeline, 1, default))[0];
            Assert.Equal((RunOutcome.Succeeded, 1L), (run.Outcome, run.Counts["handedToStockWriter"]));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_erp_write_in_projection_mode_is_overwritten_by_the_incremental_run(bool incremental)
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Reconciliation.FullEvery = TimeSpan.Zero;
            options.Reconciliation.IncrementalEvery = incremental ? TimeSpan.FromMinutes(5) : TimeSpan.Zero;
        });
        harness.AddProduct("SKU-1", store1: 10);
        await harness.SyncAsync();
        harness.Clock.Advance(Duration.FromMinutes(6));
        await harness.SyncAsync();

        harness.Shop.SetStockAsAdministrator("SKU-1", 50);
        harness.Clock.Advance(Duration.FromMinutes(5));
        await harness.SyncAsync();

        Assert.Equal(incremental ? 10 : 50, harness.Shop.GetProduct("SKU-1").Stock);
    }

    [Fact]
    public async Task The_drift_report_snapshot_is_plain_json_with_counts_by_class()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Reconciliation.Heal = false);
        harness.AddProduct("SKU-1", store1: 3);
        harness.AddProduct("SKU-2", store1: 3);
        await harness.SyncAsync();
        await harness.EditShopStockByHandAsync("SKU-1", 1);
        await harness.EditShopStockByHandAsync("SKU-2", 7);
        harness.Shop.AddProduct(new ShopProductDraft("WEB-ONLY", 2));

        await harness.Reconciliation().RunNowAsync(default);

        var snapshot = await harness.Store.Snapshots.LoadAsync(ReconciliationRunner.DriftReportSnapshot, default);
        using var json = System.Text.Json.JsonDocument.Parse(snapshot!.Body);
        var counts = json.RootElement.GetProperty("counts");
        Assert.Equal((2, 1), (counts.GetProperty("Drift").GetInt32(), counts.GetProperty("MissingInSitoo").GetInt32()));
        Assert.Equal(3, json.RootElement.GetProperty("differences").GetArrayLength());
    }
}
