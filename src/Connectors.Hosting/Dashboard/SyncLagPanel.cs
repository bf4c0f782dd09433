using System.Globalization;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// How far behind each polling pipeline is (its cursor's age and the time since its last successful read, also as a
/// bar chart) and this process's stock lag percentiles.
/// </summary>
internal sealed class SyncLagPanel : IDashboardPanel
{
    public string Title => "Sync lag";

    public int Order => 60;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        if (EngineMonitor.Find(context) is not { } monitor)
        {
            EngineMonitor.RenderMissing(html);
            return;
        }

        var lags = await monitor.SyncLagAsync(cancellationToken).ConfigureAwait(false);
        html.Append($"<table class=\"sync-lag\"><tr><th>Pipeline</th><th class=\"num\">Cursor moved</th><th class=\"num\">Last success</th></tr>");
        foreach (var lag in lags)
        {
            var moved = lag.CursorAge is { } cursorAge ? DashboardFormat.Age(cursorAge) + " ago" : "never";
            var success = lag.SinceLastSuccess is { } since ? DashboardFormat.Age(since) + " ago" : "never";
            html.Append($"<tr data-pipeline=\"{lag.Pipeline}\"><td>{lag.Pipeline}</td><td class=\"num\">{moved}</td><td class=\"num\">{success}</td></tr>");
        }
        html.Append($"</table>{LagChart.Render(lags)}");

        var stock = monitor.StockLag();
        html.Append($"""
            <p class="stock-lag">Stock lag (Sitoo change → Shopware write): p50 <strong>{Milliseconds(stock.P50)}</strong>, p99 <strong>{Milliseconds(stock.P99)}</strong> <span class="detail">over {stock.Samples} samples of this process</span></p>
            """);
    }

    private static string Milliseconds(double? value) => value is { } ms
        ? ms < 1000 ? string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms") : string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.#} s")
        : "–";
}
