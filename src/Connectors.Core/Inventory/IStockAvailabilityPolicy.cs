namespace Connectors.Core.Inventory;

/// <summary>Turns one SKU's stock across Sitoo warehouses into the quantity offered online.</summary>
public interface IStockAvailabilityPolicy
{
    /// <summary>The quantity of a SKU that the topology's contributing locations offer online.</summary>
    /// <param name="sku">The Shopware product number.</param>
    /// <param name="levels">The SKU's levels, possibly including warehouses outside the topology.</param>
    /// <param name="topology">The configured locations.</param>
    decimal OnlineQuantity(string sku, ReadOnlySpan<WarehouseStock> levels, StockTopology topology);
}
