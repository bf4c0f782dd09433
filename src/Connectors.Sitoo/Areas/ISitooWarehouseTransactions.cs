using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Models;

namespace Connectors.Sitoo;

/// <summary>Warehouse transactions: the stock movements of FIFO warehouses, the facts stock deltas come from.</summary>
public interface ISitooWarehouseTransactions
{
    /// <summary>Reads transactions in ascending id order, starting at <paramref name="fromTransactionId"/> (inclusive);
    /// keep the highest id seen plus one as the next cursor. Ids are global across warehouses. A page whose ids do not
    /// ascend is refused with <see cref="SitooApiException"/> before any of it is returned; a transaction that cannot be
    /// read fails the read with <see cref="SitooUnreadableItemException"/> (the overload with <c>onUnreadable</c> reads on past it).</summary>
    /// <param name="fromTransactionId">The first id to read.</param>
    /// <param name="warehouseId">Only this warehouse, or every warehouse when null.</param>
    /// <param name="transactionType">Only this type, or every type when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The transactions, oldest first.</returns>
    IAsyncEnumerable<SitooWarehouseTransaction> ListFromAsync(
        long fromTransactionId,
        int? warehouseId = null,
        SitooTransactionType? transactionType = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reads transactions like <see cref="ListFromAsync(long, int?, SitooTransactionType?, CancellationToken)"/>, but a
    /// transaction that cannot be read (a field of the wrong type, an item without its SKU) goes to
    /// <paramref name="onUnreadable"/> with its raw JSON, and the read goes on past it instead of failing.</summary>
    /// <param name="fromTransactionId">The first id to read.</param>
    /// <param name="onUnreadable">Receives each unreadable transaction, in id order with the others.</param>
    /// <param name="warehouseId">Only this warehouse, or every warehouse when null.</param>
    /// <param name="transactionType">Only this type, or every type when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The readable transactions, oldest first.</returns>
    IAsyncEnumerable<SitooWarehouseTransaction> ListFromAsync(
        long fromTransactionId,
        Action<SitooUnreadableItem> onUnreadable,
        int? warehouseId = null,
        SitooTransactionType? transactionType = null,
        CancellationToken cancellationToken = default);

    /// <summary>Creates transactions (<c>POST /sites/{siteid}/warehousetransactions.json</c>), sent in requests of at most
    /// <see cref="SitooApiOptions.WarehouseTransactionsPerRequest"/> (Sitoo allows 1000). Creating is not idempotent, so
    /// it is never retried; give each transaction an <see cref="SitooNewWarehouseTransaction.ExternalId"/> to recognise it later.</summary>
    /// <param name="transactions">The transactions, in order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every transaction's outcome, indexed as in <paramref name="transactions"/>.</returns>
    /// <exception cref="SitooBatchInterruptedException">A request after the first failed; holds the results so far.</exception>
    Task<SitooBatchResult> CreateAsync(IReadOnlyList<SitooNewWarehouseTransaction> transactions, CancellationToken cancellationToken = default);
}
