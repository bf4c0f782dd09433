using Connectors.Sync.Engine;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Reconciliation;

/// <summary>
/// The scheduled incremental reconciliation (<c>IncrementalEvery</c>): the SKUs whose Sitoo items changed since the last
/// run, read from both systems and compared, so a lost transaction or someone else's stock write on an active SKU is
/// healed within minutes instead of at the next full run.
/// </summary>
internal sealed class IncrementalReconciliationJob(ReconciliationRunner runner, IConnectorStore store, IClock clock, Duration interval) : IScheduledJob
{
    /// <summary>The work item kind of a scheduled incremental reconciliation.</summary>
    public const string WorkKind = "stock.reconcile-incremental";

    /// <summary>The cursor: when the last incremental run started (Unix milliseconds).</summary>
    public const string CursorName = "reconciliation:incremental";

    // Sitoo's datelastmodified has whole seconds, and items are written while a run reads: read a little further back.
    private static readonly Duration Overlap = Duration.FromMinutes(1);

    public string Kind => WorkKind;

    public Duration Interval => interval;

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetCurrentInstant();
        var last = (await store.Cursors.GetAsync(CursorName, cancellationToken).ConfigureAwait(false))?.Position.Number is { } milliseconds
            ? Instant.FromUnixTimeMilliseconds(milliseconds)
            : startedAt - interval;
        await runner.RunIncrementalAsync(last - Overlap, cancellationToken).ConfigureAwait(false);

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await unit.Cursors.AdvanceAsync(CursorName, CursorPosition.FromNumber(startedAt.ToUnixTimeMilliseconds()), cancellationToken).ConfigureAwait(false);
        await ClaimedWork.CompleteAllAsync(unit, items, cancellationToken).ConfigureAwait(false);

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
