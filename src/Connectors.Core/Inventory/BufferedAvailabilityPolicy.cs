namespace Connectors.Core.Inventory;

/// <summary>
/// The default availability: per contributing Sitoo-owned location, available − safety buffer floored
/// at 0, summed. Flooring per location keeps one oversold store from eating another store's stock.
/// </summary>
public sealed class BufferedAvailabilityPolicy : IStockAvailabilityPolicy
{
    /// <summary>The shared instance.</summary>
    public static BufferedAvailabilityPolicy Instance { get; } = new();

    /// <inheritdoc />
    public decimal OnlineQuantity(string sku, ReadOnlySpan<WarehouseStock> levels, StockTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var sum = 0m;
        foreach (ref readonly var level in levels)
        {
            if (topology.TryGetWarehouse(level.WarehouseId, out var location)
                && location.Owner == StockOwner.Sitoo
                && location.ContributesOnline
                && level.Available > location.SafetyBuffer)
            {
                sum += level.Available - location.SafetyBuffer;
            }
        }

        return sum;
    }
}
