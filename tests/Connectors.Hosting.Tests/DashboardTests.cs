using System.Net;
using System.Text.RegularExpressions;
using Connectors.Sync;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Hosting.Tests;

/// <summary>The dashboard over real HTTP on loopback (and on TestHost for a client from elsewhere).</summary>
public sealed partial class DashboardTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private HostedConnector _host = null!;

    public async Task InitializeAsync() => _host = await HostedConnector.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("connector/")]
    [InlineData("connector/exceptions")]
    [InlineData("connector/runs")]
    public async Task A_client_that_is_not_on_this_machine_gets_403(string path)
    {
        await using var remote = await HostedConnector.StartOnTestServerAsync(IPAddress.Parse("203.0.113.7"));
        await Seeds.RecordAllAsync(remote.Store);
        using var client = remote.CreateTestServerClient();

        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var post = await client.PostAsync(new Uri("connector/exceptions/1/resolve", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain("MissingProductMapping", await get.Content.ReadAsStringAsync());
        Assert.Equal(ExceptionStatus.Open, (await remote.Store.Exceptions.GetAsync(1, None))!.Status);
    }

    [Theory]
    [InlineData("::1", "connector/")]
    [InlineData("::ffff:127.0.0.1", "connector")]
    [InlineData("127.0.0.1", "connector/runs")]
    public async Task A_loopback_client_is_served(string address, string path)
    {
        await using var local = await HostedConnector.StartOnTestServerAsync(IPAddress.Parse(address));
        using var client = local.CreateTestServerClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_exceptions_page_lists_every_record_grouped_by_reason_and_team_with_values_encoded()
    {
        var records = await Seeds.RecordAllAsync(_host.Store);
        using var client = new HttpClient();

        var html = await client.GetStringAsync(_host.Url("connector/exceptions"));

        foreach (var record in records)
        {
            Assert.Contains($"id=\"exception-{record.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains(record.Entity.Id, html, StringComparison.Ordinal);
        }
        Assert.Contains("data-reason=\"MissingProductMapping\" data-team=\"ecommerce\"", html, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"UnknownStoreLocation\" data-team=\"retail\"", html, StringComparison.Ordinal);
        Assert.Contains("CHECKOUT__REFUND_AMOUNT", html, StringComparison.Ordinal);
        Assert.Contains("Create the product in Shopware or map the SKU.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_filter_shows_only_that_teams_records()
    {
        await Seeds.RecordAllAsync(_host.Store);
        using var client = new HttpClient();

        var html = await client.GetStringAsync(_host.Url("connector/exceptions?team=retail"));

        Assert.Contains("UnknownStoreLocation", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-reason=\"MissingProductMapping\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("retry", ExceptionStatus.Retrying)]
    [InlineData("resolve", ExceptionStatus.Resolved)]
    [InlineData("ignore", ExceptionStatus.Ignored)]
    public async Task A_button_changes_the_records_status_in_the_store(string action, ExceptionStatus expected)
    {
        var record = (await Seeds.RecordAllAsync(_host.Store))[2];
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler);
        var page = await client.GetStringAsync(_host.Url("connector/exceptions"));

        using var response = await client.PostAsync(
            _host.Url($"connector/exceptions/{record.Id}/{action}"),
            new FormUrlEncodedContent([new("__RequestVerificationToken", Token(page)), new("status", "all")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await _host.Store.Exceptions.GetAsync(record.Id, None))!.Status);
        var after = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"exception-{record.Id}\" data-status=\"{action switch { "retry" => "retrying", "resolve" => "resolved", _ => "ignored" }}\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        var record = (await Seeds.RecordAllAsync(_host.Store))[0];
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler);
        await client.GetStringAsync(_host.Url("connector/exceptions"));

        using var response = await client.PostAsync(_host.Url($"connector/exceptions/{record.Id}/resolve"), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ExceptionStatus.Open, (await _host.Store.Exceptions.GetAsync(record.Id, None))!.Status);
    }

    [Fact]
    public async Task The_overview_shows_queue_depth_inbox_backlog_open_exceptions_runs_and_cursor_age()
    {
        var store = _host.Store;
        await store.WorkItems.EnqueueAsync(new NewWorkItem("k-1", "stock.apply", WorkLane.Stock, "{}"), None);
        await store.WorkItems.EnqueueAsync(new NewWorkItem("k-2", "stock.apply", WorkLane.Stock, "{}"), None);
        await store.Inbox.StoreAsync(new InboxDelivery(InboxSources.Sitoo, "e-1", "order", "{}"u8.ToArray(), new Dictionary<string, string>()), None);
        await store.Cursors.AdvanceAsync("sitoo:1500:1:wtx", CursorPosition.FromNumber(4711), None);
        await Seeds.RecordAllAsync(store);
        var run = await store.Runs.StartAsync("stock.poll", None);
        await store.Runs.FinishAsync(run.Id, RunOutcome.Succeeded, new Dictionary<string, long> { ["read"] = 3 }, null, None);
        _host.Clock.Advance(Duration.FromMinutes(5));
        using var client = new HttpClient();

        var html = await client.GetStringAsync(_host.Url("connector/"));

        Assert.Matches(@"<td>stock</td><td class=""num"">2</td>", html);
        Assert.Matches(@"<td>sitoo</td><td class=""num"">1</td><td>5 min</td>", html);
        Assert.Matches(@">ecommerce</a></td><td class=""num"">2</td>", html);
        Assert.Contains("stock.poll", html, StringComparison.Ordinal);
        Assert.Matches(@"<td>sitoo:1500:1:wtx</td><td>4711</td><td>5 min ago</td>", html);
    }

    [Fact]
    public async Task The_runs_page_draws_one_bar_per_finished_run()
    {
        var store = _host.Store;
        for (var i = 1; i <= 4; i++)
        {
            var run = await store.Runs.StartAsync(i % 2 == 0 ? "stock.poll" : "orders.export", None);
            _host.Clock.Advance(Duration.FromSeconds(i * 10));
            await store.Runs.FinishAsync(run.Id, i == 3 ? RunOutcome.Failed : RunOutcome.Succeeded, new Dictionary<string, long>(), i == 3 ? "boom" : null, None);
        }
        await store.Runs.StartAsync("stock.poll", None);
        using var client = new HttpClient();

        var html = await client.GetStringAsync(_host.Url("connector/runs"));

        Assert.Equal(4, RectPattern().Count(html));
        Assert.Equal(1, FailedBarPattern().Count(html));
        Assert.Contains("running", html, StringComparison.Ordinal);
    }

    private static string Token(string page) => TokenPattern().Match(page) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("No antiforgery field on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<rect class=\"bar-")]
    private static partial Regex RectPattern();

    [GeneratedRegex("<rect class=\"bar-failed\"")]
    private static partial Regex FailedBarPattern();
}
