using Connectors.Core.Identity;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connectors.Sync.Retention;

/// <summary>
/// Prunes what the state store no longer needs, every <c>Retention:PruneEvery</c> by one instance: processed webhook
/// deliveries, old runs, the marks of warehouse transactions that are old and that the stock poll will not read again, and
/// old completed stock writes.
/// Each statement deletes at most <c>Retention:BatchSize</c> rows, so other writers wait for one short statement at most.
/// </summary>
internal sealed partial class StateRetentionJob(
    IConnectorStore store, RetentionSettings retention, StockIntakeSettings intake, string intakeCursor, IClock clock, ILogger<StateRetentionJob> logger)
    : IScheduledJob
{
    /// <summary>The work item kind of a scheduled pruning.</summary>
    public const string WorkKind = "state.prune";

    /// <summary>Batches per kind of row in one run: a larger backlog (e.g. at the first run after an upgrade) takes several runs.</summary>
    private const int MaxBatchesPerRun = 100;

    // Every transaction's key is this prefix and its id (the key of transaction 0 less its number).
    private readonly string _transactionKeys = IdempotencyKey.SitooWarehouseTransaction(intake.Account, intake.EshopId, 0).Value[..^1];

    public string Kind => WorkKind;

    public Duration Interval => Duration.FromTimeSpan(retention.PruneEvery);

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("state.prune");
        var now = clock.GetCurrentInstant();
        var batch = retention.BatchSize;
        var inbox = await RepeatAsync(
            () => store.Inbox.PurgeProcessedAsync(now - Duration.FromTimeSpan(retention.KeepProcessedInbox), batch, cancellationToken)).ConfigureAwait(false);
        var runs = await RepeatAsync(() => store.Runs.PruneAsync(now - Duration.FromTimeSpan(retention.KeepRuns), batch, cancellationToken)).ConfigureAwait(false);
        var marks = await PruneTransactionMarksAsync(now, cancellationToken).ConfigureAwait(false);

        // Only stock writes: their keys name a coalescing window that has passed, so no enqueue can need them again.
        var writes = await RepeatAsync(
            () => store.WorkItems.PruneCompletedAsync(StockWriteQueue.KeyPrefix, now - Duration.FromTimeSpan(retention.KeepCompletedWork), batch, cancellationToken))
            .ConfigureAwait(false);
        activity?.SetTag("deleted.inbox", inbox);
        activity?.SetTag("deleted.runs", runs);
        activity?.SetTag("deleted.marks", marks);
        activity?.SetTag("deleted.stock_writes", writes);
        LogPruned(inbox, runs, marks, writes);

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await ClaimedWork.CompleteAllAsync(unit, items, cancellationToken).ConfigureAwait(false);

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The poll reads again from the cursor less the overlap (plus one), so the marks up to cursor − overlap belong to
    /// transactions it never reads again; younger or higher ones stay, and before the first poll none goes.
    /// </summary>
    private async Task<long> PruneTransactionMarksAsync(Instant now, CancellationToken cancellationToken)
    {
        if ((await store.Cursors.GetAsync(intakeCursor, cancellationToken).ConfigureAwait(false))?.Position.Number is not { } cursor)
        {
            return 0;
        }

        var appliedBefore = now - Duration.FromTimeSpan(retention.KeepAppliedFacts);
        return await RepeatAsync(
            () => store.Ledger.PruneAppliedAsync(_transactionKeys, cursor - intake.Overlap, appliedBefore, retention.BatchSize, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<long> RepeatAsync(Func<Task<int>> pruneBatch)
    {
        var total = 0L;
        for (var batches = 0; batches < MaxBatchesPerRun; batches++)
        {
            var deleted = await pruneBatch().ConfigureAwait(false);
            total += deleted;
            if (deleted < retention.BatchSize)
            {
                break;
            }
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Deliveries} processed deliveries, {Runs} runs, {Marks} applied-transaction marks and {StockWrites} completed stock writes")]
    private partial void LogPruned(long deliveries, long runs, long marks, long stockWrites);
}
