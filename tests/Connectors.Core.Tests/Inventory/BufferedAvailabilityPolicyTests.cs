using Connectors.Core.Inventory;

namespace Connectors.Core.Tests.Inventory;

public class BufferedAvailabilityPolicyTests
{
    // Warehouse 1 has buffer 1, 2 has none, 3 does not contribute, 9 is a Shopware mirror, 42 is unknown.
    [Theory]
    [InlineData(new[] { 1 }, new[] { 5.0 }, 4.0)]
    [InlineData(new[] { 1 }, new[] { 1.0 }, 0.0)]
    [InlineData(new[] { 1 }, new[] { 0.5 }, 0.0)]
    [InlineData(new[] { 2 }, new[] { 2.5 }, 2.5)]
    [InlineData(new[] { 1, 2 }, new[] { 5.0, 3.0 }, 7.0)]
    [InlineData(new[] { 1, 2 }, new[] { -4.0, 3.0 }, 3.0)]
    [InlineData(new[] { 2, 3 }, new[] { 3.0, 100.0 }, 3.0)]
    [InlineData(new[] { 2, 9 }, new[] { 3.0, 100.0 }, 3.0)]
    [InlineData(new[] { 2, 42 }, new[] { 3.0, 100.0 }, 3.0)]
    [InlineData(new int[0], new double[0], 0.0)]
    public void Sums_available_minus_buffer_floored_at_zero_over_contributing_locations(
        int[] warehouses, double[] available, double expected)
    {
        var topology = StockTestData.Stores(
            StockLocation.SitooWarehouse(9, contributesOnline: false, owner: StockOwner.Shopware));
        var levels = warehouses
            .Select((w, i) => new WarehouseStock(w, (decimal)available[i] + 2m, 2m, (decimal)available[i]))
            .ToArray();

        var quantity = BufferedAvailabilityPolicy.Instance.OnlineQuantity("A", levels, topology);

        Assert.Equal((decimal)expected, quantity);
    }
}
