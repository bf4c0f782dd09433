using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Stock;

public sealed class StockWebhookTests
{
    [Fact]
    public async Task Duplicated_and_reordered_sitoo_events_wake_the_engine_and_change_nothing_twice()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Engine.PollInterval = TimeSpan.FromHours(1));
        harness.AddProduct("SKU-1", store1: 50);
        harness.Pos.SubscribeEvents(new SitooEventSubscription(new Uri("http://connector.test/sitoo/events"))
        {
            Handler = new InboxReceiver(() => harness.Store, () => harness.Services.GetRequiredService<IInboxSignal>()),
        });
        await harness.SyncAsync();
        Assert.Equal(50, harness.Shop.GetProduct("SKU-1").Stock);

        for (var i = 0; i < 12; i++)
        {
            harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        }

        // Deliver every batch twice, in reverse order, as at-least-once delivery allows.
        await harness.Pos.DeliverEventsAsync();
        var stored = await harness.Store.Inbox.ListUnprocessedAsync(100, default);
        foreach (var delivery in stored.Reverse())
        {
            Assert.Equal(InboxStoreResult.Duplicate, await harness.Store.Inbox.StoreAsync(
                new InboxDelivery(delivery.Source, delivery.EventId, delivery.EventType, delivery.Body, delivery.Headers), default));
        }

        // The poll interval is an hour: only the webhook can have started this poll.
        await harness.Engine.RunOnceAsync(default);
        harness.Clock.Advance(Duration.FromSeconds(1));
        await harness.Engine.RunOnceAsync(default);

        Assert.Equal(38, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Empty(await harness.Store.Inbox.ListUnprocessedAsync(100, default));
        Assert.NotEmpty(stored);
    }

    [Fact]
    public async Task A_malformed_delivery_becomes_an_exception_record_and_the_rest_goes_on()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 5);
        await harness.Store.Inbox.StoreAsync(
            new InboxDelivery(InboxSources.Sitoo, "malformed:abc", ConnectorEngine.MalformedEventType, "{not json"u8.ToArray(), new Dictionary<string, string>()),
            default);

        await harness.SyncAsync();

        Assert.Equal(5, harness.Shop.GetProduct("SKU-1").Stock);
        var problem = Assert.Single(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        Assert.Equal((ReasonCodes.MalformedWebhook, OwningTeam.Retail, "sitoo:malformed:abc"), (problem.ReasonCode, problem.Team, problem.Entity.Id));
        Assert.Empty(await harness.Store.Inbox.ListUnprocessedAsync(10, default));
    }
}
