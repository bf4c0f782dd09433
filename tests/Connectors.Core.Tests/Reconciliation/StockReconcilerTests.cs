using Connectors.Core.Inventory;
using Connectors.Core.Reconciliation;
using NodaTime;
using static Connectors.Core.Tests.Inventory.StockTestData;

namespace Connectors.Core.Tests.Reconciliation;

public class StockReconcilerTests
{
    private static ReconciliationResult Reconcile(
        StockSyncOptions options,
        IEnumerable<(string Sku, ShopwareProductStock Product)> shopware,
        IEnumerable<SitooStockRow> sitoo,
        IReadOnlyDictionary<string, OnlineDemand>? demand = null,
        StockLedger? ledger = null,
        Instant? now = null)
    {
        var input = new ReconciliationInput(
            new ShopwareStockSnapshot(T0.Minus(Duration.FromMinutes(1)), shopware.ToDictionary(p => p.Sku, p => p.Product)),
            new SitooStockSnapshot(T0.Minus(Duration.FromMinutes(2)), sitoo),
            demand ?? NoDemand,
            ledger ?? StockLedger.Empty);
        return StockReconciler.Reconcile(input, options, now ?? T0);
    }

    private static ShopwareProductStock Product(int stock, bool closeout = true, bool active = true) => new(stock, closeout, active);

    [Fact]
    public void Projection_drift_is_healed_with_an_absolute_write()
    {
        // store 1: 6 - 1 buffer; store 2: 4 - 1 reserved; warehouse 3 does not contribute
        var result = Reconcile(
            Options(Stores()),
            [("A", Product(2))],
            [Row("A", 1, 6m), Row("A", 2, 4m, reserved: 1m), Row("A", 3, 50m)]);

        Assert.Equal([StockWrite.Absolute("A", 8)], result.Writes);
        var difference = Assert.Single(result.Report.Differences);
        Assert.Equal(new StockDifference("A", DifferenceClass.Drift, Duration.Zero, 2, 8, 8m), difference);
    }

    [Fact]
    public void Stock_lower_by_exactly_the_pending_online_demand_is_classified_and_not_written()
    {
        var demand = new Dictionary<string, OnlineDemand> { ["A"] = new(3m, T0.Minus(Duration.FromMinutes(20))) };

        var result = Reconcile(Options(Stores()), [("A", Product(5))], [Row("A", 2, 8m)], demand);

        Assert.Empty(result.Writes);
        var difference = Assert.Single(result.Report.Differences);
        Assert.Equal((DifferenceClass.PendingDemand, Duration.FromMinutes(20)), (difference.Class, difference.Age));
        Assert.Null(result.Ledger["A"].DifferenceSince);
    }

    [Fact]
    public void Pending_demand_is_subtracted_from_the_projection_target()
    {
        var demand = new Dictionary<string, OnlineDemand> { ["A"] = new(3m, T0) };

        var result = Reconcile(Options(Stores()), [("A", Product(8))], [Row("A", 2, 8m)], demand);

        Assert.Equal([StockWrite.Absolute("A", 5)], result.Writes);
    }

    [Fact]
    public void A_matching_sku_produces_neither_write_nor_difference()
    {
        var result = Reconcile(Options(Stores()), [("A", Product(8))], [Row("A", 2, 8m)]);

        Assert.Empty(result.Writes);
        Assert.Empty(result.Report.Differences);
    }

    [Fact]
    public void A_Shopware_product_without_Sitoo_stock_is_flagged_not_zeroed_in_projection()
    {
        var result = Reconcile(Options(Stores()), [("A", Product(4))], [Row("A", 3, 9m)]);

        Assert.Empty(result.Writes);
        Assert.Equal(DifferenceClass.MissingInSitoo, Assert.Single(result.Report.Differences).Class);
    }

    [Fact]
    public void A_Sitoo_sku_with_online_stock_but_no_Shopware_product_is_flagged()
    {
        var result = Reconcile(Options(Stores()), [], [Row("B", 2, 3m), Row("C", 2, 0m), Row("D", 3, 7m)]);

        Assert.Empty(result.Writes);
        var difference = Assert.Single(result.Report.Differences);
        Assert.Equal(("B", DifferenceClass.MissingInShopware, (decimal?)3m), (difference.Sku, difference.Class, difference.SitooQuantity));
    }

    [Theory]
    [InlineData(CloseoutAction.Warn, true, DifferenceClass.SellableAtZero)]
    [InlineData(CloseoutAction.Force, true, DifferenceClass.CloseoutForced)]
    [InlineData(CloseoutAction.Ignore, false, null)]
    public void A_store_stocked_product_sellable_at_zero_follows_the_closeout_policy(
        CloseoutAction action, bool reported, DifferenceClass? expected)
    {
        var result = Reconcile(Options(Stores(), action), [("A", Product(0, closeout: false))], [Row("A", 2, 0m)]);

        Assert.Equal(reported, result.Report.Differences.Count == 1);
        Assert.Equal(expected, result.Report.Differences.SingleOrDefault()?.Class);
        Assert.Equal(action == CloseoutAction.Force ? [StockWrite.CloseoutOnly("A")] : [], result.Writes);
    }

    [Fact]
    public void Forcing_closeout_rides_on_the_stock_write_when_there_is_one()
    {
        var result = Reconcile(Options(Stores(), CloseoutAction.Force), [("A", Product(1, closeout: false))], [Row("A", 2, 6m)]);

        Assert.Equal([StockWrite.Absolute("A", 6) with { SetCloseout = true }], result.Writes);
        Assert.Equal([DifferenceClass.Drift, DifferenceClass.CloseoutForced], result.Report.Differences.Select(d => d.Class));
    }

    [Fact]
    public void Warn_reports_nothing_while_stock_is_positive()
    {
        var result = Reconcile(Options(Stores()), [("A", Product(6, closeout: false))], [Row("A", 2, 6m)]);

        Assert.Empty(result.Report.Differences);
    }

    [Fact]
    public void An_inactive_product_with_store_stock_is_not_sellable_online()
    {
        var result = Reconcile(Options(Stores()), [("A", Product(6, active: false))], [Row("A", 2, 6m)]);

        Assert.Equal(DifferenceClass.NotSellableOnline, Assert.Single(result.Report.Differences).Class);
    }

    [Fact]
    public void Oversold_stock_is_reported_as_negative()
    {
        var demand = new Dictionary<string, OnlineDemand> { ["A"] = new(3m, T0) };

        var result = Reconcile(Options(Stores()), [("A", Product(-2))], [Row("A", 2, 1m)], demand);

        Assert.Empty(result.Writes);
        Assert.Equal(
            [DifferenceClass.PendingDemand, DifferenceClass.NegativeStock],
            result.Report.Differences.Select(d => d.Class));
    }

    [Fact]
    public void Contribution_writes_the_change_and_nothing_once_it_is_applied()
    {
        var options = Options(Stores(StockLocation.ShopwareStock()));
        var ledger = StockLedger.Empty with
        {
            Skus = StockLedger.Empty.Skus.Add("A", SkuLedgerEntry.Empty with { AppliedContribution = 2 }),
        };

        var first = Reconcile(options, [("A", Product(30))], [Row("A", 2, 5m)], ledger: ledger);
        var write = Assert.Single(first.Writes);
        Assert.Equal(StockWrite.Delta("A", 3, 5), write);
        Assert.Equal(33, Assert.Single(first.Report.Differences).ExpectedStock);

        var recorded = first.Ledger.RecordWrite(write, write.StockToWrite(29), T0);
        var second = Reconcile(options, [("A", Product(32))], [Row("A", 2, 5m)], ledger: recorded);

        Assert.Empty(second.Writes);
        Assert.Empty(second.Report.Differences);
    }

    [Fact]
    public void Contribution_mode_treats_a_sku_only_in_Shopware_as_contributing_nothing()
    {
        var options = Options(Stores(StockLocation.ShopwareStock()));

        var result = Reconcile(options, [("A", Product(30))], []);

        Assert.Empty(result.Writes);
        Assert.Empty(result.Report.Differences);
    }

    [Fact]
    public void Differences_age_while_they_persist_and_are_forgotten_once_healed()
    {
        var options = Options(Stores());
        var first = Reconcile(options, [("A", Product(2))], [Row("A", 2, 8m)]);

        var later = Reconcile(
            options, [("A", Product(2))], [Row("A", 2, 8m)], ledger: first.Ledger, now: T0.Plus(Duration.FromMinutes(30)));
        var healed = Reconcile(options, [("A", Product(8))], [Row("A", 2, 8m)], ledger: later.Ledger);

        Assert.Equal(Duration.Zero, Assert.Single(first.Report.Differences).Age);
        Assert.Equal(T0, first.Ledger["A"].DifferenceSince);
        Assert.Equal(Duration.FromMinutes(30), Assert.Single(later.Report.Differences).Age);
        Assert.Null(healed.Ledger["A"].DifferenceSince);
    }

    [Fact]
    public void Sitoo_skus_are_mapped_to_product_numbers()
    {
        var topology = StockTopology.Create(
            [StockLocation.SitooWarehouse(1, true)], SkuMapping.WithOverrides([new("SW-A", "SITOO-A")]));

        var result = Reconcile(Options(topology), [("SW-A", Product(1))], [Row("SITOO-A", 1, 4m)]);

        Assert.Equal([StockWrite.Absolute("SW-A", 4)], result.Writes);
        Assert.Equal(DifferenceClass.Drift, Assert.Single(result.Report.Differences).Class);
    }

    [Fact]
    public void A_custom_availability_policy_replaces_the_default()
    {
        var options = Options(Stores()) with { Availability = new TotalOnHandPolicy() };

        var result = Reconcile(options, [("A", Product(0))], [Row("A", 1, 6m, reserved: 6m), Row("A", 3, 4m)]);

        Assert.Equal([StockWrite.Absolute("A", 10)], result.Writes);
    }

    [Fact]
    public void The_report_counts_differences_by_class()
    {
        var result = Reconcile(
            Options(Stores()),
            [("A", Product(1)), ("B", Product(1)), ("C", Product(1))],
            [Row("A", 2, 3m), Row("B", 2, 3m), Row("D", 2, 3m)]);

        Assert.Equal(
            new Dictionary<DifferenceClass, int>
            {
                [DifferenceClass.Drift] = 2,
                [DifferenceClass.MissingInSitoo] = 1,
                [DifferenceClass.MissingInShopware] = 1,
            },
            result.Report.CountByClass());
        Assert.Equal(["A", "B", "C", "D"], result.Report.Differences.Select(d => d.Sku));
        Assert.Equal(
            (T0, T0.Minus(Duration.FromMinutes(1)), T0.Minus(Duration.FromMinutes(2))),
            (result.Report.At, result.Report.ShopwareReadAt, result.Report.SitooReadAt));
    }

    /// <summary>Counts total on-hand everywhere, ignoring reservations, buffers and ownership.</summary>
    private sealed class TotalOnHandPolicy : IStockAvailabilityPolicy
    {
        public decimal OnlineQuantity(string sku, ReadOnlySpan<WarehouseStock> levels, StockTopology topology)
        {
            var sum = 0m;
            foreach (var level in levels)
            {
                sum += level.Total;
            }

            return sum;
        }
    }
}
