using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Connectors.Sitoo.Events;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using NodaTime;

namespace Connectors.Testing.Tests.Sitoo;

public class SitooEventTests
{
    private static readonly Uri _endpoint = new("http://receiver.test/sitoo/events");

    /// <summary>An events endpoint that answers a scripted status per delivery (200 once the script runs out) and keeps what it got.</summary>
    private sealed class Receiver(params HttpStatusCode[] script) : HttpMessageHandler
    {
        private readonly Queue<HttpStatusCode> _script = new(script);

        public List<(string? Authorization, IReadOnlyList<SitooEvent> Events)> Deliveries { get; } = [];

        public IEnumerable<string> Acknowledged { get; private set; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var events = SitooEventParser.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            Deliveries.Add((request.Headers.Authorization?.ToString(), events));
            var status = _script.TryDequeue(out var next) ? next : HttpStatusCode.OK;
            if (status == HttpStatusCode.OK)
            {
                Acknowledged = Acknowledged.Concat(events.Select(e => e.EventId)).ToList();
            }
            return new HttpResponseMessage(status);
        }
    }

    private static (SitooHarness Sitoo, Receiver Receiver, int Warehouse) Setup(Receiver receiver, SitooEventDeliveryOptions? events = null)
    {
        var sitoo = SitooHarness.Create(new() { Events = events ?? new() });
        sitoo.Simulator.SubscribeEvents(new(_endpoint) { UserName = "hooks", Password = "s3cret", Handler = receiver });
        return (sitoo, receiver, sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo));
    }

    [Fact]
    public async Task Events_arrive_in_chronological_batches_of_at_most_ten_with_basic_auth()
    {
        var (sitoo, receiver, dc) = Setup(new Receiver());
        await using var _ = sitoo;
        var transactionIds = Enumerable.Range(0, 23).Select(_ => sitoo.Simulator.AdjustStock(dc, "A", 1)).ToList();

        await sitoo.Simulator.DeliverEventsAsync();

        Assert.Equal([10, 10, 3], receiver.Deliveries.Select(d => d.Events.Count));
        var authenticator = new SitooEventsBasicAuthenticator("hooks", "s3cret");
        Assert.All(receiver.Deliveries, d => Assert.True(authenticator.IsAuthorized(d.Authorization)));
        var delivered = receiver.Deliveries.SelectMany(d => d.Events).ToList();
        Assert.Equal(transactionIds, delivered.Select(e => e.TryGetWarehouseTransactionData(out var data) ? data.WarehouseTransactionId!.Value : -1));
        Assert.All(delivered, e => Assert.Equal((SitooEventType.WarehouseTransaction, 1500), (e.EventType, e.AccountId!.Value)));
        Assert.Equal(0, sitoo.Simulator.PendingEventCount);
    }

    [Fact]
    public async Task Orders_and_deliveries_raise_order_and_order_delivery_events()
    {
        var (sitoo, receiver, _) = Setup(new Receiver());
        await using var __ = sitoo;
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AddProduct("A", "Sofa", 10m);
        var receipt = sitoo.Simulator.SellAtPos(store, [new("A", 1)]);
        sitoo.Simulator.CancelOrder(receipt.OrderId);

        await sitoo.Simulator.DeliverEventsAsync();

        var events = receiver.Deliveries.SelectMany(d => d.Events).ToList();
        Assert.Equal([SitooEventType.Order, SitooEventType.OrderDelivery, SitooEventType.WarehouseTransaction, SitooEventType.Order], events.Select(e => e.EventType));
        Assert.True(events[0].TryGetOrderData(out var added));
        Assert.Equal((receipt.OrderId, "add", store.WarehouseId), (added.OrderId, added.OrderEventType, added.WarehouseId!.Value));
        Assert.True(events[1].TryGetOrderDeliveryData(out var delivery));
        Assert.Equal(receipt.OrderDeliveryId, delivery.OrderDeliveryId);
        Assert.True(events[3].TryGetOrderData(out var cancelled));
        Assert.Equal(("update", "cancelled"), (cancelled.OrderEventType, cancelled.OrderStateChanged));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_failed_batch_is_retried_later_and_blocks_the_events_behind_it(HttpStatusCode failure)
    {
        var (sitoo, receiver, dc) = Setup(new Receiver(failure));
        await using var _ = sitoo;
        for (var i = 0; i < 12; i++)
        {
            sitoo.Simulator.AdjustStock(dc, "A", 1);
        }

        await sitoo.Simulator.DeliverEventsAsync();
        var blocked = (receiver.Deliveries.Count, sitoo.Simulator.PendingEventCount);
        await sitoo.Simulator.DeliverEventsAsync();
        var stillBlocked = receiver.Deliveries.Count;
        sitoo.Clock.Advance(Duration.FromMinutes(6));
        await sitoo.Simulator.DeliverEventsAsync();

        Assert.Equal((1, 12), blocked);
        Assert.Equal(1, stillBlocked);
        Assert.Equal([10, 10, 2], receiver.Deliveries.Select(d => d.Events.Count));
        Assert.Equal(receiver.Deliveries[0].Events.Select(e => e.EventId), receiver.Deliveries[1].Events.Select(e => e.EventId));
        Assert.Equal(12, receiver.Acknowledged.Count());
        Assert.Equal([SitooEventOutcome.WillRetry, SitooEventOutcome.Acknowledged, SitooEventOutcome.Acknowledged], sitoo.Simulator.EventAttempts.Select(a => a.Outcome));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task A_client_error_other_than_429_drops_the_batch_without_retry(HttpStatusCode rejection)
    {
        var (sitoo, receiver, dc) = Setup(new Receiver(rejection));
        await using var _ = sitoo;
        for (var i = 0; i < 11; i++)
        {
            sitoo.Simulator.AdjustStock(dc, "A", 1);
        }

        await sitoo.Simulator.DeliverEventsAsync();
        sitoo.Clock.Advance(Duration.FromDays(2));
        await sitoo.Simulator.DeliverEventsAsync();

        Assert.Equal([10, 1], receiver.Deliveries.Select(d => d.Events.Count));
        Assert.Single(receiver.Acknowledged);
        Assert.Equal(SitooEventOutcome.Rejected, sitoo.Simulator.EventAttempts[0].Outcome);
    }

    [Fact]
    public async Task A_batch_never_acknowledged_is_dropped_after_the_retry_window_on_the_simulator_clock()
    {
        var failures = Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, 100).ToArray();
        var (sitoo, receiver, dc) = Setup(new Receiver(failures));
        await using var _ = sitoo;
        sitoo.Simulator.AdjustStock(dc, "A", 1);

        var hours = 0;
        while (sitoo.Simulator.PendingEventCount > 0 && hours < 48)
        {
            await sitoo.Simulator.DeliverEventsAsync();
            sitoo.Clock.Advance(Duration.FromMinutes(6));
            hours++;
            if (hours > 10)
            {
                sitoo.Clock.Advance(Duration.FromMinutes(54));
            }
        }

        var attempts = sitoo.Simulator.EventAttempts;
        Assert.Equal(0, sitoo.Simulator.PendingEventCount);
        Assert.Equal(SitooEventOutcome.Expired, attempts[^1].Outcome);
        Assert.InRange(attempts.Count, 31, 40);
        Assert.InRange(attempts[^1].At - attempts[0].At, Duration.FromHours(23), Duration.FromHours(24));
        Assert.Empty(receiver.Acknowledged);
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_gets_the_batch_again()
    {
        var (sitoo, _, dc) = Setup(new Receiver(), new() { ResponseTimeout = TimeSpan.FromMilliseconds(50) });
        await using var __ = sitoo;
        var slow = new SlowReceiver();
        sitoo.Simulator.SubscribeEvents(new(_endpoint) { Handler = slow });
        sitoo.Simulator.AdjustStock(dc, "A", 1);

        await sitoo.Simulator.DeliverEventsAsync();
        slow.Fast = true;
        sitoo.Clock.Advance(Duration.FromHours(1));
        await sitoo.Simulator.DeliverEventsAsync();

        Assert.Equal([(int?)null, 200], sitoo.Simulator.EventAttempts.Select(a => a.Status));
        Assert.Equal(2, slow.Calls);
    }

    private sealed class SlowReceiver : HttpMessageHandler
    {
        public bool Fast { get; set; }

        public int Calls { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            if (!Fast)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Injected_faults_duplicate_lose_and_reorder_deliveries()
    {
        var duplicated = new Receiver();
        var (withDuplicates, _, dcA) = Setup(duplicated, new() { DuplicateProbability = 1 });
        var lost = new Receiver();
        var (withLosses, _, dcB) = Setup(lost, new() { DropProbability = 1 });
        var reordered = new Receiver();
        var (withReordering, _, dcC) = Setup(reordered, new() { ReorderProbability = 1 });
        await using var a = withDuplicates;
        await using var b = withLosses;
        await using var c = withReordering;
        foreach (var (sitoo, dc) in new[] { (withDuplicates, dcA), (withLosses, dcB), (withReordering, dcC) })
        {
            for (var i = 0; i < 10; i++)
            {
                sitoo.Simulator.AdjustStock(dc, "A", 1);
            }
            await sitoo.Simulator.DeliverEventsAsync();
        }

        Assert.Equal(2, duplicated.Deliveries.Count);
        Assert.Equal(duplicated.Deliveries[0].Events.Select(e => e.EventId), duplicated.Deliveries[1].Events.Select(e => e.EventId));
        Assert.Empty(lost.Deliveries);
        Assert.Equal(0, withLosses.Simulator.PendingEventCount);
        var ids = Assert.Single(reordered.Deliveries).Events.Select(e => e.TryGetWarehouseTransactionData(out var d) ? d.WarehouseTransactionId!.Value : 0).ToList();
        Assert.NotEqual(ids.Order(), ids);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), ids.Order());
    }

    [Fact]
    public async Task The_same_seed_and_clock_give_the_same_events()
    {
        async Task<string> RunAsync()
        {
            var receiver = new Receiver();
            var (sitoo, _, dc) = Setup(receiver);
            await using var _ = sitoo;
            sitoo.Simulator.AdjustStock(dc, "A", 1);
            sitoo.Simulator.AddUser("a@example.com");
            await sitoo.Simulator.DeliverEventsAsync();
            return string.Join(",", receiver.Deliveries.SelectMany(d => d.Events).Select(e => e.EventId)) + sitoo.Simulator.FindUserId("a@example.com");
        }

        Assert.Equal(await RunAsync(), await RunAsync());
    }

    [Fact]
    public async Task A_delivery_has_the_shape_of_sitoos_documented_event()
    {
        var recorded = SitooFixtures.Load("spi-events.order-update.request.json").AsArray();
        var raw = new RawReceiver();
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.SubscribeEvents(new(_endpoint) { Handler = raw });
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AddProduct("A", "Sofa", 10m);
        var receipt = sitoo.Simulator.SellAtPos(store, [new("A", 1)]);
        sitoo.Simulator.CancelOrder(receipt.OrderId);

        await sitoo.Simulator.DeliverEventsAsync();

        var update = JsonNode.Parse(raw.Bodies.Single())!.AsArray().Last()!.AsObject();
        SitooFixtures.AssertSameShape((JsonObject)recorded[0]!, update);
        Assert.Matches("^[0-9a-f]{32}$", (string?)update["event_id"]);
    }

    private sealed class RawReceiver : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task The_background_loop_delivers_until_stopped()
    {
        var (sitoo, receiver, dc) = Setup(new Receiver());
        await using var _ = sitoo;
        using var stop = new CancellationTokenSource();
        var loop = sitoo.Simulator.RunEventDeliveryAsync(TimeSpan.FromMilliseconds(10), stop.Token);

        sitoo.Simulator.AdjustStock(dc, "A", 1);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!receiver.Acknowledged.Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        await stop.CancelAsync();
        await loop;

        Assert.Single(receiver.Acknowledged);
        Assert.True(loop.IsCompletedSuccessfully);
    }

    /// <summary>An events endpoint served by Kestrel on a loopback port, for deliveries over real HTTP.</summary>
    private sealed class LoopbackReceiver() : SimulatedApi(null)
    {
        public List<(string Path, string Body)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Received)
            {
                Received.Add((request.RequestUri!.AbsolutePath, body));
            }
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("", Encoding.UTF8, "text/plain") };
        }
    }

    [Fact]
    public async Task Events_are_delivered_to_a_configured_url_over_http()
    {
        await using var receiver = new LoopbackReceiver();
        var address = await receiver.StartLoopbackAsync();
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.SubscribeEvents(new(new Uri(address, "sitoo/events")) { UserName = "hooks", Password = "s3cret" });
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        sitoo.Simulator.AdjustStock(dc, "A", 1);

        await sitoo.Simulator.DeliverEventsAsync();

        var (path, body) = Assert.Single(receiver.Received);
        Assert.Equal("/sitoo/events", path);
        Assert.Equal(SitooEventType.WarehouseTransaction, Assert.Single(SitooEventParser.Parse(body)).EventType);
        Assert.Equal(0, sitoo.Simulator.PendingEventCount);
    }

    [Fact]
    public async Task Delivering_without_a_receiver_is_an_error()
    {
        await using var sitoo = SitooHarness.Create();

        await Assert.ThrowsAsync<InvalidOperationException>(() => sitoo.Simulator.DeliverEventsAsync());
    }
}
