using Connectors.Sitoo;
using Connectors.Sync.Alerts;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Testing.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Sync.Engine.Tests.Alerts;

public sealed class CircuitAlertTests
{
    [Fact]
    public async Task When_the_sitoo_clients_circuit_opens_the_open_circuit_alert_fires_for_retail()
    {
        var channel = new RecordingChannel("ops");
        await using var harness = await ConnectorHarness.StartAsync(
            options => options.Alerts.Rules.CircuitOpen.For = TimeSpan.Zero,
            services: services => services.AddSingleton<IAlertChannel>(channel));
        harness.Pos.Faults.Add(FaultRule.Fail("/v2", System.Net.HttpStatusCode.ServiceUnavailable));
        var sitoo = harness.Services.GetRequiredService<ISitooClient>();
        var signals = harness.Services.GetRequiredService<AlertSignals>();

        // The client's breaker opens after 20 calls, half of them failed, within a minute; the next call is refused.
        for (var call = 0; call < 40 && signals.OpenCircuits.Count == 0; call++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => sitoo.Warehouses.GetAsync(harness.Store1.WarehouseId));
        }

        Assert.Equal(["sitoo"], signals.OpenCircuits.Keys);
        await harness.Services.GetRequiredService<AlertRunner>().RunOnceAsync(default);
        var fired = Assert.Single(channel.Received);
        Assert.Equal(("circuit-open:sitoo", Sync.State.OwningTeam.Retail), (fired.Key, fired.Team));
        Assert.StartsWith("Calls to Sitoo have been paused by the circuit breaker", fired.Title, StringComparison.Ordinal);
    }
}
