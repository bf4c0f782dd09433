using Connectors.Core.Inventory;
using Connectors.Sitoo;
using Connectors.Sync.Mapping;

namespace Connectors.Sync.Reconciliation;

/// <summary>Reads the warehouse items of every Sitoo warehouse in the topology (Sitoo has no cross-warehouse stock read).</summary>
internal sealed class SitooStockReader(ISitooClient sitoo, StockSyncOptions stock)
{
    public async Task<SitooStockRead> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = new List<SitooStockRow>();
        var unreadable = 0;
        foreach (var warehouseId in stock.Topology.Locations.Select(l => l.SitooWarehouseId).OfType<int>())
        {
            await foreach (var item in sitoo.Warehouses.ListItemsAsync(warehouseId, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    rows.Add(WarehouseStockMapper.ToStockRow(item, warehouseId));
                }
                catch (MappingException)
                {
                    unreadable++;
                }
            }
        }

        return new SitooStockRead(rows, unreadable);
    }
}

/// <summary>What the Sitoo read found.</summary>
/// <param name="Rows">One row per warehouse item.</param>
/// <param name="Unreadable">Items left out because a field was missing (SKU or level).</param>
internal sealed record SitooStockRead(IReadOnlyList<SitooStockRow> Rows, int Unreadable);
