using Connectors.Sync.Alerts;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Hosting.Tests.Alerts;

/// <summary>The receivers report each answer to the alert signals: refused deliveries count up in a row, an accepted one ends the run.</summary>
public sealed class WebhookAnswerSignalTests
{
    [Fact]
    public async Task Refused_shopware_deliveries_count_in_a_row_until_one_is_accepted()
    {
        AlertSignals? signals = null;
        await using var host = await HostedConnector.StartAsync(configure: builder =>
            builder.Services.AddSingleton(provider => signals = new AlertSignals(provider.GetRequiredService<NodaTime.IClock>())));
        await using var wrong = new ShopwareSimulator(null, new SimulatorOptions());
        wrong.Webhooks.Register("customers", "customer.written", host.Url("webhooks/shopware"), "not-our-secret");
        wrong.RegisterCustomer("ada@example.com", "Ada", "Lovelace");
        wrong.RegisterCustomer("grace@example.com", "Grace", "Hopper");

        await wrong.Webhooks.DeliverPendingAsync(default);

        var refused = wrong.Webhooks.Deliveries.Count(d => d.StatusCode == 401);
        Assert.True(refused >= 2, $"{refused} refused");
        Assert.Equal(refused, signals!.FailedWebhookAnswersInRow["shopware"]);

        await using var right = new ShopwareSimulator(null, new SimulatorOptions());
        right.Webhooks.Register("customers", "customer.written", host.Url("webhooks/shopware"), HostedConnector.AppSecret);
        right.RegisterCustomer("alan@example.com", "Alan", "Turing");
        await right.Webhooks.DeliverPendingAsync(default);

        Assert.Empty(signals.FailedWebhookAnswersInRow);
    }
}
