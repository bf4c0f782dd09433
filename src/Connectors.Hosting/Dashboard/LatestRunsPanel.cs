namespace Connectors.Hosting.Dashboard;

/// <summary>The newest run of each pipeline seen among the recent runs.</summary>
internal sealed class LatestRunsPanel : IDashboardPanel
{
    public string Title => "Latest runs";

    public int Order => 40;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        var runs = await context.Store.Runs.ListAsync(null, context.Options.MaxRuns, cancellationToken).ConfigureAwait(false);
        if (runs.Count == 0)
        {
            html.Append($"<p class=\"muted\">No runs yet.</p>");
            return;
        }
        html.Append($"<table><tr><th>Pipeline</th><th>Started</th><th>Outcome</th></tr>");
        // Runs come newest first, so the first of each pipeline is its latest.
        foreach (var run in runs.DistinctBy(r => r.Pipeline).OrderBy(r => r.Pipeline, StringComparer.Ordinal))
        {
            var outcome = DashboardFormat.Outcome(run.Outcome);
            var link = context.Url("runs", "pipeline=" + Uri.EscapeDataString(run.Pipeline));
            html.Append($"""
                <tr><td><a href="{link}">{run.Pipeline}</a></td><td>{DashboardFormat.Age(context.Now - run.StartedAt)} ago</td>
                <td><span class="badge outcome-{outcome}">{outcome}</span></td></tr>
                """);
        }
        html.Append($"</table>");
    }
}
