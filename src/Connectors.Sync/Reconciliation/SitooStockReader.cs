using Connectors.Core.Inventory;
using Connectors.Sitoo;
using Connectors.Sync.Mapping;
using NodaTime;

namespace Connectors.Sync.Reconciliation;

/// <summary>Reads the warehouse items of every Sitoo warehouse in the topology (Sitoo has no cross-warehouse stock read).</summary>
internal sealed class SitooStockReader(ISitooClient sitoo, StockSyncOptions stock)
{
    private IEnumerable<int> Warehouses => stock.Topology.Locations.Select(l => l.SitooWarehouseId).OfType<int>();

    /// <summary>The Shopware product numbers of the SKUs whose items changed in any warehouse since <paramref name="since"/>.</summary>
    public async Task<IReadOnlyCollection<string>> ChangedSkusAsync(Instant since, CancellationToken cancellationToken)
    {
        var skus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var warehouseId in Warehouses)
        {
            await foreach (var item in sitoo.Warehouses.ListItemsModifiedSinceAsync(warehouseId, since, cancellationToken).ConfigureAwait(false))
            {
                if (!string.IsNullOrEmpty(item.Sku))
                {
                    skus.Add(stock.Topology.Skus.ToShopware(item.Sku));
                }
            }
        }

        return skus;
    }

    /// <summary>
    /// Empty levels for the products among <paramref name="productNumbers"/> that Sitoo knows but holds nowhere (a
    /// product never stocked has no warehouse item): in projection mode their online stock is 0, not unknown.
    /// </summary>
    public async Task<IReadOnlyList<SitooStockRow>> EmptyLevelsAsync(IReadOnlyCollection<string> productNumbers, CancellationToken cancellationToken)
    {
        var rows = new List<SitooStockRow>();
        if (productNumbers.Count == 0 || stock.Topology.Locations.FirstOrDefault(l => l.SitooWarehouseId is { } id && stock.Topology.Contributes(id)) is not { } location)
        {
            return rows;
        }

        await foreach (var product in sitoo.Products.ListBySkuAsync(productNumbers.Select(stock.Topology.Skus.ToSitoo), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            rows.Add(new SitooStockRow(product.Sku, new WarehouseStock(location.SitooWarehouseId!.Value, 0m, 0m, 0m)));
        }

        return rows;
    }

    /// <summary>Reads every item, or the items of <paramref name="productNumbers"/> in every warehouse.</summary>
    public async Task<SitooStockRead> ReadAsync(IReadOnlyCollection<string>? productNumbers, CancellationToken cancellationToken)
    {
        var rows = new List<SitooStockRow>();
        var unreadable = 0;
        var skus = productNumbers?.Select(stock.Topology.Skus.ToSitoo).ToList();
        foreach (var warehouseId in Warehouses)
        {
            var items = skus is null
                ? sitoo.Warehouses.ListItemsAsync(warehouseId, cancellationToken)
                : sitoo.Warehouses.ListItemsBySkuAsync(warehouseId, skus, cancellationToken);
            if (skus is { Count: 0 })
            {
                continue;
            }

            await foreach (var item in items.ConfigureAwait(false))
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
