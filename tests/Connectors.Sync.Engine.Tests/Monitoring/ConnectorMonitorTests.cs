using System.Globalization;
using Connectors.Core.Finance;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Engine.Tests.Reconciliation;
using Connectors.Sync.Monitoring;
using Connectors.Sync.Reconciliation;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Monitoring;

public sealed class ConnectorMonitorTests
{
    private const decimal Price = 199m; // the harness's Sitoo price, VAT (25 %) included

    [Fact]
    public async Task An_online_order_that_cannot_reach_sitoo_is_listed_as_stalled_once_past_the_threshold()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 10);
        await harness.SyncAsync();
        harness.Pos.Faults.Add(FaultRule.Fail("/v2/accounts"));
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ann@example.com", "Ann", "Berg"), [new ShopOrderLine("SKU-1", 1)]));
        harness.Clock.Advance(Duration.FromSeconds(10));
        await harness.SyncAsync();
        var monitor = harness.Monitor();
        Assert.Empty(await monitor.StalledWorkAsync(default));

        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Orders.StalledAfter));
        await harness.SyncAsync();

        var stalled = Assert.Single(await monitor.StalledWorkAsync(default));
        Assert.Equal(("order.export", order.Id), (stalled.Kind, stalled.Subject));
        Assert.True(stalled.Age >= Duration.FromTimeSpan(harness.Options.Orders.StalledAfter));
        Assert.True(stalled.Attempts > 0);
        Assert.Empty(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        var lag = Assert.Single(await monitor.SyncLagAsync(default), l => l.Pipeline == "sitoo.warehouse-transactions");
        Assert.True(lag.SinceLastSuccess >= Duration.FromTimeSpan(harness.Options.Orders.StalledAfter));
        Assert.True((await monitor.QueueDepthAsync(default)).GetValueOrDefault("orders") >= 1);
    }

    [Fact]
    public async Task The_monitor_shows_the_drift_report_exception_counts_and_run_history()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 10);
        harness.Pos.AddProduct("POS-ONLY", "Sold only in stores", 49m);
        harness.Pos.AdjustStock(harness.Store1.WarehouseId, "POS-ONLY", 2);
        var monitor = harness.Monitor();
        Assert.Null(await monitor.LatestDriftReportAsync(default));

        await harness.SyncAsync();

        var report = await monitor.LatestDriftReportAsync(default);
        Assert.Contains(report!.Differences, d => d.Sku == "POS-ONLY");
        var count = Assert.Single(await monitor.ExceptionCountsAsync(default));
        Assert.Equal((ReasonCodes.MissingProductMapping, OwningTeam.Ecommerce, 1), (count.ReasonCode, count.Team, count.Open));
        var run = Assert.Single(await monitor.RunHistoryAsync(ReconciliationRunner.Pipeline, 10, default));
        Assert.Equal(RunOutcome.Succeeded, run.Outcome);
        Assert.True(monitor.StockLag().Samples >= 0);
    }

    [Fact]
    public async Task The_finance_journal_cuts_each_stores_day_at_its_own_midnight()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var stockholm = harness.Store1.WarehouseId.ToString(CultureInfo.InvariantCulture);
        var london = harness.Store2.WarehouseId.ToString(CultureInfo.InvariantCulture);
        var settings = harness.Services.GetRequiredService<FinanceJournalSettings>();
        settings.StoreTimeZones[stockholm] = "Europe/Stockholm";
        settings.StoreTimeZones[london] = "Europe/London";
        harness.AddProduct("SKU-1", store1: 20, store2: 20);

        // 22:30 UTC is 23:30 in Stockholm and 22:30 in London: both still on the 26th.
        harness.Clock.Reset(Instant.FromUtc(2026, 11, 26, 22, 30));
        var first = harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        harness.Pos.SellAtPos(harness.Store2, [new SitooSaleLine("SKU-1", 2)]);

        // 23:30 UTC is already the 27th in Stockholm, still the 26th in London.
        harness.Clock.Reset(Instant.FromUtc(2026, 11, 26, 23, 30));
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 3)]);
        harness.Pos.SellAtPos(harness.Store2, [new SitooSaleLine("SKU-1", 1)]);
        harness.Pos.ReturnAtPos(harness.Store1, first.OrderId, [new SitooReturnLine("SKU-1", 1)]);

        var monitor = harness.Monitor();
        var day = new LocalDate(2026, 11, 26);
        var both = await monitor.FinanceJournalAsync(new FinanceJournalQuery(day, day.PlusDays(1)), default);

        Assert.Equal((5, 5), (both.OrdersRead, both.OrdersBooked));
        Assert.Empty(both.Journal.UnknownStores);
        var totals = both.Journal.DayTotals.ToDictionary(t => (t.Store.Id, t.Date), t => t.Amounts);
        Assert.Equal(3, totals.Count);
        Assert.Equal((1 * Price, 0m, 1, 0), Sales(totals[(stockholm, day)]));
        Assert.Equal((3 * Price, -1 * Price, 1, 1), Sales(totals[(stockholm, day.PlusDays(1))]));
        Assert.Equal((3 * Price, 0m, 2, 0), Sales(totals[(london, day)]));
        Assert.Equal(Price * 0.2m * 6, both.Journal.CurrencyTotals.Single().Amounts.GoodsVat);

        var stockholmFirstDay = await monitor.FinanceJournalAsync(new FinanceJournalQuery(day, day, stockholm), default);
        var only = Assert.Single(stockholmFirstDay.Journal.DayTotals);
        Assert.Equal((JournalStoreKind.Store, stockholm, day, 1 * Price), (only.Store.Kind, only.Store.Id, only.Date, only.Amounts.SalesGross));

        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        await monitor.WriteFinanceJournalCsvAsync(new FinanceJournalQuery(day, day), csv, default);
        var lines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', FinanceJournalCsv.RowColumns), lines[0]);
        Assert.Equal(2, lines.Length - 1);
    }

    private static (decimal Sales, decimal Returns, int SaleOrders, int ReturnOrders) Sales(JournalAmounts amounts) =>
        (amounts.SalesGross, amounts.ReturnsGross, amounts.SaleOrders, amounts.ReturnOrders);
}
