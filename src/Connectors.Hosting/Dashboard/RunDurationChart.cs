using Connectors.Sync.State;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// An inline SVG bar chart of run durations, oldest on the left, one bar per finished run coloured by outcome, each
/// with a tooltip; no script and no external resources.
/// </summary>
internal static class RunDurationChart
{
    private const double Width = 720;
    private const double Height = 160;
    private const double Top = 4;
    private const double Bottom = 4;
    private const double Gap = 2;

    public static TrustedHtml Render(IReadOnlyList<PipelineRun> runs)
    {
        var finished = runs
            .Where(r => r.FinishedAt is not null)
            .OrderBy(r => r.StartedAt)
            .Select(r => (Run: r, Seconds: Math.Max(0, (r.FinishedAt!.Value - r.StartedAt).TotalSeconds)))
            .ToList();
        var svg = new HtmlBuilder();
        if (finished.Count == 0)
        {
            svg.Append($"<p class=\"muted\">No finished runs yet.</p>");
            return svg.ToTrustedHtml();
        }

        // Stretched to the page width, so labels live in the caption below, not in the drawing.
        svg.Append($"<svg class=\"run-chart\" role=\"img\" aria-label=\"Run durations\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" height=\"{Height}\" preserveAspectRatio=\"none\">");

        // Scaled to the longest run, at least one second so a set of instant runs still shows bars.
        var longest = Math.Max(1, finished.Max(f => f.Seconds));
        var slot = Width / finished.Count;
        var barWidth = Math.Max(1, slot - Gap);
        var plotHeight = Height - Top - Bottom;
        for (var i = 0; i < finished.Count; i++)
        {
            var (run, seconds) = finished[i];
            var barHeight = Math.Max(1, seconds / longest * plotHeight);
            var x = i * slot;
            var y = Height - Bottom - barHeight;
            var outcome = DashboardFormat.Outcome(run.Outcome);
            svg.Append($"""
                <rect class="bar-{outcome}" x="{x:0.##}" y="{y:0.##}" width="{barWidth:0.##}" height="{barHeight:0.##}"><title>{run.Pipeline} #{run.Id} · {DashboardFormat.Instant(run.StartedAt)} · {DashboardFormat.Age(run.FinishedAt!.Value - run.StartedAt)} · {outcome}</title></rect>
                """);
        }
        svg.Append($"</svg><p class=\"detail\">{finished.Count} runs, oldest on the left; the tallest bar is {DashboardFormat.Age(NodaTime.Duration.FromSeconds(longest))}.</p>");
        return svg.ToTrustedHtml();
    }
}
