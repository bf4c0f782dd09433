using Connectors.Sync.Engine;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Reconciliation;

/// <summary>
/// The scheduled full reconciliation: one run per time slot of <c>FullEvery</c>, whichever instance claims it.
/// Slots that piled up (e.g. after downtime) are settled by one run.
/// </summary>
internal sealed class FullReconciliationJob(ReconciliationRunner runner, IConnectorStore store, Duration interval) : IScheduledJob
{
    /// <summary>The work item kind of a scheduled full reconciliation.</summary>
    public const string WorkKind = "stock.reconcile";

    public string Kind => WorkKind;

    public Duration Interval => interval;

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        await runner.RunNowAsync(cancellationToken).ConfigureAwait(false);
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await ClaimedWork.CompleteAllAsync(unit, items, cancellationToken).ConfigureAwait(false);

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
