using Connectors.Sync.Monitoring;
using NodaTime;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// An inline SVG chart with one horizontal bar per pipeline, as long as the time since its last successful read (a
/// pipeline that never succeeded gets a full red bar), so the one behind stands out; no script, no external resources.
/// </summary>
internal static class LagChart
{
    private const double Width = 320;
    private const double Label = 165;
    private const double Row = 18;
    private const double Bar = 12;

    public static TrustedHtml Render(IReadOnlyList<PipelineLag> lags)
    {
        var svg = new HtmlBuilder();
        if (lags.Count == 0)
        {
            return svg.ToTrustedHtml();
        }

        // Scaled to the longest wait, at least a minute so pipelines a few seconds behind do not look alarming.
        var longest = Math.Max(60, lags.Max(l => l.SinceLastSuccess?.TotalSeconds ?? 0));
        var height = lags.Count * Row;
        var plot = Width - Label;
        svg.Append($"<svg class=\"lag-chart\" role=\"img\" aria-label=\"Time since each pipeline's last successful read\" viewBox=\"0 0 {Width} {height}\" width=\"100%\">");
        for (var i = 0; i < lags.Count; i++)
        {
            var lag = lags[i];
            var y = i * Row;
            var never = lag.SinceLastSuccess is null;
            var seconds = lag.SinceLastSuccess?.TotalSeconds ?? longest;
            var length = Math.Max(1, Math.Max(0, seconds) / longest * plot);
            var tooltip = never ? "never succeeded" : DashboardFormat.Age(lag.SinceLastSuccess!.Value) + " since the last success";
            svg.Append($"""
                <text x="0" y="{y + Bar:0.##}" font-size="11" fill="#5b6370">{lag.Pipeline}</text><rect class="{(never ? "bar-failed" : "bar-succeeded")}" x="{Label}" y="{y + 2:0.##}" width="{length:0.##}" height="{Bar}"><title>{lag.Pipeline} · {tooltip}</title></rect>
                """);
        }
        svg.Append($"</svg><p class=\"detail\">Bars: time since the last successful read; full width is {DashboardFormat.Age(Duration.FromSeconds(longest))}.</p>");
        return svg.ToTrustedHtml();
    }
}
