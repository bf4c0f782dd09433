using Connectors.Sync.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The alerts as last evaluated: what fires now (escalated or not), what is breached but waits out its duration, each with
/// its owning team and fix; then the history of firings, repeats, escalations, resolutions and failed deliveries.
/// </summary>
internal sealed class AlertsPage : IDashboardPage
{
    public string Path => "alerts";

    public string Title => "Alerts";

    public int Order => 15;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        if (context.HttpContext.RequestServices.GetService<AlertBoard>() is not { } board)
        {
            EngineMonitor.RenderMissing(html);
            return;
        }

        var status = await board.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (status.EvaluatedAt is not { } evaluatedAt)
        {
            html.Append($"<p class=\"muted alerts-never\">The alert rules have not been evaluated yet (Connectors:Sync:Alerts; the engine must run in the background).</p>");
            return;
        }

        html.Append($"<p class=\"muted\">Evaluated {DashboardFormat.Age(context.Now - evaluatedAt)} ago ({DashboardFormat.Instant(evaluatedAt)}).");
        if (status.Undelivered > 0)
        {
            html.Append($" <span class=\"outcome-failed undelivered\">{status.Undelivered} notifications not delivered yet; see the history.</span>");
        }
        html.Append($"</p>");

        RenderWatched(context, html, status.Watched);
        RenderHistory(html, status.History);
    }

    private static void RenderWatched(DashboardContext context, HtmlBuilder html, IReadOnlyList<AlertTrack> watched)
    {
        html.Append($"<section class=\"group\"><h3>Now</h3>");
        if (watched.Count == 0)
        {
            html.Append($"<p class=\"muted alerts-none\">No alert fires: every rule is within its threshold.</p></section>");
            return;
        }

        html.Append($"<table class=\"alerts\"><tr><th>State</th><th>Team</th><th>What is wrong</th><th>Fix</th><th>Since</th><th>Last sent</th></tr>");
        foreach (var track in watched.OrderBy(t => t.IsFiring ? 0 : 1).ThenBy(t => t.FiringSince ?? t.BreachedSince))
        {
            var (state, css) = track switch
            {
                { EscalatedAt: not null } => ("escalated", "status-open"),
                { IsFiring: true } => ("firing", "status-open"),
                _ => ("pending", "status-retrying"),
            };
            var since = track.FiringSince ?? track.BreachedSince;
            html.Append($"""
                <tr data-key="{track.Key}" data-state="{state}"><td><span class="badge {css}">{state}</span></td><td class="team">{DashboardFormat.Team(track.Team)}</td>
                <td><strong>{track.Title}</strong><div class="detail">{track.Detail}</div></td><td class="detail">{track.Fix}</td>
                <td>{DashboardFormat.Instant(since)}<div class="detail">{DashboardFormat.Age(context.Now - since)}</div></td><td>{DashboardFormat.Instant(track.LastSentAt)}</td></tr>
                """);
        }
        html.Append($"</table></section>");
    }

    private static void RenderHistory(HtmlBuilder html, IReadOnlyList<AlertHistoryEntry> history)
    {
        html.Append($"<section class=\"group\"><h3>History</h3>");
        if (history.Count == 0)
        {
            html.Append($"<p class=\"muted\">Nothing has fired yet.</p></section>");
            return;
        }

        html.Append($"<table class=\"alert-history\"><tr><th>At</th><th>Event</th><th>Team</th><th>Alert</th><th>Channel</th></tr>");
        foreach (var entry in history)
        {
            var css = entry.Event switch
            {
                AlertEvent.Resolved => "status-resolved",
                AlertEvent.DeliveryFailed or AlertEvent.DeliveryAbandoned => "outcome-failed",
                _ => "status-open",
            };
            html.Append($"""
                <tr data-event="{entry.Event}"><td>{DashboardFormat.Instant(entry.At)}</td><td><span class="badge {css}">{entry.Event}</span></td>
                <td class="team">{DashboardFormat.Team(entry.Team)}</td><td>{entry.Title}<div class="detail">{entry.Key}</div></td>
                <td>{entry.Channel}<div class="detail">{entry.Error}</div></td></tr>
                """);
        }
        html.Append($"</table></section>");
    }
}
