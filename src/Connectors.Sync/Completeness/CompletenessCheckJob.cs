using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connectors.Sync.Completeness;

/// <summary>
/// The safety net behind the order and return polls, every <c>Completeness:Every</c> by one instance: each online
/// order of the window has its export queued and each store return its refund; what is missing is queued again,
/// logged, counted (<c>connectors.completeness.requeued</c>) and saved in the report the dashboard shows.
/// </summary>
internal sealed partial class CompletenessCheckJob(
    IConnectorStore store,
    OrderCompleteness orders,
    ReturnCompleteness returns,
    CompletenessSettings settings,
    IClock clock,
    EngineTelemetry telemetry,
    ILogger<CompletenessCheckJob> logger) : IScheduledJob
{
    /// <summary>The work item kind of a scheduled check.</summary>
    public const string WorkKind = "completeness.check";

    public string Kind => WorkKind;

    public Duration Interval => Duration.FromTimeSpan(settings.Every);

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("completeness.check");
        var now = clock.GetCurrentInstant();
        var windowStart = now - Duration.FromTimeSpan(settings.Window);
        var report = new CompletenessReport(
            now,
            windowStart,
            await orders.CheckAsync(windowStart, cancellationToken).ConfigureAwait(false),
            await returns.CheckAsync(windowStart, now, cancellationToken).ConfigureAwait(false));
        Announce("orders", report.Orders);
        Announce("returns", report.Returns);
        activity?.SetTag("requeued.orders", report.Orders.Requeued.Count);
        activity?.SetTag("requeued.returns", report.Returns.Requeued.Count);

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await unit.Snapshots.SaveAsync(CompletenessReport.SnapshotName, CompletenessReportDocument.ToJson(report), cancellationToken).ConfigureAwait(false);
        await ClaimedWork.CompleteAllAsync(unit, items, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Announce(string side, CompletenessFindings findings)
    {
        telemetry.CompletenessRequeued(side, findings.Requeued.Count);
        foreach (var missed in findings.Requeued)
        {
            LogRequeued(side, missed.Reference, missed.WorkItemKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completeness check: the {Side} poll passed over {Reference}; queued again as {WorkItemKey}")]
    private partial void LogRequeued(string side, string reference, string workItemKey);
}
