using Connectors.Core.Inventory;
using NodaTime;
using static Connectors.Core.Tests.Inventory.StockTestData;

namespace Connectors.Core.Tests.Inventory;

public class StockTargetTests
{
    private static readonly ShopwareStockReading Unchanged = new(99, 0);

    [Fact]
    public void Projection_takes_many_sales_and_the_online_demand_into_one_absolute_target()
    {
        var options = Options(Stores());
        var ledger = StockLedger.Empty
            .ObserveLevels([Row("A", 1, 10m, reserved: 2m), Row("A", 2, 5m)], options.Topology)
            .Apply([Tx(1, 2, "A", -1m, 4m), Tx(2, 2, "A", -1m, 3m), Tx(3, 1, "A", -3m, 7m)], options.Topology).Ledger;

        var decision = ShopwareStockTarget.Decide(options, "A", ledger["A"], new OnlineSalesState(0, 99, Unattributed: 2m), Unchanged, T0);

        // (7 - 2 reserved - 1 buffer) + 3 - 2 online demand = 5
        Assert.Equal((5, (int?)null), (decision.Target, decision.ContributionAfter));
    }

    [Fact]
    public void Recording_the_write_makes_the_sku_up_to_date_and_remembers_the_value()
    {
        var options = Options(Stores());
        var ledger = StockLedger.Empty.Apply([Tx(1, 2, "A", -1m, 4m)], options.Topology).Ledger;
        var write = StockWrite.Absolute("A", 4) with { BasedOnTransactionId = 1 };

        var recorded = ledger.RecordWrite(write, write.StockToWrite(99), T0);

        Assert.Null(recorded["A"].ChangedSince);
        Assert.Equal(4, recorded["A"].LastWrittenStock);
        Assert.Equal(T0, recorded["A"].LastWrittenAt);
    }

    [Fact]
    public void A_transaction_arriving_between_decision_and_record_keeps_the_sku_changed()
    {
        var options = Options(Stores());
        var ledger = StockLedger.Empty.Apply([Tx(1, 2, "A", -1m, 4m)], options.Topology).Ledger;
        var write = StockWrite.Absolute("A", 4) with { BasedOnTransactionId = 1 };

        var later = ledger.Apply([Tx(2, 2, "A", -1m, 3m)], options.Topology).Ledger.RecordWrite(write, 4, T0);

        Assert.NotNull(later["A"].ChangedSince);
        Assert.Equal(3, ShopwareStockTarget.Decide(options, "A", later["A"], new OnlineSalesState(0, 4, 0m), new ShopwareStockReading(4, 0), T0).Target);
    }

    [Fact]
    public void Contribution_applies_only_the_change_and_never_the_same_contribution_twice()
    {
        var options = Options(Stores(StockLocation.ShopwareStock()));
        var ledger = StockLedger.Empty.Apply([Tx(1, 2, "A", 6m, 6m, WarehouseTransactionType.ManualIn)], options.Topology).Ledger;
        var sales = new OnlineSalesState(0, 20, 0m);

        var first = ShopwareStockTarget.Decide(options, "A", ledger["A"], sales, new ShopwareStockReading(20, 0), T0);
        Assert.Equal((26, (int?)6), (first.Target, first.ContributionAfter));
        var applied = ledger["A"] with { AppliedContribution = first.ContributionAfter };
        Assert.Equal(26, ShopwareStockTarget.Decide(options, "A", applied, sales.Written(26), new ShopwareStockReading(26, 0), T0).Target);

        ledger = ledger.Apply([Tx(2, 2, "A", -2m, 4m), Tx(1, 2, "A", 6m, 6m)], options.Topology).Ledger;
        var second = ShopwareStockTarget.Decide(options, "A", ledger["A"] with { AppliedContribution = 6 }, sales.Written(26), new ShopwareStockReading(26, 0), T0);

        Assert.Equal((24, (int?)4), (second.Target, second.ContributionAfter));
    }

    [Theory]
    [InlineData(2.999, 0.0, 2)]
    [InlineData(3.0, 1.0, 2)]
    [InlineData(1.0, 3.0, -2)]
    [InlineData(0.5, 1.0, -1)]
    public void Projection_rounds_down_to_whole_units(double available, double demand, int expected)
    {
        var options = Options(Stores());
        var ledger = StockLedger.Empty.Apply([Tx(1, 2, "A", 0m, (decimal)available)], options.Topology).Ledger;

        var decision = ShopwareStockTarget.Decide(options, "A", ledger["A"], new OnlineSalesState(0, 99, (decimal)demand), Unchanged, T0);

        Assert.Equal(expected, decision.Target);
    }

    [Fact]
    public void A_closeout_only_write_leaves_stock_and_ledger_alone()
    {
        var write = StockWrite.CloseoutOnly("A");

        Assert.True(write.SetCloseout);
        Assert.Equal(13, write.StockToWrite(13));
        Assert.Same(StockLedger.Empty, StockLedger.Empty.RecordWrite(write, 13, T0));
    }

    [Theory]
    [InlineData(StockWriteKind.Absolute, 5, 9, 5)]
    [InlineData(StockWriteKind.Delta, -3, 9, 6)]
    [InlineData(StockWriteKind.Delta, 4, -2, 2)]
    public void Stock_to_write_depends_on_the_kind(StockWriteKind kind, int quantity, int current, int expected)
    {
        var write = kind == StockWriteKind.Absolute ? StockWrite.Absolute("A", quantity) : StockWrite.Delta("A", quantity, 0);

        Assert.Equal(expected, write.StockToWrite(current));
    }

    [Fact]
    public void The_ledger_is_a_plain_value_with_content_equality()
    {
        var a = StockLedger.Empty.Apply([Tx(1, 2, "A", -1m, 4m)], Stores()).Ledger.RecordWrite(StockWrite.Absolute("A", 4), 4, T0);
        var b = StockLedger.Empty.Apply([Tx(1, 2, "A", -1m, 4m)], Stores()).Ledger.RecordWrite(StockWrite.Absolute("A", 4), 4, T0);

        Assert.Equal(a, b);
        Assert.NotEqual(a, b.RecordWrite(StockWrite.Absolute("A", 5), 5, T0.Plus(Duration.FromSeconds(1))));
    }
}
