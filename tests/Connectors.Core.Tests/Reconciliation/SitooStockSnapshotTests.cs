using Connectors.Core.Inventory;
using Connectors.Core.Reconciliation;
using static Connectors.Core.Tests.Inventory.StockTestData;

namespace Connectors.Core.Tests.Reconciliation;

public class SitooStockSnapshotTests
{
    [Fact]
    public void Groups_rows_by_sku_in_warehouse_order_and_lets_a_later_row_for_the_same_warehouse_win()
    {
        var snapshot = new SitooStockSnapshot(
            T0,
            [Row("A", 1, 5m), Row("B", 3, 2m), Row("A", 2, 7m, reserved: 1m), Row("B", 1, 6m), Row("A", 1, 4m), Row("B", 3, 1m)]);

        Assert.Equal(2, snapshot.Count);
        Assert.Equal(["A", "B"], snapshot.Skus.Order(StringComparer.Ordinal));
        Assert.Equal(
            [new WarehouseStock(1, 4m, 0m, 4m), new WarehouseStock(2, 7m, 1m, 6m)],
            snapshot.Levels("A").ToArray());
        Assert.Equal([new WarehouseStock(1, 6m, 0m, 6m), new WarehouseStock(3, 1m, 0m, 1m)], snapshot.Levels("B").ToArray());
    }

    [Fact]
    public void An_absent_sku_has_no_levels()
    {
        var snapshot = new SitooStockSnapshot(T0, [Row("A", 1, 5m)]);

        Assert.False(snapshot.Contains("a"));
        Assert.True(snapshot.Levels("a").IsEmpty);
        Assert.True(snapshot.Contains("A"));
    }

    [Fact]
    public void Rows_from_a_lazy_sequence_are_read_once()
    {
        var reads = 0;
        IEnumerable<SitooStockRow> Rows()
        {
            reads++;
            yield return Row("A", 1, 5m);
            yield return Row("A", 2, 1m);
        }

        var snapshot = new SitooStockSnapshot(T0, Rows());

        Assert.Equal(1, reads);
        Assert.Equal(2, snapshot.Levels("A").Length);
    }
}
