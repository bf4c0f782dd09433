using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Connectors.Sync;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using NodaTime;

namespace Connectors.Hosting.Tests;

/// <summary>The Events SPI receiver over real HTTP, fed by the Sitoo simulator's real deliveries.</summary>
public sealed class SitooEventsReceiverTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RecordingSignal _signal = new();
    private HostedConnector _host = null!;

    public async Task InitializeAsync() => _host = await HostedConnector.StartAsync(_signal);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_event_of_a_delivery_is_in_the_store_when_Sitoo_gets_its_200()
    {
        var checkedAt200 = new List<(string EventId, bool Stored)>();
        // Looks into the store with its own connection the moment the 200 arrives, before the simulator sees it.
        var probe = new ProbeOn200Handler(async eventIds =>
        {
            await using var reader = await Sync.Sqlite.SqliteConnectorStore.OpenAsync(_host.DatabasePath, _host.Clock, None);
            foreach (var id in eventIds)
            {
                checkedAt200.Add((id, await reader.Inbox.FindAsync(InboxSources.Sitoo, id, None) is not null));
            }
        });
        await using var sitoo = NewSimulator();
        ProduceTraffic(sitoo);
        sitoo.SubscribeEvents(Subscription(HostedConnector.SitooPassword) with { Handler = probe });

        await sitoo.DeliverEventsAsync(None);

        Assert.NotEmpty(sitoo.EventAttempts);
        Assert.All(sitoo.EventAttempts, a => Assert.Equal(SitooEventOutcome.Acknowledged, a.Outcome));
        var delivered = sitoo.EventAttempts.SelectMany(a => a.EventIds).ToList();
        Assert.Equal(delivered.Order(), checkedAt200.Select(c => c.EventId).Order());
        Assert.All(checkedAt200, c => Assert.True(c.Stored, $"event {c.EventId} was not stored when 200 was sent"));
        Assert.Equal(delivered.Count, await _host.CountInboxRowsAsync());
        Assert.Contains(InboxSources.Sitoo, _signal.Sources);
    }

    [Fact]
    public async Task Each_stored_event_keeps_its_own_json_type_and_Sitoo_event_id()
    {
        await using var sitoo = NewSimulator();
        ProduceTraffic(sitoo);
        sitoo.SubscribeEvents(Subscription(HostedConnector.SitooPassword));

        await sitoo.DeliverEventsAsync(None);

        foreach (var id in sitoo.EventAttempts.SelectMany(a => a.EventIds))
        {
            var message = await _host.Store.Inbox.FindAsync(InboxSources.Sitoo, id, None);
            Assert.NotNull(message);
            using var json = JsonDocument.Parse(message.Body);
            Assert.Equal(id, json.RootElement.GetProperty("event_id").GetString());
            Assert.Equal(json.RootElement.GetProperty("event_type").GetString(), message.EventType);
            Assert.DoesNotContain(message.Headers.Keys, k => k.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_duplicate_delivery_gets_200_and_leaves_one_row_per_event()
    {
        await using var sitoo = NewSimulator(new SitooEventDeliveryOptions { DuplicateProbability = 1 });
        ProduceTraffic(sitoo);
        sitoo.SubscribeEvents(Subscription(HostedConnector.SitooPassword));

        await sitoo.DeliverEventsAsync(None);

        Assert.Contains(sitoo.EventAttempts, a => a.Outcome == SitooEventOutcome.Duplicate);
        Assert.All(sitoo.EventAttempts, a => Assert.Equal(200, a.Status));
        var distinct = sitoo.EventAttempts.SelectMany(a => a.EventIds).Distinct().Count();
        Assert.True(sitoo.EventAttempts.Sum(a => a.EventIds.Count) > distinct);
        Assert.Equal(distinct, await _host.CountInboxRowsAsync());
    }

    [Theory]
    [InlineData("wrong password")]
    [InlineData(null)]
    public async Task Wrong_or_missing_credentials_get_401_and_nothing_is_stored(string? password)
    {
        await using var sitoo = NewSimulator();
        ProduceTraffic(sitoo);
        sitoo.SubscribeEvents(password is null ? new SitooEventSubscription(_host.Url("webhooks/sitoo")) : Subscription(password));

        await sitoo.DeliverEventsAsync(None);

        Assert.NotEmpty(sitoo.EventAttempts);
        Assert.All(sitoo.EventAttempts, a => Assert.Equal(401, a.Status));
        Assert.Equal(0, await _host.CountInboxRowsAsync());
        Assert.Empty(_signal.Sources);
    }

    [Fact]
    public async Task A_body_that_cannot_be_parsed_is_stored_as_malformed_and_answered_200_once_per_content()
    {
        var body = "[{\"event_id\": \"e-1\", \"event_type\": "u8.ToArray();
        using var client = new HttpClient();

        using var first = await PostAsync(client, body, HostedConnector.SitooPassword);
        using var second = await PostAsync(client, body, HostedConnector.SitooPassword);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var eventId = "malformed:" + Convert.ToHexStringLower(SHA256.HashData(body));
        var message = await _host.Store.Inbox.FindAsync(InboxSources.Sitoo, eventId, None);
        Assert.NotNull(message);
        Assert.Equal("malformed", message.EventType);
        Assert.Equal(body, message.Body.ToArray());
        Assert.Equal(1, await _host.CountInboxRowsAsync());
    }

    [Fact]
    public async Task One_unreadable_event_in_a_batch_is_kept_as_malformed_next_to_the_good_ones()
    {
        const string Good = """{"event_id":"e-good","event_type":"order","event_date":1611138542,"account_id":1500,"data":{"eshop_id":1,"order_id":12345,"order_event_type":"add"}}""";
        const string Bad = """{"event_type":"order","data":{}}""";
        using var client = new HttpClient();

        using var response = await PostAsync(client, Encoding.UTF8.GetBytes($"[{Good},{Bad}]"), HostedConnector.SitooPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var good = await _host.Store.Inbox.FindAsync(InboxSources.Sitoo, "e-good", None);
        Assert.Equal(Good, Encoding.UTF8.GetString(good!.Body.Span));
        var bad = await _host.Store.Inbox.FindAsync(InboxSources.Sitoo, "malformed:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Bad))), None);
        Assert.Equal("malformed", bad?.EventType);
    }

    [Fact]
    public async Task A_store_that_cannot_write_gets_503_with_Retry_After_and_Sitoo_delivers_again_later()
    {
        await using var sitoo = NewSimulator();
        ProduceTraffic(sitoo);
        sitoo.SubscribeEvents(Subscription(HostedConnector.SitooPassword));
        await _host.BreakInboxAsync(broken: true);

        await sitoo.DeliverEventsAsync(None);
        using var client = new HttpClient();
        using var direct = await PostAsync(client, """[{"event_id":"e-9","event_type":"order","data":{}}]"""u8.ToArray(), HostedConnector.SitooPassword);

        var failed = Assert.Single(sitoo.EventAttempts);
        Assert.Equal(503, failed.Status);
        Assert.Equal(SitooEventOutcome.WillRetry, failed.Outcome);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, direct.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), direct.Headers.RetryAfter?.Delta);
        Assert.Equal(0, await _host.CountInboxRowsAsync());

        await _host.BreakInboxAsync(broken: false);
        _host.Clock.Advance(Duration.FromMinutes(10));
        await sitoo.DeliverEventsAsync(None);

        Assert.Equal(SitooEventOutcome.Acknowledged, sitoo.EventAttempts[^1].Outcome);
        foreach (var id in failed.EventIds)
        {
            Assert.NotNull(await _host.Store.Inbox.FindAsync(InboxSources.Sitoo, id, None));
        }
    }

    private SitooSimulator NewSimulator(SitooEventDeliveryOptions? delivery = null) =>
        new(new SitooSimulatorOptions { Events = delivery ?? new() }, new SimulatorOptions { Seed = 7, Clock = _host.Clock });

    private static void ProduceTraffic(SitooSimulator sitoo)
    {
        var store = sitoo.AddStore("Gallerian", externalId: "ST-1");
        sitoo.AddProduct("A-1", "Sofa", 125m);
        sitoo.AdjustStock(store.WarehouseId, "A-1", 10);
        sitoo.SellAtPos(store, [new SitooSaleLine("A-1", 2)]);
    }

    private SitooEventSubscription Subscription(string password) =>
        new(_host.Url("webhooks/sitoo")) { UserName = HostedConnector.SitooUser, Password = password };

    private Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _host.Url("webhooks/sitoo")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(HostedConnector.SitooUser + ":" + password)));
        return client.SendAsync(request);
    }
}
