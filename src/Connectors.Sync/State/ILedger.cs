namespace Connectors.Sync.State;

/// <summary>
/// The stock memory: per SKU and location a set of named quantities (expected, last written, contribution
/// applied, ...), each row versioned; and the source facts (e.g. warehouse transactions) already applied.
/// </summary>
/// <remarks>
/// Apply a fact in one unit of work: <see cref="TryMarkAppliedAsync"/> first (it says whether the fact is
/// new), then the ledger rows it changes (<see cref="SetManyAsync"/>). A fact is then applied exactly once, however often it arrives.
/// </remarks>
public interface ILedger
{
    /// <summary>Reads one row.</summary>
    /// <param name="key">SKU and location.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The row, or <see langword="null"/> when never written.</returns>
    Task<LedgerEntry?> GetAsync(LedgerKey key, CancellationToken cancellationToken);

    /// <summary>Reads every row of several SKUs, ordered by SKU and location, in one statement per few hundred SKUs.</summary>
    /// <param name="skus">The SKUs (Shopware product numbers).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<LedgerEntry>> GetSkusAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>
    /// Writes rows, each only if its stored version still equals its <see cref="LedgerWrite.ExpectedVersion"/> (0 for a
    /// new row): an optimistic check, so two writers cannot both base a change on the same old value. A few multi-row
    /// statements (rows per statement as suits the database).
    /// </summary>
    /// <remarks>
    /// On a conflict nothing of the call is kept once its unit of work is abandoned (outside a unit of work the call is
    /// one transaction of its own): abandon the unit, read again and redo the change, as after a single row's conflict.
    /// </remarks>
    /// <param name="writes">The rows, each key at most once.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored rows with their new versions, in the order of <paramref name="writes"/>.</returns>
    /// <exception cref="LedgerConflictException">A row changed since its expected version; the first such row in <paramref name="writes"/> is named.</exception>
    /// <exception cref="ArgumentException">A key is given twice.</exception>
    Task<IReadOnlyList<LedgerEntry>> SetManyAsync(IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken);

    /// <summary>Records that a source fact was applied, unless it already was.</summary>
    /// <param name="factKey">The fact's idempotency key, e.g. <c>sitoo:acme:1:wtx:4711</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the fact is new; <see langword="false"/> when it was applied before.</returns>
    Task<bool> TryMarkAppliedAsync(string factKey, CancellationToken cancellationToken);

    /// <summary>
    /// Records that several source facts were applied, in one statement per few hundred keys, and says which were new:
    /// what <see cref="TryMarkAppliedAsync"/> does for each, for a whole page of facts.
    /// </summary>
    /// <param name="factKeys">The facts' idempotency keys; a key given twice is new at most once.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The keys that were not marked before.</returns>
    Task<IReadOnlySet<string>> MarkAppliedAsync(IReadOnlyCollection<string> factKeys, CancellationToken cancellationToken);

    /// <summary>Whether a source fact was applied.</summary>
    /// <param name="factKey">The fact's idempotency key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<bool> IsAppliedAsync(string factKey, CancellationToken cancellationToken);

    /// <summary>
    /// Reads entries in key order (SKU, then location, both ordinal), a page at a time: for full passes such as
    /// reconciliation.
    /// </summary>
    /// <param name="after">Start after this key; <see langword="null"/> for the first page.</param>
    /// <param name="maxCount">At most this many entries.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page; fewer than <paramref name="maxCount"/> entries means it is the last.</returns>
    Task<IReadOnlyList<LedgerEntry>> ListAsync(LedgerKey? after, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="maxCount"/> marks of numbered facts, keys <c>{keyPrefix}{number}</c>, that were
    /// applied before <paramref name="appliedBefore"/> and whose number is at most <paramref name="upToNumber"/>: facts
    /// the source will not deliver again, such as the transactions a cursor-based poll no longer reads. Other marks,
    /// including keys under the prefix that do not end in a number, are kept. Call again while it returns
    /// <paramref name="maxCount"/>.
    /// </summary>
    /// <param name="keyPrefix">What the keys start with, e.g. <c>sitoo:acme:1:wtx:</c>.</param>
    /// <param name="upToNumber">The highest number whose mark may go (e.g. the cursor less the poll's overlap).</param>
    /// <param name="appliedBefore">Only marks written earlier than this go.</param>
    /// <param name="maxCount">At most this many in one statement.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many marks were deleted.</returns>
    Task<int> PruneAppliedAsync(string keyPrefix, long upToNumber, NodaTime.Instant appliedBefore, int maxCount, CancellationToken cancellationToken);
}
