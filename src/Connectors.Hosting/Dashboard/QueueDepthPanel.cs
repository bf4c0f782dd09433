namespace Connectors.Hosting.Dashboard;

/// <summary>Pending work items per lane (leased ones included): how far behind the engine is.</summary>
internal sealed class QueueDepthPanel : IDashboardPanel
{
    public string Title => "Queue depth";

    public int Order => 10;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        var depths = await context.Store.WorkItems.CountPendingByLaneAsync(cancellationToken).ConfigureAwait(false);
        if (depths.Count == 0)
        {
            html.Append($"<p class=\"muted\">No pending work.</p>");
            return;
        }
        html.Append($"<table><tr><th>Lane</th><th class=\"num\">Pending</th></tr>");
        foreach (var (lane, count) in depths.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            html.Append($"<tr><td>{lane}</td><td class=\"num\">{count}</td></tr>");
        }
        html.Append($"</table>");
    }
}
