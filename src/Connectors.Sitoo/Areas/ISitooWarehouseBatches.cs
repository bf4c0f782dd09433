using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Models;

namespace Connectors.Sitoo;

/// <summary>Warehouse batches: the way to set absolute stock levels in FIFO warehouses (stocktaking).
/// Open a batch, add the counted levels, close it; closing commits one transaction.</summary>
public interface ISitooWarehouseBatches
{
    /// <summary>Opens a batch (<c>POST …/warehousebatches.json</c>).</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="batch">The kind of batch, usually <see cref="SitooTransactionType.StockTaking"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new batch id.</returns>
    Task<int> CreateAsync(int warehouseId, SitooNewWarehouseBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Lists the open batches of a type, e.g. to reuse one after a crash instead of opening another.</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="transactionType">The kind of batch.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The open batches.</returns>
    IAsyncEnumerable<SitooWarehouseBatch> ListOpenAsync(int warehouseId, SitooTransactionType transactionType, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces items of an open batch (<c>PUT …/warehousebatchitems.json</c>); for stocktaking each
    /// quantity is the counted, absolute level. Whether SKUs left out of a stocktaking are zeroed is not documented.</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="warehouseBatchId">The open batch.</param>
    /// <param name="items">The items.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every item's outcome.</returns>
    Task<SitooBatchResult> AddItemsAsync(int warehouseId, int warehouseBatchId, IReadOnlyList<SitooWarehouseBatchItem> items, CancellationToken cancellationToken = default);

    /// <summary>Closes a batch (state 10 → 20), which commits it as one warehouse transaction.</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="warehouseBatchId">The batch.</param>
    /// <param name="comment">An optional comment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sitoo confirmed.</returns>
    Task CloseAsync(int warehouseId, int warehouseBatchId, string? comment = null, CancellationToken cancellationToken = default);
}
