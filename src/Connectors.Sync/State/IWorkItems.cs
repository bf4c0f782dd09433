using NodaTime;

namespace Connectors.Sync.State;

/// <summary>
/// Units of work, each under an idempotency key derived from its source fact. Workers claim due items
/// with a lease; an item whose lease runs out (its worker crashed) can be claimed again, so a crash between
/// claim and completion loses nothing.
/// </summary>
public interface IWorkItems
{
    /// <summary>Adds a work item unless one with the same key exists (in any state).</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when added; <see langword="false"/> when the key was known and nothing changed.</returns>
    Task<bool> EnqueueAsync(NewWorkItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Adds work items in a few multi-row statements (rows per statement as suits the database): what <see cref="EnqueueAsync"/> does for each, in the order
    /// given, so an item whose key is known (stored in any state, or earlier in <paramref name="items"/>) changes nothing.
    /// </summary>
    /// <param name="items">The items.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The keys of the items added.</returns>
    Task<IReadOnlySet<string>> EnqueueManyAsync(IReadOnlyCollection<NewWorkItem> items, CancellationToken cancellationToken);

    /// <summary>Reads one work item.</summary>
    /// <param name="key">Its idempotency key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The item, or <see langword="null"/> when unknown.</returns>
    Task<WorkItem?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <see cref="WorkClaimRequest.MaxCount"/> due, unleased items, lane by lane in priority
    /// order (stock first), oldest due first within a lane. Atomic: two claimers never get the same item.
    /// An item waits while an earlier pending item has its ordering key. Each claimed item's attempt count
    /// goes up by one.
    /// </summary>
    /// <param name="request">Who claims, how many, for how long, from which lanes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The claimed items, each carrying its new lease, in claim order.</returns>
    Task<IReadOnlyList<WorkItem>> ClaimAsync(WorkClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Marks a claimed item done.</summary>
    /// <param name="lease">The lease the item was claimed with.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="WorkLeaseLostException">The lease is no longer held (it expired and another worker took the item, or the item was settled).</exception>
    Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken);

    /// <summary>Gives a claimed item back after a failure, to be tried again at <paramref name="retryAt"/>.</summary>
    /// <param name="lease">The lease the item was claimed with.</param>
    /// <param name="failure">What went wrong (kept on the item, shown to operators).</param>
    /// <param name="retryAt">When it is due again (the backoff the caller chose).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="WorkLeaseLostException">The lease is no longer held.</exception>
    Task FailAsync(WorkLease lease, string failure, Instant retryAt, CancellationToken cancellationToken);

    /// <summary>
    /// Sets a claimed item aside until an operator retries it (see <see cref="IExceptionLog.RetryAsync"/>):
    /// for problems that retrying alone will not fix.
    /// </summary>
    /// <param name="lease">The lease the item was claimed with.</param>
    /// <param name="reason">Why it cannot proceed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="WorkLeaseLostException">The lease is no longer held.</exception>
    Task ParkAsync(WorkLease lease, string reason, CancellationToken cancellationToken);

    /// <summary>Gives a claimed item back untouched (e.g. on shutdown): due at once, the attempt not counted.</summary>
    /// <param name="lease">The lease the item was claimed with.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="WorkLeaseLostException">The lease is no longer held.</exception>
    Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken);

    /// <summary>Extends a lease for long work.</summary>
    /// <param name="lease">The lease held.</param>
    /// <param name="duration">The new lease runs this long from now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The extended lease.</returns>
    /// <exception cref="WorkLeaseLostException">The lease is no longer held.</exception>
    Task<WorkLease> RenewAsync(WorkLease lease, Duration duration, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="maxCount"/> completed items whose keys start with <paramref name="keyPrefix"/> and
    /// that were completed before <paramref name="completedBefore"/>, oldest first. Pending (claimed or not), parked and
    /// failed items stay, and so does an item an exception record names. Call again while it returns
    /// <paramref name="maxCount"/>.
    /// </summary>
    /// <remarks>
    /// A completed item's key is what makes a second enqueue of its fact a no-op: prune only keys that cannot be enqueued
    /// again once their time has passed, such as those naming a stock write's coalescing window.
    /// </remarks>
    /// <param name="keyPrefix">What the keys start with, e.g. <c>stock:write:</c>.</param>
    /// <param name="completedBefore">Only items settled earlier than this go.</param>
    /// <param name="maxCount">At most this many in one statement.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many items were deleted.</returns>
    Task<int> PruneCompletedAsync(string keyPrefix, Instant completedBefore, int maxCount, CancellationToken cancellationToken);

    /// <summary>Counts pending items per lane (leased ones included): the queue depth.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyDictionary<string, int>> CountPendingByLaneAsync(CancellationToken cancellationToken);

    /// <summary>Lists items, oldest first: for monitoring (stalled orders, parked work), not for claiming.</summary>
    /// <param name="filter">Which items.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<WorkItem>> ListAsync(WorkItemFilter filter, CancellationToken cancellationToken);
}
