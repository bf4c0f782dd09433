namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The drift report of the latest full reconciliation: when it was taken, how many differences of each class, and
/// every difference with SKU, age and the three stock figures; the classes that need someone first.
/// </summary>
internal sealed class DriftPage : IDashboardPage
{
    public string Path => "drift";

    public string Title => "Drift";

    public int Order => 30;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        if (EngineMonitor.Find(context) is not { } monitor)
        {
            EngineMonitor.RenderMissing(html);
            return;
        }

        var report = await monitor.LatestDriftReportAsync(cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            html.Append($"<p class=\"muted\">No full reconciliation has run yet.</p>");
            return;
        }

        html.Append($"""
            <p>Taken {DashboardFormat.Instant(report.At)} ({DashboardFormat.Age(context.Now - report.At)} ago) · Shopware read {DashboardFormat.Instant(report.ShopwareReadAt)} · Sitoo read {DashboardFormat.Instant(report.SitooReadAt)}</p>
            """);
        if (report.Differences.Count == 0)
        {
            html.Append($"<p class=\"muted\">Shopware and Sitoo agree on every SKU.</p>");
            return;
        }

        html.Append($"<section class=\"panel\"><h3>Differences by class</h3><table class=\"drift-counts\"><tr><th>Class</th><th class=\"num\">SKUs</th></tr>");
        foreach (var (differenceClass, count) in report.CountByClass().OrderBy(c => DriftClasses.Rank(c.Key)))
        {
            html.Append($"<tr data-class=\"{DriftClasses.Name(differenceClass)}\"><td>{DriftClasses.Name(differenceClass)}</td><td class=\"num\">{count}</td></tr>");
        }
        html.Append($"</table></section>");

        html.Append($"<table class=\"drift\"><tr><th>SKU</th><th>Class</th><th class=\"num\">Age</th><th class=\"num\">Shopware stock</th><th class=\"num\">Expected</th><th class=\"num\">Sitoo quantity</th></tr>");
        var ordered = report.Differences
            .OrderBy(d => DriftClasses.Rank(d.Class))
            .ThenByDescending(d => d.Age)
            .ThenBy(d => d.Sku, StringComparer.Ordinal);
        foreach (var difference in ordered)
        {
            html.Append($"""
                <tr data-sku="{difference.Sku}"><td>{difference.Sku}</td><td><span class="badge drift-{DriftClasses.Name(difference.Class)}">{DriftClasses.Name(difference.Class)}</span></td>
                <td class="num">{DashboardFormat.Age(difference.Age)}</td><td class="num">{Figure(difference.ShopwareStock)}</td>
                <td class="num">{Figure(difference.ExpectedStock)}</td><td class="num">{Figure(difference.SitooQuantity)}</td></tr>
                """);
        }
        html.Append($"</table>");
    }

    // Sitoo quantities come with three decimals; whole units read better without them.
    private static string Figure<T>(T? value)
        where T : struct, IFormattable => value is { } known ? known.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
