namespace Connectors.Sync.State;

/// <summary>The history of pipeline runs (a poll, a reconciliation, an export batch).</summary>
public interface IRunHistory
{
    /// <summary>Records that a run started.</summary>
    /// <param name="pipeline">The pipeline, e.g. <c>stock</c> or <c>reconciliation.full</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The running run.</returns>
    Task<PipelineRun> StartAsync(string pipeline, CancellationToken cancellationToken);

    /// <summary>Records how a run ended.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="outcome">How it ended; not <see cref="RunOutcome.Running"/>.</param>
    /// <param name="counts">What it did, e.g. <c>{"read": 120, "written": 3}</c>.</param>
    /// <param name="failure">Why it failed, if it did.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The finished run.</returns>
    /// <exception cref="InvalidOperationException">The run is unknown or already finished.</exception>
    Task<PipelineRun> FinishAsync(
        long runId, RunOutcome outcome, IReadOnlyDictionary<string, long> counts, string? failure, CancellationToken cancellationToken);

    /// <summary>Lists runs, newest first.</summary>
    /// <param name="pipeline">Only this pipeline's; <see langword="null"/> for all.</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<PipelineRun>> ListAsync(string? pipeline, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="maxCount"/> runs started before a horizon, oldest first, finished or not (a run
    /// still "running" that long ago was left by a stopped process). Call again while it returns <paramref name="maxCount"/>.
    /// </summary>
    /// <param name="startedBefore">Runs started earlier than this are deleted.</param>
    /// <param name="maxCount">At most this many in one statement.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many runs were deleted.</returns>
    Task<int> PruneAsync(NodaTime.Instant startedBefore, int maxCount, CancellationToken cancellationToken);
}
