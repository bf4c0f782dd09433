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
    /// <exception cref="ShopwareValidationException">
    /// A row was refused; nothing was written. Pointers read <c>/{key}/{index}/{field}</c>
    /// (<see cref="ShopwareError.Pointers"/>, which also reads a resolver error's <c>meta.parameters</c>).
    /// </exception>
    Task<ShopwareSyncResult> ExecuteAsync(IEnumerable<ShopwareSyncOperation> operations, ShopwareSyncOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an operation; if Shopware refuses it with a 400, drops the rows its error pointers name (field errors'
    /// <c>source.pointer</c>, and the <c>pointer-N</c> parameters of a resolver error such as an unknown product
    /// number) and retries the rest in one request; only when no pointer names a row of the batch does it bisect,
    /// until each refused row is alone. Then all the others are written.
    /// Failures other than 400 (authentication, timeouts, 5xx) are thrown.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="options">Indexing and flow headers; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    Task<ShopwareSyncIsolationResult> ExecuteIsolatingFailuresAsync(ShopwareSyncOperation operation, ShopwareSyncOptions? options = null, CancellationToken cancellationToken = default);
}
