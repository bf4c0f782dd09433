using NodaTime;

namespace Connectors.Sync.State;

/// <summary>A queue lane: its own share of capacity, claimed in priority order.</summary>
/// <param name="Name">The lane's name, e.g. <c>stock</c>.</param>
/// <param name="Priority">Lower is claimed first.</param>
public readonly record struct WorkLane(string Name, int Priority)
{
    /// <summary>Stock changes: ahead of everything else.</summary>
    public static WorkLane Stock { get; } = new("stock", 0);

    /// <summary>Orders, returns, customers and status transitions.</summary>
    public static WorkLane Orders { get; } = new("orders", 10);

    /// <summary>Reconciliation and other background work.</summary>
    public static WorkLane Background { get; } = new("background", 20);
}

/// <summary>A work item to enqueue.</summary>
/// <param name="Key">The idempotency key derived from the source fact, e.g. <c>sitoo:acme:1:wtx:4711</c>.</param>
/// <param name="Kind">What to do, e.g. <c>stock.apply-transaction</c>; selects the handler.</param>
/// <param name="Lane">The lane it queues in.</param>
/// <param name="Payload">What the handler needs, as the engine serialises it.</param>
/// <param name="DueAt">Not claimed before this; <see langword="null"/> for now.</param>
/// <param name="OrderingKey">
/// Items sharing it (e.g. <c>sku:SW-1</c>) are worked on one at a time, in enqueue order: an item is not
/// claimed while an earlier pending item with the same ordering key exists. <see langword="null"/> for no order.
/// </param>
public sealed record NewWorkItem(string Key, string Kind, WorkLane Lane, string Payload, Instant? DueAt = null, string? OrderingKey = null);

/// <summary>Where a work item stands.</summary>
public enum WorkItemState
{
    /// <summary>To do: due at <see cref="WorkItem.NextAttemptAt"/>, or being worked on under a lease.</summary>
    Pending = 0,

    /// <summary>Done; the key stays so that the same fact is never enqueued again.</summary>
    Completed = 1,

    /// <summary>Set aside until an operator retries it.</summary>
    Parked = 2,
}

/// <summary>A stored work item.</summary>
/// <param name="Key">Its idempotency key.</param>
/// <param name="Kind">What to do.</param>
/// <param name="Lane">The lane it queues in.</param>
/// <param name="Payload">What the handler needs.</param>
/// <param name="OrderingKey">Items sharing it are worked on one at a time, in enqueue order.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">How often it was claimed (a crashed attempt counts).</param>
/// <param name="NextAttemptAt">When it is due.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="LastError">The error of the last failed attempt, if any.</param>
/// <param name="Lease">The current lease, if it is claimed (it may have expired).</param>
public sealed record WorkItem(
    string Key,
    string Kind,
    WorkLane Lane,
    string Payload,
    string? OrderingKey,
    WorkItemState State,
    int Attempts,
    Instant NextAttemptAt,
    Instant CreatedAt,
    Instant UpdatedAt,
    string? LastError,
    WorkLease? Lease);

/// <summary>A worker's hold on a work item until <see cref="ExpiresAt"/>.</summary>
/// <param name="Key">The item's idempotency key.</param>
/// <param name="Owner">Who holds it (an instance id).</param>
/// <param name="Token">Unique per claim: a worker whose lease expired and was taken over cannot settle the item.</param>
/// <param name="ExpiresAt">After this instant another worker may claim the item.</param>
public sealed record WorkLease(string Key, string Owner, Guid Token, Instant ExpiresAt);

/// <summary>A request to claim work.</summary>
/// <param name="Owner">Who claims (an instance id).</param>
/// <param name="MaxCount">At most this many items.</param>
/// <param name="LeaseDuration">How long the leases run.</param>
/// <param name="Lanes">Only these lanes (by name); <see langword="null"/> for all.</param>
public sealed record WorkClaimRequest(string Owner, int MaxCount, Duration LeaseDuration, IReadOnlyCollection<string>? Lanes = null)
{
    /// <summary>
    /// At most this many items of a kind (the key) in the claim, within <see cref="MaxCount"/>; kinds not named are limited
    /// by <see cref="MaxCount"/> alone. Empty (the default) for no limit per kind.
    /// </summary>
    public IReadOnlyDictionary<string, int> MaxPerKind { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}

/// <summary>Thrown when a worker settles or renews a work item whose lease it no longer holds.</summary>
/// <remarks>Abandon the unit of work it was part of: another worker owns the item now.</remarks>
public sealed class WorkLeaseLostException : Exception
{
    /// <summary>Creates the exception for a lost lease.</summary>
    /// <param name="lease">The lease that is no longer held.</param>
    public WorkLeaseLostException(WorkLease lease)
        : base($"The lease of '{lease?.Owner}' on work item '{lease?.Key}' is no longer held.") =>
        Lease = lease ?? throw new ArgumentNullException(nameof(lease));

    /// <summary>The lease that is no longer held.</summary>
    public WorkLease Lease { get; }
}

/// <summary>Which work items to list.</summary>
/// <param name="Kind">Only this kind; <see langword="null"/> for all.</param>
/// <param name="State">Only this state; <see langword="null"/> for all.</param>
/// <param name="CreatedBefore">Only items enqueued before this instant; <see langword="null"/> for all.</param>
/// <param name="MaxCount">At most this many.</param>
public sealed record WorkItemFilter(string? Kind = null, WorkItemState? State = null, Instant? CreatedBefore = null, int MaxCount = 100);
