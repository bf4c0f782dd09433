using System.Globalization;
using Connectors.Core.Finance;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The finance journal for a range of days and optionally one store: the rows (store, day, channel, currency, VAT
/// rate) and the day totals as tables, and a link to the same rows as CSV.
/// </summary>
internal sealed class JournalPage : IDashboardPage
{
    public string Path => "journal";

    public string Title => "Journal";

    public int Order => 50;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        if (EngineMonitor.Find(context) is not { } monitor)
        {
            EngineMonitor.RenderMissing(html);
            return;
        }

        var valid = JournalRequest.TryParse(context.HttpContext.Request.Query, context.Now, out var request, out var error);
        RenderForm(context, html, request);
        if (!valid)
        {
            html.Append($"<p class=\"status-open\">{error}</p>");
            return;
        }

        var report = await monitor.FinanceJournalAsync(request.ToQuery(), cancellationToken).ConfigureAwait(false);
        var journal = report.Journal;
        html.Append($"""
            <p>{report.OrdersBooked} orders booked of {report.OrdersRead} placed in the days' time span · <a class="csv" href="{context.Url("journal.csv", request.ToQueryString())}" download>Download CSV</a></p>
            """);
        if (report.UnreadableOrderIds.Count > 0)
        {
            html.Append($"<p class=\"status-open\">Left out, a field the journal needs is missing: Sitoo orders {string.Join(", ", report.UnreadableOrderIds)}.</p>");
        }
        if (journal.UnknownStores.Count > 0)
        {
            html.Append($"<p class=\"team\">Stores without a configured time zone (booked in the default zone): {string.Join(", ", journal.UnknownStores.Select(s => s.Label))}.</p>");
        }
        if (journal.Rows.Count == 0)
        {
            html.Append($"<p class=\"muted\">No orders on these days.</p>");
            return;
        }

        html.Append($"<section class=\"panel\"><h3>Day totals</h3><table class=\"journal-days\"><tr><th>Store</th><th>Date</th><th>Currency</th>{AmountHeadings()}</tr>");
        foreach (var day in journal.DayTotals)
        {
            html.Append($"<tr><td>{day.Store.Label}</td><td>{Date(day.Date)}</td><td>{day.Currency}</td>{Amounts(day.Amounts)}</tr>");
        }
        html.Append($"</table></section>");

        html.Append($"<section class=\"panel\"><h3>Rows</h3><table class=\"journal-rows\"><tr><th>Store</th><th>Date</th><th>Channel</th><th>Currency</th><th class=\"num\">VAT %</th>{AmountHeadings()}</tr>");
        foreach (var row in journal.Rows)
        {
            var key = row.Key;
            var channel = key.Channel == JournalChannel.Pos ? "pos" : "online";
            html.Append($"""
                <tr data-channel="{channel}" data-date="{Date(key.Date)}"><td>{key.Store.Label}</td><td>{Date(key.Date)}</td><td>{channel}</td><td>{key.Currency}</td><td class="num">{key.VatRate}</td>{Amounts(row.Amounts)}</tr>
                """);
        }
        html.Append($"</table></section>");
    }

    private static void RenderForm(DashboardContext context, HtmlBuilder html, JournalRequest request)
    {
        html.Append($"""
            <form class="filters" method="get" action="{context.Url("journal")}">
            <label>From <input type="date" name="from" value="{Date(request.From)}"></label>
            <label>To <input type="date" name="to" value="{Date(request.To)}"></label>
            <label>Store <input type="text" name="store" value="{request.Store}" placeholder="all"></label>
            <button type="submit">Show</button></form>
            """);
    }

    private static TrustedHtml AmountHeadings() => new(
        "<th class=\"num\">Sales</th><th class=\"num\">Returns</th><th class=\"num\">Discounts</th><th class=\"num\">Shipping</th>"
        + "<th class=\"num\">Fees</th><th class=\"num\">VAT</th><th class=\"num\">Net</th><th class=\"num\">Total</th><th class=\"num\">Sales / returns</th>");

    private static TrustedHtml Amounts(JournalAmounts amounts)
    {
        var html = new HtmlBuilder();
        html.Append($"""
            <td class="num">{amounts.SalesGross}</td><td class="num">{amounts.ReturnsGross}</td><td class="num">{amounts.Discounts}</td><td class="num">{amounts.ShippingGross}</td><td class="num">{amounts.FeesGross}</td><td class="num">{amounts.Vat}</td><td class="num">{amounts.Net}</td><td class="num">{amounts.Total}</td><td class="num">{amounts.SaleOrders} / {amounts.ReturnOrders}</td>
            """);
        return html.ToTrustedHtml();
    }

    private static string Date(NodaTime.LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
}
