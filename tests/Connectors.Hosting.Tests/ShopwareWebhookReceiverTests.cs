using System.Text;
using Connectors.Sync;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;

namespace Connectors.Hosting.Tests;

/// <summary>The app webhook receiver over real HTTP, fed by the Shopware simulator's signed deliveries.</summary>
public sealed class ShopwareWebhookReceiverTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RecordingSignal _signal = new();
    private HostedConnector _host = null!;

    public async Task InitializeAsync() => _host = await HostedConnector.StartAsync(_signal);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(HostedConnector.AppSecret)]
    [InlineData(HostedConnector.PreviousAppSecret)]
    public async Task A_signed_delivery_is_stored_under_its_event_id_byte_for_byte(string signingSecret)
    {
        await using var shop = NewShop();
        shop.Webhooks.Register("customers", "customer.written", _host.Url("webhooks/shopware"), signingSecret);
        shop.RegisterCustomer("ada@example.com", "Ada", "Lovelace");

        await shop.Webhooks.DeliverPendingAsync(None);

        var delivery = Assert.Single(shop.Webhooks.Deliveries);
        Assert.Equal(200, delivery.StatusCode);
        var message = await _host.Store.Inbox.FindAsync(InboxSources.Shopware, delivery.EventId, None);
        Assert.NotNull(message);
        Assert.Equal("customer.written", message.EventType);
        Assert.Equal(delivery.Body, Encoding.UTF8.GetString(message.Body.Span));
        Assert.Contains(InboxSources.Shopware, _signal.Sources);
    }

    [Fact]
    public async Task Duplicates_of_one_event_leave_one_row()
    {
        await using var shop = NewShop();
        shop.Webhooks.Faults = new ShopwareWebhookFaults { DuplicateProbability = 1 };
        shop.Webhooks.Register("customers", "customer.written", _host.Url("webhooks/shopware"), HostedConnector.AppSecret);
        shop.RegisterCustomer("ada@example.com", "Ada", "Lovelace");

        await shop.Webhooks.DeliverPendingAsync(None);

        Assert.Equal(2, shop.Webhooks.Deliveries.Count);
        Assert.All(shop.Webhooks.Deliveries, d => Assert.Equal(200, d.StatusCode));
        Assert.Equal(1, await _host.CountInboxRowsAsync());
    }

    [Fact]
    public async Task A_delivery_signed_with_another_secret_gets_401_and_nothing_is_stored()
    {
        await using var shop = NewShop();
        shop.Webhooks.Register("customers", "customer.written", _host.Url("webhooks/shopware"), "not-our-secret");
        shop.RegisterCustomer("ada@example.com", "Ada", "Lovelace");

        await shop.Webhooks.DeliverPendingAsync(None);

        Assert.Equal(401, Assert.Single(shop.Webhooks.Deliveries).StatusCode);
        Assert.Equal(0, await _host.CountInboxRowsAsync());
        Assert.Empty(_signal.Sources);
    }

    [Fact]
    public async Task An_unsigned_delivery_gets_401()
    {
        await using var shop = NewShop();
        shop.Webhooks.Register("customers", "customer.written", _host.Url("webhooks/shopware"), appSecret: null);
        shop.RegisterCustomer("ada@example.com", "Ada", "Lovelace");

        await shop.Webhooks.DeliverPendingAsync(None);

        Assert.Equal(401, Assert.Single(shop.Webhooks.Deliveries).StatusCode);
        Assert.Equal(0, await _host.CountInboxRowsAsync());
    }

    private ShopwareSimulator NewShop() => new(new ShopwareSimulatorOptions(), new SimulatorOptions { Seed = 3, Clock = _host.Clock });
}
