using Connectors.Sync.State;

namespace Connectors.Sync.Engine;

/// <summary>Settling claimed items inside a caller's unit of work, so they complete together with what the handler wrote.</summary>
internal static class ClaimedWork
{
    /// <summary>Completes every item of a claimed batch in <paramref name="unit"/>; commits nothing.</summary>
    /// <exception cref="InvalidOperationException">An item was not claimed (it carries no lease).</exception>
    public static async Task CompleteAllAsync(IUnitOfWork unit, IEnumerable<WorkItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            var lease = item.Lease ?? throw new InvalidOperationException($"Work item '{item.Key}' is not claimed.");
            await unit.WorkItems.CompleteAsync(lease, cancellationToken).ConfigureAwait(false);
        }
    }
}
