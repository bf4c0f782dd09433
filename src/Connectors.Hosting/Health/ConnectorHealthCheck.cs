using Connectors.Sync.Engine;
using Connectors.Sync.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connectors.Hosting.Health;

/// <summary>
/// Unhealthy when the store cannot be read or a source has not been polled successfully for too long (a stalled
/// pipeline); degraded when stock lag passes its threshold or due work waits too long.
/// </summary>
internal sealed class ConnectorHealthCheck(
    IConnectorStore store, EngineTelemetry telemetry, IClock clock, IOptions<ConnectorHealthOptions> options) : IHealthCheck
{
    private const int RecentRuns = 200;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetCurrentInstant();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        IReadOnlyList<PipelineRun> runs;
        IReadOnlyList<WorkItem> waiting;
        try
        {
            runs = await store.Runs.ListAsync(null, RecentRuns, cancellationToken).ConfigureAwait(false);
            waiting = await store.WorkItems.ListAsync(
                new WorkItemFilter(State: WorkItemState.Pending, CreatedBefore: now - Duration.FromTimeSpan(settings.QueueStalledAfter), MaxCount: 10),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The connector's state store cannot be read.", failure);
        }

        var stalled = new List<string>();
        foreach (var pipeline in runs.GroupBy(r => r.Pipeline, StringComparer.Ordinal))
        {
            var lastSuccess = pipeline.Where(r => r.Outcome == RunOutcome.Succeeded).Select(r => r.FinishedAt ?? r.StartedAt).DefaultIfEmpty().Max();
            var age = now - lastSuccess;
            data["poll-age-seconds:" + pipeline.Key] = Math.Round(age.TotalSeconds);
            if (age > Duration.FromTimeSpan(settings.PollStalledAfter))
            {
                stalled.Add(pipeline.Key);
            }
        }

        if (stalled.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Stalled: no successful poll of {string.Join(", ", stalled)} within {settings.PollStalledAfter}.", data: data);
        }

        var degraded = new List<string>();
        if (telemetry.StockLag.Percentile(99) is { } p99)
        {
            data["stock-lag-p99-ms"] = p99;
            if (p99 > settings.StockLagThreshold.TotalMilliseconds)
            {
                degraded.Add(FormattableString.Invariant($"stock lag p99 {p99:F0} ms"));
            }
        }

        // Old pending items that are due (not waiting for a retry) mean the engine is not keeping up.
        var overdue = waiting.Count(item => item.NextAttemptAt <= now - Duration.FromTimeSpan(settings.QueueStalledAfter));
        if (overdue > 0)
        {
            degraded.Add($"{overdue} work item(s) due for over {settings.QueueStalledAfter}");
        }

        return degraded.Count > 0
            ? HealthCheckResult.Degraded(string.Join("; ", degraded), data: data)
            : HealthCheckResult.Healthy("Polling and stock sync are keeping up.", data);
    }
}
