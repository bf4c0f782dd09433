using Connectors.Core.Inventory;

namespace Connectors.Sync.Options;

/// <summary>Builds the Core's stock settings from the configured ones.</summary>
internal static class StockSyncOptionsFactory
{
    /// <exception cref="ArgumentException">The locations do not form a valid topology.</exception>
    public static StockTopology CreateTopology(StockSyncSettings settings)
    {
        var locations = settings.Locations.Select(location => location.SitooWarehouseId is { } warehouseId
            ? StockLocation.SitooWarehouse(warehouseId, location.ContributesOnline, location.SafetyBuffer, location.Owner)
            : StockLocation.ShopwareStock());
        var skus = settings.SkuOverrides.Count == 0 ? SkuMapping.Identity : SkuMapping.WithOverrides(settings.SkuOverrides);
        return StockTopology.Create(locations, skus);
    }

    public static StockSyncOptions Create(StockSyncSettings settings, IStockAvailabilityPolicy availability, ICloseoutPolicy closeout) =>
        new(CreateTopology(settings)) { Availability = availability, Closeout = closeout };
}
