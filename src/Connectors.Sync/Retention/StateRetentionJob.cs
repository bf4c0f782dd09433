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
/// old completed stock writes and scheduled job runs.
/// Each statement deletes at most <c>Retention:BatchSize</c> rows, so other writers wait for one short statement at most.
/// </summary>
/// <param name="store">The state store.</param>
/// <param name="retention">How long what is kept.</param>
/// <param name="intake">The stock intake's site and overlap (the marks it reads again).</param>
/// <param name="intakeCursor">The stock intake's cursor.</param>
/// <param name="jobs">The scheduled jobs (this one among them), asked for when it runs.</param>
/// <param name="clock">Now.</param>
/// <param name="logger">Logs what was pruned.</param>
internal sealed partial class StateRetentionJob(
    IConnectorStore store,
    RetentionSettings retention,
    StockIntakeSettings intake,
    string intakeCursor,
    Func<IEnumerable<IScheduledJob>> jobs,
    IClock clock,
    ILogger<StateRetentionJob> logger)
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
        var jobRuns = await PruneJobRunsAsync(now, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("deleted.inbox", inbox);
        activity?.SetTag("deleted.runs", runs);
        activity?.SetTag("deleted.marks", marks);
        activity?.SetTag("deleted.stock_writes", writes);
        activity?.SetTag("deleted.job_runs", jobRuns);
        LogPruned(inbox, runs, marks, writes, jobRuns);

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await ClaimedWork.CompleteAllAsync(unit, items, cancellationToken).ConfigureAwait(false);

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A scheduled job's item is keyed by its time slot (<c>job:{kind}:{slot}</c>), and every pass enqueues the current
    /// slot's key again, which the completed item turns into a no-op. So an item goes only once its slot has ended
    /// <c>KeepCompletedWork</c> ago: completed more than the job's interval and that period before now, on this clock,
    /// so an instance whose clock runs behind by less than the period does not find its current slot's key gone either.
    /// </summary>
    private async Task<long> PruneJobRunsAsync(Instant now, CancellationToken cancellationToken)
    {
        var total = 0L;
        foreach (var job in jobs().Where(j => j.Interval > Duration.Zero).DistinctBy(j => j.Kind, StringComparer.Ordinal))
        {
            var completedBefore = now - Duration.FromTimeSpan(retention.KeepCompletedWork) - job.Interval;
            total += await RepeatAsync(
                () => store.WorkItems.PruneCompletedAsync(ScheduledJobKeys.Prefix(job.Kind), completedBefore, retention.BatchSize, cancellationToken)).ConfigureAwait(false);
        }

        return total;
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

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Pruned {Deliveries} processed deliveries, {Runs} runs, {Marks} applied-transaction marks, {StockWrites} completed stock writes and {JobRuns} completed job runs")]
    private partial void LogPruned(long deliveries, long runs, long marks, long stockWrites, long jobRuns);
}
