namespace Connectors.Hosting.Dashboard;

/// <summary>Run history, newest first, with outcome, duration and counts, under a chart of run durations over time.</summary>
internal sealed class RunsPage : IDashboardPage
{
    public string Path => "runs";

    public string Title => "Runs";

    public int Order => 20;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        var pipeline = context.HttpContext.Request.Query["pipeline"].ToString();
        var filter = pipeline.Length == 0 ? null : pipeline;
        var runs = await context.Store.Runs.ListAsync(filter, context.Options.MaxRuns, cancellationToken).ConfigureAwait(false);
        if (filter is not null)
        {
            html.Append($"<p>Pipeline <strong>{filter}</strong> · <a href=\"{context.Url("runs")}\">all pipelines</a></p>");
        }
        if (runs.Count == 0)
        {
            html.Append($"<p class=\"muted\">No runs yet.</p>");
            return;
        }

        html.Append($"<section class=\"panel\"><h3>Duration of finished runs</h3>{RunDurationChart.Render(runs)}</section>");
        html.Append($"<table><tr><th class=\"num\">Run</th><th>Pipeline</th><th>Started</th><th class=\"num\">Duration</th><th>Outcome</th><th>Counts</th><th>Error</th></tr>");
        foreach (var run in runs)
        {
            var outcome = DashboardFormat.Outcome(run.Outcome);
            var duration = run.FinishedAt is { } finished ? DashboardFormat.Age(finished - run.StartedAt) : "running";
            var link = context.Url("runs", "pipeline=" + Uri.EscapeDataString(run.Pipeline));
            html.Append($"""
                <tr id="run-{run.Id}"><td class="num">{run.Id}</td><td><a href="{link}">{run.Pipeline}</a></td><td>{DashboardFormat.Instant(run.StartedAt)}</td>
                <td class="num">{duration}</td><td><span class="badge outcome-{outcome}">{outcome}</span></td>
                <td>{DashboardFormat.Counts(run.Counts)}</td><td class="detail">{run.Error}</td></tr>
                """);
        }
        html.Append($"</table>");
    }
}
