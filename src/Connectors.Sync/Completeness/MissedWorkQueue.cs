using Connectors.Sync.State;

namespace Connectors.Sync.Completeness;

/// <summary>Queues the work the polls passed over, all in one commit.</summary>
internal static class MissedWorkQueue
{
    /// <returns>The items queued; one queued meanwhile (by a poll that caught up) is not counted again.</returns>
    public static async Task<IReadOnlyList<MissedWork>> RequeueAsync(
        IConnectorStore store, IReadOnlyList<(string Reference, NewWorkItem Work)> missing, CancellationToken cancellationToken)
    {
        if (missing.Count == 0)
        {
            return [];
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var requeued = new List<MissedWork>();
        foreach (var (reference, work) in missing)
        {
            if (await unit.WorkItems.EnqueueAsync(work, cancellationToken).ConfigureAwait(false))
            {
                requeued.Add(new MissedWork(reference, work.Key));
            }
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        return requeued;
    }
}
