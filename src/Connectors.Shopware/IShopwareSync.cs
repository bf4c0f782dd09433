namespace Connectors.Shopware;

/// <summary>
/// The bulk write API. Since Shopware 6.5 one request is one transaction: one bad row rolls back all of it, so keep
/// batches moderate (50–200 rows) and use <see cref="ExecuteIsolatingFailuresAsync"/> to write the good rows anyway.
/// </summary>
public interface IShopwareSync
{
    /// <summary>Sends the operations as one request (<c>POST /api/_action/sync</c>).</summary>
    /// <param name="operations">Operations with distinct keys.</param>
    /// <param name="options">Indexing and flow headers; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ShopwareValidationException">A row was refused; nothing was written. Pointers read <c>/{key}/{index}/{field}</c>.</exception>
    Task<ShopwareSyncResult> ExecuteAsync(IEnumerable<ShopwareSyncOperation> operations, ShopwareSyncOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an operation; if Shopware refuses it with a 400, drops the rows its error pointers name and otherwise
    /// bisects the batch until each refused row is alone, then writes all the others.
    /// Failures other than 400 (authentication, timeouts, 5xx) are thrown.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="options">Indexing and flow headers; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    Task<ShopwareSyncIsolationResult> ExecuteIsolatingFailuresAsync(ShopwareSyncOperation operation, ShopwareSyncOptions? options = null, CancellationToken cancellationToken = default);
}
