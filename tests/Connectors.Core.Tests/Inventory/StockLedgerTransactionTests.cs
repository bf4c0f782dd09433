using Connectors.Core.Inventory;
using NodaTime;
using static Connectors.Core.Tests.Inventory.StockTestData;

namespace Connectors.Core.Tests.Inventory;

public class StockLedgerTransactionTests
{
    private static readonly StockTopology Topology = Stores();

    private static StockLedger ObservedTen() => StockLedger.Empty.ObserveLevels([Row("A", 2, 10m, reserved: 3m)], Topology);

    // Each Sitoo transaction type moves the level to its level-after and reports its own delta.
    [Theory]
    [InlineData(WarehouseTransactionType.Sale, -2.0, 8.0)]
    [InlineData(WarehouseTransactionType.Refund, 1.0, 11.0)]
    [InlineData(WarehouseTransactionType.Stocktaking, -1.0, 9.0)]
    [InlineData(WarehouseTransactionType.ManualIn, 13.0, 23.0)]
    [InlineData(WarehouseTransactionType.ManualOut, -0.25, 9.75)]
    [InlineData((WarehouseTransactionType)70, 4.0, 14.0)]
    public void Each_transaction_type_sets_the_level_and_marks_the_sku_changed(
        WarehouseTransactionType type, double quantity, double levelAfter)
    {
        var result = ObservedTen().Apply([Tx(100, 2, "A", (decimal)quantity, (decimal)levelAfter, type, minutes: 5)], Topology);

        var level = Assert.Single(result.Ledger["A"].Locations.ToArray());
        Assert.Equal(new LocationLevel(2, (decimal)levelAfter, 3m, 100), level);
        Assert.Equal(T0.Plus(Duration.FromMinutes(5)), result.Ledger["A"].ChangedSince);
        Assert.Equal([new TransactionOutcome(100, TransactionOutcomeKind.Applied)], result.Outcomes);
        Assert.Equal([new SkuStockChange("A", (decimal)quantity, 1)], result.Changes);
    }

    [Fact]
    public void The_same_transaction_twice_is_a_duplicate_and_changes_nothing()
    {
        var once = ObservedTen().Apply([Tx(100, 2, "A", -2m, 8m)], Topology);

        var twice = once.Ledger.Apply([Tx(100, 2, "A", -2m, 8m)], Topology);

        Assert.Equal(once.Ledger, twice.Ledger);
        Assert.Equal([new TransactionOutcome(100, TransactionOutcomeKind.Duplicate)], twice.Outcomes);
        Assert.Empty(twice.Changes);
    }

    [Fact]
    public void A_late_older_transaction_does_not_overwrite_a_newer_level()
    {
        var result = ObservedTen().Apply([Tx(101, 2, "A", -1m, 7m), Tx(100, 2, "A", -2m, 8m)], Topology);

        Assert.Equal(7m, result.Ledger["A"].Locations[0].Total);
        Assert.Equal(new SkuStockChange("A", -3m, 2), Assert.Single(result.Changes));
    }

    [Fact]
    public void Coalesces_many_changes_per_sku_and_keeps_the_earliest_change_time()
    {
        var result = StockLedger.Empty.Apply(
            [
                Tx(1, 1, "A", -1m, 4m, minutes: 3),
                Tx(2, 2, "A", -1m, 9m, minutes: 1),
                Tx(3, 1, "B", 2m, 2m, minutes: 2),
                Tx(4, 1, "A", -2m, 2m, minutes: 4),
            ],
            Topology);

        Assert.Equal([new SkuStockChange("A", -4m, 3), new SkuStockChange("B", 2m, 1)], result.Changes);
        Assert.Equal(T0.Plus(Duration.FromMinutes(1)), result.Ledger["A"].ChangedSince);
        Assert.Equal([new LocationLevel(1, 2m, 0m, 4), new LocationLevel(2, 9m, 0m, 2)], result.Ledger["A"].Locations.ToArray());
    }

    [Fact]
    public void An_unknown_warehouse_is_reported_and_remembered_but_not_applied()
    {
        var result = StockLedger.Empty.Apply([Tx(7, 42, "A", -1m, 0m)], Topology);

        Assert.Equal(TransactionOutcomeKind.UnknownLocation, Assert.Single(result.Outcomes).Kind);
        Assert.Empty(result.Ledger.Skus);
        Assert.True(result.Ledger.HasApplied(7));
    }

    [Fact]
    public void Sitoo_skus_are_mapped_to_Shopware_numbers()
    {
        var topology = StockTopology.Create(
            [StockLocation.SitooWarehouse(1, true)], SkuMapping.WithOverrides([new("SW-A", "SITOO-A")]));

        var result = StockLedger.Empty.Apply([Tx(1, 1, "SITOO-A", -1m, 4m)], topology);

        Assert.Equal(["SW-A"], result.Ledger.Skus.Keys);
    }

    [Fact]
    public void Forgotten_ids_still_count_as_applied()
    {
        var ledger = StockLedger.Empty.Apply([Tx(5, 1, "A", -1m, 4m), Tx(9, 1, "A", -1m, 3m)], Topology).Ledger;

        var pruned = ledger.ForgetTransactionsBelow(9);
        var replay = pruned.Apply([Tx(5, 1, "A", -1m, 4m), Tx(6, 1, "A", -1m, 1m)], Topology);

        Assert.Equal([9L], pruned.AppliedTransactionIds);
        Assert.True(pruned.HasApplied(6));
        Assert.All(replay.Outcomes, o => Assert.Equal(TransactionOutcomeKind.Duplicate, o.Kind));
        Assert.Equal(pruned, replay.Ledger);
        Assert.Same(pruned, pruned.ForgetTransactionsBelow(3));
    }

    [Fact]
    public void Observation_sets_total_and_reserved_and_skips_unknown_warehouses()
    {
        var ledger = StockLedger.Empty
            .Apply([Tx(5, 1, "A", -1m, 4m)], Topology).Ledger
            .ObserveLevels([Row("A", 1, 6m, reserved: 2m), Row("A", 42, 50m)], Topology);

        Assert.Equal([new LocationLevel(1, 6m, 2m, 5)], ledger["A"].Locations.ToArray());
        Assert.Equal(new WarehouseStock(1, 6m, 2m, 4m), ledger["A"].ToWarehouseStock()[0]);
    }
}
