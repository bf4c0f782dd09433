namespace Connectors.Sync.State;

/// <summary>
/// Webhook deliveries, stored before the sender gets its acknowledgement so that nothing acknowledged can
/// be lost. Deliveries are deduplicated by (source, event id).
/// </summary>
public interface IInbox
{
    /// <summary>Stores a delivery unless one with the same source and event id is already stored.</summary>
    /// <param name="delivery">The delivery as received.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="InboxStoreResult.Stored"/>, or <see cref="InboxStoreResult.Duplicate"/> when nothing was written.</returns>
    Task<InboxStoreResult> StoreAsync(InboxDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Reads one stored delivery.</summary>
    /// <param name="source">The sending system, e.g. <c>sitoo</c>.</param>
    /// <param name="eventId">The sender's event id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The message, or <see langword="null"/> when unknown.</returns>
    Task<InboxMessage?> FindAsync(string source, string eventId, CancellationToken cancellationToken);

    /// <summary>When the latest delivery still kept from a source was received (processed or not).</summary>
    /// <param name="source">The sending system, e.g. <c>sitoo</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The time, or <see langword="null"/> when no delivery from that source is kept.</returns>
    Task<NodaTime.Instant?> LatestReceivedAsync(string source, CancellationToken cancellationToken);

    /// <summary>The oldest deliveries not processed yet, in the order they were received.</summary>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<InboxMessage>> ListUnprocessedAsync(int maxCount, CancellationToken cancellationToken);

    /// <summary>Marks several deliveries processed in one statement per few hundred; doing so again changes nothing.</summary>
    /// <param name="deliveries">The deliveries, by source and event id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many stored deliveries were matched.</returns>
    Task<int> MarkProcessedAsync(IReadOnlyCollection<InboxKey> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="maxCount"/> processed deliveries received before a horizon, oldest first; never
    /// an unprocessed one. Keep the horizon beyond the sender's retry period (Sitoo retries for about 24 hours) so that
    /// late duplicates are still recognised. Call again while it returns <paramref name="maxCount"/>.
    /// </summary>
    /// <param name="receivedBefore">Deliveries received earlier than this are deleted once processed.</param>
    /// <param name="maxCount">At most this many in one statement, so other writers are not held up long.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many deliveries were deleted.</returns>
    Task<int> PurgeProcessedAsync(NodaTime.Instant receivedBefore, int maxCount, CancellationToken cancellationToken);
}
