using Connectors.Sync.Orders;
using Connectors.Sync.Returns;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>The lag of each polling pipeline, from its cursor and its run history.</summary>
internal static class SyncLagQuery
{
    private const int RunsLookedAt = 50;

    private static readonly (string Pipeline, string Cursor)[] Pipelines =
    [
        ("sitoo.warehouse-transactions", TransactionIntake.CursorName),
        ("shopware.orders", ShopwareOrderPoller.CursorName),
        ("sitoo.orders", SitooOrderPoller.CursorName),
    ];

    public static async Task<IReadOnlyList<PipelineLag>> ListAsync(IStateSession session, Instant now, CancellationToken cancellationToken)
    {
        var lags = new List<PipelineLag>(Pipelines.Length);
        foreach (var (pipeline, cursorName) in Pipelines)
        {
            var cursor = await session.Cursors.GetAsync(cursorName, cancellationToken).ConfigureAwait(false);
            var runs = await session.Runs.ListAsync(pipeline, RunsLookedAt, cancellationToken).ConfigureAwait(false);
            var lastSuccess = runs.FirstOrDefault(r => r.Outcome is RunOutcome.Succeeded or RunOutcome.PartiallySucceeded)?.FinishedAt;
            lags.Add(new PipelineLag(pipeline, cursorName, cursor?.Position, now - cursor?.UpdatedAt, now - lastSuccess));
        }

        return lags;
    }
}
