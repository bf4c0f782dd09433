using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connectors.Core.Finance;
using Connectors.Core.Reconciliation;
using Connectors.Hosting.Dashboard;
using Connectors.Sync.Reconciliation;
using Connectors.Sync.State;
using Connectors.Testing.Sitoo;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Hosting.Tests;

/// <summary>The drift, stalled, lag and journal views over real HTTP, with the engine's read model registered.</summary>
public sealed partial class EngineDashboardTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly HttpClient _client = new();
    private MonitoredConnector _host = null!;

    public async Task InitializeAsync() => _host = await MonitoredConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_drift_page_lists_the_latest_report_with_counts_and_the_most_important_classes_first()
    {
        var taken = _host.Clock.GetCurrentInstant() - Duration.FromMinutes(7);
        StockDifference[] differences =
        [
            new("A-PENDING", DifferenceClass.PendingDemand, Duration.FromMinutes(3), 4, 4, 6m),
            new("B-DRIFT", DifferenceClass.Drift, Duration.FromHours(2), 9, 5, 5m),
            new("C-<NEG>", DifferenceClass.NegativeStock, Duration.Zero, -2, 0, 0m),
            new("D-DRIFT", DifferenceClass.Drift, Duration.FromMinutes(1), 1, 3, 3m),
            new("E-MISSING", DifferenceClass.MissingInShopware, Duration.FromDays(1), null, null, 2.5m),
        ];
        await SaveDriftReportAsync(new DriftReport(taken, taken - Duration.FromSeconds(20), taken - Duration.FromSeconds(10), differences));

        var html = await _client.GetStringAsync(_host.Url("connector/drift"));

        Assert.Contains("7 min ago", html, StringComparison.Ordinal);
        foreach (var (differenceClass, count) in differences.GroupBy(d => d.Class).Select(g => (g.Key, g.Count())))
        {
            var name = DriftClasses.Name(differenceClass);
            Assert.Matches($"<tr data-class=\"{name}\"><td>{name}</td><td class=\"num\">{count}</td></tr>", html);
        }
        var positions = differences.ToDictionary(d => d.Sku, d => html.IndexOf($"data-sku=\"{WebUtility.HtmlEncode(d.Sku)}\"", StringComparison.Ordinal));
        Assert.All(positions.Values, position => Assert.True(position > 0));
        Assert.True(positions["C-<NEG>"] < positions["B-DRIFT"], "negative stock before drift");
        Assert.True(positions["B-DRIFT"] < positions["D-DRIFT"], "the older drift first");
        Assert.True(positions["D-DRIFT"] < positions["E-MISSING"], "drift before a SKU missing in Shopware");
        Assert.True(positions["E-MISSING"] < positions["A-PENDING"], "expected pending demand last");
        Assert.DoesNotContain("C-<NEG>", html, StringComparison.Ordinal);
        var missingRow = Row(html, "data-sku", "E-MISSING");
        Assert.Contains("<td class=\"num\">2.5</td>", missingRow, StringComparison.Ordinal);
        Assert.Contains("1 d 0 h", missingRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_first_reconciliation_the_drift_page_says_so()
    {
        var html = await _client.GetStringAsync(_host.Url("connector/drift"));

        Assert.Contains("No full reconciliation has run yet.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stalled_page_lists_old_exports_and_refunds_with_attempts_errors_and_the_exception_link()
    {
        var work = _host.Store.WorkItems;
        await work.EnqueueAsync(new NewWorkItem("order:export:o-1", "order.export", WorkLane.Orders, "o-1"), None);
        await work.EnqueueAsync(new NewWorkItem("sitoo:refund:77", "returns.refund", WorkLane.Orders, "77"), None);
        var claimed = Assert.Single(await work.ClaimAsync(new WorkClaimRequest("test", 1, Duration.FromMinutes(1)), None));
        await work.FailAsync(claimed.Lease!, "Sitoo answered 503 <busy>", _host.Clock.GetCurrentInstant() + Duration.FromMinutes(1), None);
        var exception = await _host.Store.Exceptions.RecordAsync(
            Seeds.MissingMapping("SKU-9") with { WorkItemKey = claimed.Key }, None);
        _host.Clock.Advance(Duration.FromMinutes(20));
        await work.EnqueueAsync(new NewWorkItem("order:export:o-2", "order.export", WorkLane.Orders, "o-2"), None);

        var html = await _client.GetStringAsync(_host.Url("connector/stalled"));

        Assert.Contains("data-key=\"order:export:o-1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-key=\"sitoo:refund:77\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-key=\"order:export:o-2\"", html, StringComparison.Ordinal);
        var failed = Row(html, "data-key", claimed.Key);
        Assert.Contains("Sitoo answered 503 &lt;busy&gt;", failed, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1</td>", failed, StringComparison.Ordinal);
        Assert.Contains("20 min", failed, StringComparison.Ordinal);
        Assert.Contains($"href=\"/connector/exceptions?status=all#exception-{exception.Id}\"", failed, StringComparison.Ordinal);
        var other = Row(html, "data-key", claimed.Key == "sitoo:refund:77" ? "order:export:o-1" : "sitoo:refund:77");
        Assert.DoesNotContain("exception-link", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_shows_each_pipelines_lag_as_a_table_and_an_inline_chart()
    {
        await PollAsync("sitoo.warehouse-transactions", RunOutcome.Succeeded);
        _host.Clock.Advance(Duration.FromMinutes(3));
        await PollAsync("sitoo.orders", RunOutcome.Succeeded);
        await PollAsync("shopware.orders", RunOutcome.Failed);

        using var response = await _client.GetAsync(_host.Url("connector/"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3 min ago", Row(html, "data-pipeline", "sitoo.warehouse-transactions"), StringComparison.Ordinal);
        Assert.Contains("0 s ago", Row(html, "data-pipeline", "sitoo.orders"), StringComparison.Ordinal);
        Assert.Contains("never", Row(html, "data-pipeline", "shopware.orders"), StringComparison.Ordinal);
        var chart = Regex.Match(html, "<svg class=\"lag-chart\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(3, Regex.Count(chart, "<rect "));
        Assert.Matches("<rect class=\"bar-failed\"[^>]*><title>shopware.orders · never succeeded</title>", chart);
        Assert.Contains("p50 <strong>–</strong>, p99 <strong>–</strong>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_journal_page_books_todays_pos_sales_and_its_csv_link_downloads_the_same_rows()
    {
        _host.Pos.AddProduct("SKU-1", "Shirt", 199m);
        _host.Pos.AdjustStock(_host.PosStore.WarehouseId, "SKU-1", 10);
        _host.Pos.SellAtPos(_host.PosStore, [new SitooSaleLine("SKU-1", 2)]);
        _host.Pos.SellAtPos(_host.PosStore, [new SitooSaleLine("SKU-1", 1)]);
        var today = LocalDatePattern.Iso.Format(_host.Clock.GetCurrentInstant().InUtc().Date);

        var html = await _client.GetStringAsync(_host.Url($"connector/journal?from={today}&to={today}"));

        var row = Assert.Single(Regex.Matches(html, "<tr data-channel=\"pos\" data-date=\"(?<date>[^\"]+)\">.*?</tr>", RegexOptions.Singleline));
        Assert.Equal(today, row.Groups["date"].Value);
        Assert.Matches("<td class=\"num\">597(\\.0+)?</td>", row.Value);
        Assert.Contains("<td class=\"num\">2 / 0</td>", row.Value, StringComparison.Ordinal);
        var href = WebUtility.HtmlDecode(Regex.Match(html, "<a class=\"csv\" href=\"(?<href>[^\"]+)\"").Groups["href"].Value);
        Assert.StartsWith("/connector/journal.csv?", href, StringComparison.Ordinal);

        using var csv = await _client.GetAsync(new Uri(_host.BaseAddress, href));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(string.Join(',', FinanceJournalCsv.RowColumns), lines[0]);
        var fields = Assert.Single(lines.Skip(1)).Split(',');
        Assert.Equal((today, "pos"), (fields[2], fields[3]));
        Assert.Equal(597m, decimal.Parse(fields[FinanceJournalCsv.RowColumns.ToList().IndexOf("sales_gross")], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_settlement_page_shows_the_days_payments_by_method_and_its_csv_lists_them()
    {
        _host.Pos.AddProduct("SKU-1", "Shirt", 199m);
        _host.Pos.AdjustStock(_host.PosStore.WarehouseId, "SKU-1", 10);
        var sale = _host.Pos.SellAtPos(_host.PosStore, [new SitooSaleLine("SKU-1", 2)]);
        _host.Pos.ReturnAtPos(_host.PosStore, sale.OrderId, [new SitooReturnLine("SKU-1", 1)], tender: SitooRefundTender.Cash);
        var today = LocalDatePattern.Iso.Format(_host.Clock.GetCurrentInstant().InUtc().Date);

        var html = await _client.GetStringAsync(_host.Url($"connector/settlement?from={today}&to={today}"));

        Assert.Contains("Card 398", html, StringComparison.Ordinal);
        Assert.Contains("Cash -199", html, StringComparison.Ordinal);
        Assert.Contains("Every day's payments match its turnover.", html, StringComparison.Ordinal);
        var href = WebUtility.HtmlDecode(Regex.Match(html, "<a class=\"csv\" href=\"(?<href>[^\"]+)\"").Groups["href"].Value);
        using var csv = await _client.GetAsync(new Uri(_host.BaseAddress, href));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(',', SettlementCsv.Columns), lines[0]);
        Assert.Contains(lines, line => line.EndsWith(",payment,Cash,,-199.00", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith(",turnover,,,199.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_day_without_sales_books_nothing_and_a_bad_date_is_refused()
    {
        _host.Pos.AddProduct("SKU-1", "Shirt", 199m);
        _host.Pos.AdjustStock(_host.PosStore.WarehouseId, "SKU-1", 10);
        _host.Pos.SellAtPos(_host.PosStore, [new SitooSaleLine("SKU-1", 1)]);
        var tomorrow = LocalDatePattern.Iso.Format(_host.Clock.GetCurrentInstant().InUtc().Date.PlusDays(1));

        var html = await _client.GetStringAsync(_host.Url($"connector/journal?from={tomorrow}&to={tomorrow}"));
        using var bad = await _client.GetAsync(_host.Url("connector/journal.csv?from=26.11.2026"));
        using var backwards = await _client.GetAsync(_host.Url($"connector/journal.csv?from={tomorrow}&to=2026-01-01"));

        Assert.Contains("No orders on these days.", html, StringComparison.Ordinal);
        Assert.Contains("0 orders booked", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    private async Task SaveDriftReportAsync(DriftReport report)
    {
        // The snapshot's documented shape: plain camel-case JSON, readable without the engine's types.
        var differences = new JsonArray();
        foreach (var d in report.Differences)
        {
            differences.Add(new JsonObject
            {
                ["sku"] = d.Sku,
                ["class"] = d.Class.ToString(),
                ["ageMilliseconds"] = (long)d.Age.TotalMilliseconds,
                ["shopwareStock"] = d.ShopwareStock,
                ["expectedStock"] = d.ExpectedStock,
                ["sitooQuantity"] = d.SitooQuantity,
            });
        }
        var counts = new JsonObject();
        foreach (var (differenceClass, count) in report.CountByClass())
        {
            counts[differenceClass.ToString()] = count;
        }
        var body = new JsonObject
        {
            ["at"] = InstantPattern.ExtendedIso.Format(report.At),
            ["shopwareReadAt"] = InstantPattern.ExtendedIso.Format(report.ShopwareReadAt),
            ["sitooReadAt"] = InstantPattern.ExtendedIso.Format(report.SitooReadAt),
            ["healed"] = 0,
            ["counts"] = counts,
            ["differences"] = differences,
        };
        await _host.Store.Snapshots.SaveAsync(ReconciliationRunner.DriftReportSnapshot, body.ToJsonString(), None);
    }

    private async Task PollAsync(string pipeline, RunOutcome outcome)
    {
        var run = await _host.Store.Runs.StartAsync(pipeline, None);
        await _host.Store.Runs.FinishAsync(run.Id, outcome, new Dictionary<string, long>(), outcome == RunOutcome.Failed ? "503" : null, None);
    }

    /// <summary>The table row whose <paramref name="attribute"/> is <paramref name="value"/>.</summary>
    private static string Row(string html, string attribute, string value)
    {
        var match = Regex.Match(html, $"<tr {attribute}=\"{Regex.Escape(WebUtility.HtmlEncode(value))}\">.*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No row with {attribute}={value}.");
        return match.Value;
    }
}
