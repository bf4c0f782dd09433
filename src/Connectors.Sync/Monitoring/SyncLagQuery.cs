using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>The lag of each polling pipeline, from its cursor and its run history.</summary>
/// <param name="pipelines">Each polling pipeline's run name and cursor name.</param>
internal sealed class SyncLagQuery(IReadOnlyList<(string Pipeline, string Cursor)> pipelines)
{
    private const int RunsLookedAt = 50;

    public async Task<IReadOnlyList<PipelineLag>> ListAsync(IStateSession session, Instant now, CancellationToken cancellationToken)
    {
        var lags = new List<PipelineLag>(pipelines.Count);
        foreach (var (pipeline, cursorName) in pipelines)
        {
            var cursor = await session.Cursors.GetAsync(cursorName, cancellationToken).ConfigureAwait(false);
            var runs = await session.Runs.ListAsync(pipeline, RunsLookedAt, cancellationToken).ConfigureAwait(false);
            var lastSuccess = runs.FirstOrDefault(r => r.Outcome is RunOutcome.Succeeded or RunOutcome.PartiallySucceeded)?.FinishedAt;
            lags.Add(new PipelineLag(pipeline, cursorName, cursor?.Position, now - cursor?.UpdatedAt, now - lastSuccess));
        }

        return lags;
    }
}
