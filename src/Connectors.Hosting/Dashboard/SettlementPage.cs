using System.Globalization;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The daily settlement for a range of days and optionally one store: per store (and the online channel) and day, the
/// turnover against the payments by method, and every difference with its cause; a link to the same as CSV.
/// </summary>
internal sealed class SettlementPage : IDashboardPage
{
    public string Path => "settlement";

    public string Title => "Settlement";

    public int Order => 55;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        if (EngineMonitor.Find(context) is not { } monitor)
        {
            EngineMonitor.RenderMissing(html);
            return;
        }

        var valid = JournalRequest.TryParse(context.HttpContext.Request.Query, context.Now, out var request, out var error);
        html.Append($"""
            <form class="filters" method="get" action="{context.Url("settlement")}">
            <label>From <input type="date" name="from" value="{Date(request.From)}"></label>
            <label>To <input type="date" name="to" value="{Date(request.To)}"></label>
            <label>Store <input type="text" name="store" value="{request.Store}" placeholder="all"></label>
            <button type="submit">Show</button></form>
            """);
        if (!valid)
        {
            html.Append($"<p class=\"status-open\">{error}</p>");
            return;
        }

        var days = await monitor.SettlementAsync(request.ToQuery(), cancellationToken).ConfigureAwait(false);
        html.Append($"""<p><a class="csv" href="{context.Url("settlement.csv", request.ToQueryString())}" download>Download CSV</a></p>""");
        if (days.Count == 0)
        {
            html.Append($"<p class=\"muted\">No sales or payments on these days.</p>");
            return;
        }

        html.Append($"<section class=\"panel\"><h3>Days</h3><table class=\"settlement-days\"><tr><th>Store</th><th>Date</th><th>Currency</th><th class=\"num\">Turnover</th><th>Payments by method</th><th class=\"num\">Payments</th><th class=\"num\">Difference</th></tr>");
        foreach (var day in days)
        {
            var methods = string.Join(", ", day.PaymentsByMethod.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value.ToString(CultureInfo.InvariantCulture)}"));
            html.Append($"<tr><td>{day.Store.Label}</td><td>{Date(day.Date)}</td><td>{day.Currency}</td><td class=\"num\">{day.Turnover}</td><td>{methods}</td><td class=\"num\">{day.Payments}</td><td class=\"num\">{day.Turnover - day.Payments}</td></tr>");
        }
        html.Append($"</table></section>");

        var differences = days.SelectMany(day => day.Differences.Select(difference => (Day: day, Difference: difference))).ToList();
        if (differences.Count == 0)
        {
            html.Append($"<p class=\"muted\">Every day's payments match its turnover.</p>");
            return;
        }

        html.Append($"<section class=\"panel\"><h3>Differences</h3><table class=\"settlement-differences\"><tr><th>Store</th><th>Date</th><th>Cause</th><th>Order</th><th class=\"num\">Amount</th></tr>");
        foreach (var (day, difference) in differences)
        {
            html.Append($"<tr data-cause=\"{difference.Cause}\"><td>{day.Store.Label}</td><td>{Date(day.Date)}</td><td>{difference.Cause}</td><td>{difference.OrderId}</td><td class=\"num\">{difference.Amount}</td></tr>");
        }
        html.Append($"</table></section>");
    }

    private static string Date(NodaTime.LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
}
