using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>Work that should have been done by now: an online order not yet in Sitoo, a store return not yet refunded.</summary>
/// <param name="Kind">The work kind, e.g. <c>order.export</c> or <c>returns.refund</c>.</param>
/// <param name="Key">The work item's idempotency key.</param>
/// <param name="Subject">What it is about (the work item's payload, e.g. the Shopware order id or the Sitoo return id).</param>
/// <param name="State">Pending (still being retried) or parked (waiting for an operator).</param>
/// <param name="CreatedAt">When the work was queued.</param>
/// <param name="Age">How long it has been waiting.</param>
/// <param name="Attempts">How often it was tried.</param>
/// <param name="LastError">Why the last attempt failed, if one did.</param>
public sealed record StalledWork(
    string Kind, string Key, string Subject, WorkItemState State, Instant CreatedAt, Duration Age, int Attempts, string? LastError);
