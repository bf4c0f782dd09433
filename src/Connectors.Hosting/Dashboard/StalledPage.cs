using System.Globalization;
using Connectors.Sync.Completeness;
using Connectors.Sync.Monitoring;
using Connectors.Sync.State;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// Online orders not exported to Sitoo and store returns not refunded in Shopware after the stalled threshold, oldest
/// first, with attempts, the last error and a link to the exception record that names the work item.
/// </summary>
internal sealed class StalledPage : IDashboardPage
{
    public string Path => "stalled";

    public string Title => "Stalled";

    public int Order => 40;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        if (EngineMonitor.Find(context) is not { } monitor)
        {
            EngineMonitor.RenderMissing(html);
            return;
        }

        RenderCompleteness(await monitor.LatestCompletenessReportAsync(cancellationToken).ConfigureAwait(false), html);
        var stalled = await monitor.StalledWorkAsync(cancellationToken).ConfigureAwait(false);
        if (stalled.Count == 0)
        {
            html.Append($"<p class=\"muted\">Nothing is stalled: every order export and return refund is done or younger than the threshold.</p>");
            return;
        }

        var exceptions = await ExceptionsByWorkItemAsync(context, cancellationToken).ConfigureAwait(false);
        html.Append($"<table class=\"stalled\"><tr><th>Kind</th><th>Subject</th><th>State</th><th>Queued</th><th class=\"num\">Age</th><th class=\"num\">Attempts</th><th>Last error</th><th>Exception</th></tr>");
        foreach (var work in stalled)
        {
            html.Append($"""
                <tr data-key="{work.Key}"><td>{work.Kind}</td><td><strong>{work.Subject}</strong><div class="detail">{work.Key}</div></td>
                <td><span class="badge state-{State(work)}">{State(work)}</span></td><td>{DashboardFormat.Instant(work.CreatedAt)}</td>
                <td class="num">{DashboardFormat.Age(work.Age)}</td><td class="num">{work.Attempts}</td><td class="detail">{work.LastError}</td>
                <td>{ExceptionLink(context, exceptions, work)}</td></tr>
                """);
        }
        html.Append($"</table>");
    }

    private static void RenderCompleteness(CompletenessReport? report, HtmlBuilder html)
    {
        if (report is null)
        {
            html.Append($"<p class=\"completeness muted\">The completeness check has not run yet.</p>");
            return;
        }

        html.Append($"""
            <p class="completeness">Completeness check {DashboardFormat.Instant(report.CheckedAt)}, orders and returns since {DashboardFormat.Instant(report.WindowStart)}:
            {Side("orders", report.Orders)}; {Side("returns", report.Returns)}.</p>
            """);
    }

    private static string Side(string name, CompletenessFindings findings) =>
        findings.Checked
            ? string.Create(CultureInfo.InvariantCulture, $"{findings.Seen} {name} checked, {findings.Requeued.Count} passed over by the poll and queued again")
            : $"{name} not checked (the poll has not run yet, or the export is off)";

    private static string State(StalledWork work) => work.State.ToString().ToLowerInvariant();

    // The newest active record per work item: that is the one an operator retries.
    private static async Task<Dictionary<string, ExceptionRecord>> ExceptionsByWorkItemAsync(DashboardContext context, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, ExceptionRecord>(StringComparer.Ordinal);
        foreach (var status in new[] { ExceptionStatus.Open, ExceptionStatus.Retrying })
        {
            var records = await context.Store.Exceptions
                .ListAsync(new ExceptionFilter(Status: status, MaxCount: context.Options.MaxExceptions), cancellationToken)
                .ConfigureAwait(false);
            foreach (var record in records.Where(r => r.WorkItemKey is not null))
            {
                if (!byKey.TryGetValue(record.WorkItemKey!, out var known) || known.LastSeen < record.LastSeen)
                {
                    byKey[record.WorkItemKey!] = record;
                }
            }
        }
        return byKey;
    }

    private static TrustedHtml ExceptionLink(DashboardContext context, Dictionary<string, ExceptionRecord> exceptions, StalledWork work)
    {
        var html = new HtmlBuilder();
        if (exceptions.TryGetValue(work.Key, out var record))
        {
            var link = context.Url("exceptions", "status=all") + "#exception-" + record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            html.Append($"<a class=\"exception-link\" href=\"{link}\">{record.ReasonCode}</a>");
        }
        else
        {
            html.Append($"<span class=\"muted\">–</span>");
        }
        return html.ToTrustedHtml();
    }
}
