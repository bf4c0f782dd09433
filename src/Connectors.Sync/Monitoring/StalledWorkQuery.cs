using Connectors.Sync.Orders;
using Connectors.Sync.Returns;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>Order exports and store-return refunds that are pending or parked longer than the stalled threshold.</summary>
internal static class StalledWorkQuery
{
    private static readonly string[] Kinds = [OrderWork.ExportKind, ReturnRefundHandler.WorkKind];
    private static readonly WorkItemState[] OpenStates = [WorkItemState.Pending, WorkItemState.Parked];

    public static async Task<IReadOnlyList<StalledWork>> ListAsync(
        IStateSession session, Instant now, Duration stalledAfter, int maxPerKind, CancellationToken cancellationToken)
    {
        var stalled = new List<StalledWork>();
        foreach (var kind in Kinds)
        {
            foreach (var state in OpenStates)
            {
                var items = await session.WorkItems.ListAsync(new WorkItemFilter(kind, state, now - stalledAfter, maxPerKind), cancellationToken)
                    .ConfigureAwait(false);
                stalled.AddRange(items.Select(item => new StalledWork(
                    item.Kind, item.Key, item.Payload, item.State, item.CreatedAt, now - item.CreatedAt, item.Attempts, item.LastError)));
            }
        }

        return [.. stalled.OrderBy(s => s.CreatedAt).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }
}
