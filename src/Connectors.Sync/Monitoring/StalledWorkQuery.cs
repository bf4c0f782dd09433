using Connectors.Sync.Orders;
using Connectors.Sync.Returns;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>
/// Order exports and store-return refunds that are pending or parked longer than the stalled threshold, and those the
/// completeness check queued again (a poll passed them over, so they are late however young their work item is).
/// </summary>
internal static class StalledWorkQuery
{
    private static readonly string[] Kinds = [OrderWork.ExportKind, ReturnRefundHandler.WorkKind];
    private static readonly WorkItemState[] OpenStates = [WorkItemState.Pending, WorkItemState.Parked];

    public static async Task<IReadOnlyList<StalledWork>> ListAsync(
        IStateSession session, Instant now, Duration stalledAfter, int maxPerKind, IEnumerable<string> requeued, CancellationToken cancellationToken)
    {
        var stalled = new List<StalledWork>();
        foreach (var kind in Kinds)
        {
            foreach (var state in OpenStates)
            {
                var items = await session.WorkItems.ListAsync(new WorkItemFilter(kind, state, now - stalledAfter, maxPerKind), cancellationToken)
                    .ConfigureAwait(false);
                stalled.AddRange(items.Select(item => Stalled(item, now)));
            }
        }

        var listed = stalled.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in requeued.Where(listed.Add))
        {
            if (await session.WorkItems.FindAsync(key, cancellationToken).ConfigureAwait(false) is { State: not WorkItemState.Completed } item)
            {
                stalled.Add(Stalled(item, now));
            }
        }

        return [.. stalled.OrderBy(s => s.CreatedAt).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    private static StalledWork Stalled(WorkItem item, Instant now) =>
        new(item.Kind, item.Key, item.Payload, item.State, item.CreatedAt, now - item.CreatedAt, item.Attempts, item.LastError);
}
