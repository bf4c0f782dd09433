using Connectors.Core.Reconciliation;
using Connectors.Sync.Monitoring;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Alerts;

/// <summary>Everything the rules look at, read at one moment.</summary>
/// <param name="Now">The moment, from the engine's clock.</param>
/// <param name="Sources">Each polled source's lag.</param>
/// <param name="StockLag">This process's stock lag percentiles over the last 15 minutes.</param>
/// <param name="Drift">The latest reconciliation's drift report, if any.</param>
/// <param name="Exceptions">Open (and retrying) exceptions per reason and team.</param>
/// <param name="Stalled">Stalled order exports and return refunds.</param>
/// <param name="FailedWebhookAnswersInRow">Webhook deliveries answered with an error in a row, per sender.</param>
/// <param name="OpenCircuits">Since when each system's circuit has refused calls.</param>
internal sealed record AlertReadings(
    Instant Now,
    IReadOnlyList<PipelineLag> Sources,
    StockLagSummary StockLag,
    DriftReport? Drift,
    IReadOnlyList<OpenExceptions> Exceptions,
    IReadOnlyList<StalledWork> Stalled,
    IReadOnlyDictionary<string, int> FailedWebhookAnswersInRow,
    IReadOnlyDictionary<string, Instant> OpenCircuits);

/// <summary>The open exceptions of one reason and team.</summary>
/// <param name="ReasonCode">The reason.</param>
/// <param name="Team">The team that acts on them.</param>
/// <param name="Open">How many are open or retrying.</param>
/// <param name="OldestSince">When the oldest was first seen.</param>
/// <param name="LatestMessage">The newest one's message.</param>
/// <param name="Fix">The newest one's fix: every record of a reason carries the reason's fix.</param>
internal sealed record OpenExceptions(string ReasonCode, OwningTeam Team, int Open, Instant OldestSince, string LatestMessage, string Fix)
{
    public static IReadOnlyList<OpenExceptions> Group(IEnumerable<ExceptionRecord> records) =>
        [.. records
            .GroupBy(record => (record.ReasonCode, record.Team))
            .Select(group =>
            {
                var newest = group.MaxBy(record => record.LastSeen)!;
                return new OpenExceptions(group.Key.ReasonCode, group.Key.Team, group.Count(), group.Min(record => record.FirstSeen), newest.Message, newest.Fix);
            })
            .OrderBy(group => group.ReasonCode, StringComparer.Ordinal)
            .ThenBy(group => group.Team)];
}
