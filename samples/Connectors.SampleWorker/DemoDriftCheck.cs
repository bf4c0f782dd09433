using Connectors.Core.Inventory;
using Connectors.SampleWorker.Demo;

namespace Connectors.SampleWorker;

/// <summary>
/// An independent check of the demo's end state: for every product, the stock the shop shows against what
/// the stores and the DC hold (available less each location's buffer), read straight from the simulators.
/// </summary>
internal static class DemoDriftCheck
{
    public static IReadOnlyList<string> DriftingSkus(DemoWorld world, StockSyncOptions stock)
    {
        var drifting = new List<string>();
        foreach (var sku in DemoCatalogue.Skus.Append(DemoCatalogue.CloseoutSku))
        {
            var levels = stock.Topology.Locations
                .Where(l => l.SitooWarehouseId is not null)
                .Select(l => world.Pos.GetStock(l.SitooWarehouseId!.Value, sku))
                .Zip(stock.Topology.Locations.Where(l => l.SitooWarehouseId is not null), (level, location) => new WarehouseStock(location.SitooWarehouseId!.Value, level.Total, level.Reserved, level.Available))
                .ToArray();
            var expected = (int)decimal.Floor(stock.Availability.OnlineQuantity(sku, levels, stock.Topology));
            if (world.Shop.GetProduct(sku).Stock != expected)
            {
                drifting.Add(sku);
            }
        }

        return drifting;
    }
}
