using System.Text.RegularExpressions;

namespace Connectors.Hosting.Tests.Alerts;

/// <summary>The alerts page over real HTTP, reading the alert state the evaluating instance saved in the store.</summary>
public sealed partial class AlertsPageTests : IAsyncLifetime
{
    private readonly HttpClient _client = new();
    private MonitoredConnector _host = null!;

    public async Task InitializeAsync() => _host = await MonitoredConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Before_the_first_evaluation_the_page_says_so()
    {
        var html = await _client.GetStringAsync(_host.Url("connector/alerts"));

        Assert.Contains("class=\"muted alerts-never\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/connector/alerts\"", html, StringComparison.Ordinal); // in the navigation
    }

    [Fact]
    public async Task The_page_lists_firing_alerts_before_pending_ones_with_team_and_fix_then_the_history_with_failed_deliveries()
    {
        // The document the evaluating instance saves (snapshot "alerts"), as of 9:00 on the host's clock.
        await _host.Store.Snapshots.SaveAsync("alerts", """
            {"tracks":[
              {"key":"stock-lag","rule":"stock-lag","team":"Ecommerce","title":"Stock lag p99 is 95 s, above 60 s","detail":"p50 900 ms",
               "fix":"Look at the queue depth.","breachedSince":"2026-11-26T08:55:00Z","firingSince":null,"lastSentAt":null,"escalatedAt":null},
              {"key":"exceptions:OverReturn:Finance","rule":"exceptions","team":"Finance","title":"OverReturn exceptions open for <25.0 h>",
               "detail":"1 open","fix":"Refund by hand.","breachedSince":"2026-11-25T08:00:00Z","firingSince":"2026-11-25T08:00:00Z",
               "lastSentAt":"2026-11-26T08:00:00Z","escalatedAt":"2026-11-25T09:00:00Z"}],
             "history":[
              {"at":"2026-11-26T08:00:01Z","event":"DeliveryFailed","key":"exceptions:OverReturn:Finance","team":"Finance","title":"OverReturn exceptions open for <25.0 h>",
               "channel":"finance-mail","error":"E-mail channel 'finance-mail' could not send via smtp.example.com:587: timeout"},
              {"at":"2026-11-25T08:00:00Z","event":"Fired","key":"exceptions:OverReturn:Finance","team":"Finance","title":"OverReturn exceptions open for <25.0 h>",
               "channel":null,"error":null}],
             "drift":{"reportAt":null,"runsInRow":{}},"outbox":[],"evaluatedAt":"2026-11-26T08:59:00Z"}
            """, default);

        var html = await _client.GetStringAsync(_host.Url("connector/alerts"));

        Assert.Contains("Evaluated 1 min ago", html, StringComparison.Ordinal);
        var rows = RowKeys().Matches(html).Select(match => (match.Groups[1].Value, match.Groups[2].Value)).ToList();
        Assert.Equal([("exceptions:OverReturn:Finance", "escalated"), ("stock-lag", "pending")], rows);
        Assert.Contains("OverReturn exceptions open for &lt;25.0 h&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"team\">finance</td>", html, StringComparison.Ordinal);
        Assert.Contains("Refund by hand.", html, StringComparison.Ordinal);
        Assert.Contains("1 d 1 h", html, StringComparison.Ordinal); // firing for a day and an hour
        Assert.Equal(["DeliveryFailed", "Fired"], HistoryEvents().Matches(html).Select(match => match.Groups[1].Value));
        Assert.Contains("finance-mail", html, StringComparison.Ordinal);
        Assert.Contains("could not send via smtp.example.com:587: timeout", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr data-key=\"([^\"]+)\" data-state=\"([^\"]+)\">")]
    private static partial Regex RowKeys();

    [GeneratedRegex("<tr data-event=\"([^\"]+)\">")]
    private static partial Regex HistoryEvents();
}
