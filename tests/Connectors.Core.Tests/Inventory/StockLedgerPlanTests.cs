using Connectors.Core.Inventory;
using NodaTime;
using static Connectors.Core.Tests.Inventory.StockTestData;

namespace Connectors.Core.Tests.Inventory;

public class StockLedgerPlanTests
{
    [Fact]
    public void Projection_coalesces_many_sales_into_one_absolute_write_net_of_pending_demand()
    {
        var options = Options(Stores());
        var ledger = StockLedger.Empty
            .ObserveLevels([Row("A", 1, 10m, reserved: 2m), Row("A", 2, 5m)], options.Topology)
            .Apply([Tx(1, 2, "A", -1m, 4m), Tx(2, 2, "A", -1m, 3m), Tx(3, 1, "A", -3m, 7m)], options.Topology).Ledger;
        var demand = new Dictionary<string, OnlineDemand> { ["A"] = new(2m, T0) };

        var plan = ledger.PlanChangedSkus(options, demand);

        // (7 - 2 reserved - 1 buffer) + 3 - 2 pending = 5
        var write = Assert.Single(plan.Writes);
        Assert.Equal(StockWrite.Absolute("A", 5) with { BasedOnTransactionId = 3 }, write);
    }

    [Fact]
    public void Recording_the_write_makes_the_sku_up_to_date_and_remembers_the_value()
    {
        var options = Options(Stores());
        var ledger = StockLedger.Empty.Apply([Tx(1, 2, "A", -1m, 4m)], options.Topology).Ledger;
        var write = Assert.Single(ledger.PlanChangedSkus(options, NoDemand).Writes);

        var recorded = ledger.RecordWrite(write, write.StockToWrite(99), T0);

        Assert.Null(recorded["A"].ChangedSince);
        Assert.Equal(4, recorded["A"].LastWrittenStock);
        Assert.Equal(T0, recorded["A"].LastWrittenAt);
        Assert.Empty(recorded.PlanChangedSkus(options, NoDemand).Writes);
    }

    [Fact]
    public void A_transaction_arriving_between_plan_and_record_keeps_the_sku_changed()
    {
        var options = Options(Stores());
        var ledger = StockLedger.Empty.Apply([Tx(1, 2, "A", -1m, 4m)], options.Topology).Ledger;
        var write = Assert.Single(ledger.PlanChangedSkus(options, NoDemand).Writes);

        var later = ledger.Apply([Tx(2, 2, "A", -1m, 3m)], options.Topology).Ledger.RecordWrite(write, 4, T0);

        Assert.NotNull(later["A"].ChangedSince);
        Assert.Equal(StockWrite.Absolute("A", 3) with { BasedOnTransactionId = 2 }, Assert.Single(later.PlanChangedSkus(options, NoDemand).Writes));
    }

    [Fact]
    public void A_change_that_nets_out_to_the_last_written_value_needs_no_write()
    {
        var options = Options(Stores());
        var ledger = StockLedger.Empty.Apply([Tx(1, 2, "A", -1m, 4m)], options.Topology).Ledger;
        ledger = ledger.RecordWrite(Assert.Single(ledger.PlanChangedSkus(options, NoDemand).Writes), 4, T0);
        ledger = ledger.Apply([Tx(2, 2, "A", -1m, 3m), Tx(3, 2, "A", 1m, 4m)], options.Topology).Ledger;

        var plan = ledger.PlanChangedSkus(options, NoDemand);

        Assert.Empty(plan.Writes);
        Assert.Null(plan.Ledger["A"].ChangedSince);
    }

    [Fact]
    public void Contribution_applies_only_the_change_and_never_the_same_contribution_twice()
    {
        var options = Options(Stores(StockLocation.ShopwareStock()));
        var ledger = StockLedger.Empty.Apply([Tx(1, 2, "A", 6m, 6m, SitooTransactionType.ManualIn)], options.Topology).Ledger;

        var first = Assert.Single(ledger.PlanChangedSkus(options, NoDemand).Writes);
        Assert.Equal((StockWriteKind.Delta, 6, 6), (first.Kind, first.Quantity, first.ContributionAfter));
        var shopwareStock = first.StockToWrite(20);
        ledger = ledger.RecordWrite(first, shopwareStock, T0);
        ledger = ledger.RecordWrite(first, shopwareStock, T0);

        ledger = ledger.Apply([Tx(2, 2, "A", -2m, 4m), Tx(1, 2, "A", 6m, 6m)], options.Topology).Ledger;
        var second = Assert.Single(ledger.PlanChangedSkus(options, NoDemand).Writes);

        Assert.Equal((StockWriteKind.Delta, -2, 4), (second.Kind, second.Quantity, second.ContributionAfter));
        Assert.Equal(24, second.StockToWrite(shopwareStock));
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
        var pending = new Dictionary<string, OnlineDemand> { ["A"] = new((decimal)demand, T0) };

        Assert.Equal(expected, Assert.Single(ledger.PlanChangedSkus(options, pending).Writes).Quantity);
    }

    [Fact]
    public void Own_writes_are_recognised_as_echoes()
    {
        var ledger = StockLedger.Empty.RecordWrite(StockWrite.Absolute("A", 7), 7, T0);

        Assert.Equal(EchoCheck.OwnWrite, ledger.RecogniseEcho("A", 7));
        Assert.Equal(EchoCheck.ForeignChange, ledger.RecogniseEcho("A", 6));
        Assert.Equal(EchoCheck.NeverWritten, ledger.RecogniseEcho("B", 7));
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
