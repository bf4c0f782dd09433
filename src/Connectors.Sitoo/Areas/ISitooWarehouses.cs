using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Models;
using NodaTime;

namespace Connectors.Sitoo;

/// <summary>Warehouses and their stock levels (warehouse items). There is no cross-warehouse stock endpoint:
/// read each warehouse.</summary>
public interface ISitooWarehouses
{
    /// <summary>Lists the site's warehouses (<c>GET /sites/{siteid}/warehouses.json</c>), all pages.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The warehouses.</returns>
    IAsyncEnumerable<SitooWarehouse> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one warehouse.</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The warehouse.</returns>
    Task<SitooWarehouse> GetAsync(int warehouseId, CancellationToken cancellationToken = default);

    /// <summary>Reads the stock of every SKU in a warehouse, all pages.</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The warehouse items.</returns>
    IAsyncEnumerable<SitooWarehouseItem> ListItemsAsync(int warehouseId, CancellationToken cancellationToken = default);

    /// <summary>Reads the stock of the given SKUs in a warehouse (comma-separated <c>sku=</c> filter, split into groups
    /// of <see cref="SitooApiOptions.FilterValuesPerRequest"/>). SKUs without a warehouse item are simply absent.</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="skus">The SKUs; duplicates are asked for once.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The warehouse items found.</returns>
    IAsyncEnumerable<SitooWarehouseItem> ListItemsBySkuAsync(int warehouseId, IEnumerable<string> skus, CancellationToken cancellationToken = default);

    /// <summary>Reads the warehouse items that took part in a transaction at or after <paramref name="since"/>
    /// (<c>datelastmodifiedfrom</c>).</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="since">The earliest modification to include (whole seconds).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The changed warehouse items.</returns>
    IAsyncEnumerable<SitooWarehouseItem> ListItemsModifiedSinceAsync(int warehouseId, Instant since, CancellationToken cancellationToken = default);

    /// <summary>Sets stock levels of a <see cref="SitooWarehouseType.Virtual"/> warehouse directly
    /// (<c>PUT …/warehouseitems.json</c> with <c>decimaltotal</c>); also sets bin locations and thresholds in any warehouse.
    /// Absolute values make the call safe to repeat.</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="items">The changes, one per SKU.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every item's outcome.</returns>
    Task<SitooBatchResult> SetItemsAsync(int warehouseId, IReadOnlyList<SitooWarehouseItemUpdate> items, CancellationToken cancellationToken = default);
}
