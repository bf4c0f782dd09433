using Connectors.Sync.Alerts;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Monitoring;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Alerts;

public sealed class AlertRunnerTests
{
    private readonly RecordingChannel _ops = new("ops");
    private readonly RecordingChannel _onCall = new("on-call", escalation: true);

    private Task<ConnectorHarness> StartAsync(Action<AlertSettings>? alerts = null) => ConnectorHarness.StartAsync(
        options =>
        {
            options.Alerts.EscalateAfter = TimeSpan.FromHours(1);
            options.Alerts.RepeatEvery = TimeSpan.FromHours(4);
            options.Alerts.Rules.Exceptions.OpenAbove = 0;
            options.Alerts.Rules.SourceSilent.After = TimeSpan.FromDays(30); // the clock jumps hours without polling here
            alerts?.Invoke(options.Alerts);
        },
        services: services =>
        {
            services.AddSingleton<IAlertChannel>(_ops);
            services.AddSingleton<IAlertChannel>(_onCall);
        });

    /// <summary>A SKU sold in stores that the shop does not know: an open MissingProductMapping exception for ecommerce.</summary>
    private static async Task<ExceptionRecord> UnmappedSkuAsync(ConnectorHarness harness)
    {
        harness.AddProduct("SKU-1", store1: 3);
        harness.Pos.AddProduct("POS-ONLY", "Sold only in stores", 49m);
        harness.Pos.AdjustStock(harness.Store2.WarehouseId, "POS-ONLY", 4);
        await harness.SyncAsync();
        return Assert.Single(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(ReasonCode: ReasonCodes.MissingProductMapping), default));
    }

    private static Task<bool> EvaluateAsync(ConnectorHarness harness) => harness.Services.GetRequiredService<AlertRunner>().RunOnceAsync(default);

    [Fact]
    public async Task An_alert_goes_to_its_channel_once_escalates_to_the_second_after_the_time_and_resolves_once_across_a_restart()
    {
        await using var harness = await StartAsync();
        var problem = await UnmappedSkuAsync(harness);

        Assert.True(await EvaluateAsync(harness));
        Assert.True(await EvaluateAsync(harness));
        await harness.RestartAsync();
        harness.Clock.Advance(Duration.FromMinutes(30));
        Assert.True(await EvaluateAsync(harness));

        var fired = Assert.Single(_ops.Received);
        Assert.Empty(_onCall.Received);
        Assert.Equal(AlertNotificationKind.Firing, fired.Kind);
        Assert.Equal(OwningTeam.Ecommerce, fired.Team);
        Assert.Contains("MissingProductMapping", fired.Title, StringComparison.Ordinal);
        Assert.Contains(problem.Fix, fired.Fix, StringComparison.Ordinal);

        harness.Clock.Advance(Duration.FromMinutes(30));
        await EvaluateAsync(harness);
        Assert.Equal([AlertNotificationKind.Firing, AlertNotificationKind.Escalation], _ops.Received.Select(n => n.Kind));
        Assert.Equal([AlertNotificationKind.Escalation], _onCall.Received.Select(n => n.Kind));

        await harness.Store.Exceptions.ResolveAsync(problem.Id, default);
        await EvaluateAsync(harness);
        await EvaluateAsync(harness);

        Assert.Equal(AlertNotificationKind.Resolved, _ops.Received.Last().Kind);
        Assert.Equal([AlertNotificationKind.Escalation, AlertNotificationKind.Resolved], _onCall.Received.Select(n => n.Kind));
        var status = await harness.Services.GetRequiredService<AlertBoard>().ReadAsync(default);
        Assert.Empty(status.Watched);
        Assert.Equal([AlertEvent.Resolved, AlertEvent.Escalated, AlertEvent.Fired], status.History.Select(entry => entry.Event));
    }

    [Fact]
    public async Task Only_the_holder_of_the_alerts_lease_evaluates_and_sends()
    {
        await using var harness = await StartAsync();
        await UnmappedSkuAsync(harness);
        Assert.True(await EvaluateAsync(harness));
        var other = new AlertRunner(
            harness.Store, harness.Services.GetRequiredService<ConnectorMonitor>(), new AlertSignals(harness.Clock), [_ops], harness.Options.Alerts,
            "another-instance", harness.Clock, NullLogger<AlertRunner>.Instance);

        Assert.False(await other.RunOnceAsync(default));
        Assert.Single(_ops.Received);

        // Once the holder stops and gives the lease back, the other instance takes over from the saved state: no second firing.
        await harness.Services.GetRequiredService<AlertRunner>().ReleaseAsync(default);
        Assert.True(await other.RunOnceAsync(default));
        Assert.Single(_ops.Received);
    }

    [Fact]
    public async Task A_failed_delivery_is_tried_again_on_the_next_evaluations_then_given_up_and_both_show_in_the_history()
    {
        await using var harness = await StartAsync(alerts => alerts.DeliveryAttempts = 2);
        await UnmappedSkuAsync(harness);
        _ops.FailuresLeft = 1;

        await EvaluateAsync(harness);
        Assert.Empty(_ops.Received);
        await EvaluateAsync(harness);
        Assert.Equal(AlertNotificationKind.Firing, Assert.Single(_ops.Received).Kind);

        harness.Clock.Advance(Duration.FromHours(1));
        _ops.FailuresLeft = 5;
        await EvaluateAsync(harness);
        await EvaluateAsync(harness);
        await EvaluateAsync(harness);

        Assert.Single(_ops.Received);
        Assert.Single(_onCall.Received); // the escalation channel got the escalation all the same
        var status = await harness.Services.GetRequiredService<AlertBoard>().ReadAsync(default);
        Assert.Equal(0, status.Undelivered);
        Assert.Equal(
            [AlertEvent.DeliveryAbandoned, AlertEvent.DeliveryFailed, AlertEvent.Escalated, AlertEvent.DeliveryFailed, AlertEvent.Fired],
            status.History.Select(entry => entry.Event));
        Assert.Equal("ops is down", status.History[0].Error);
        Assert.Equal("ops", status.History[0].Channel);
    }

    [Fact]
    public void Unusable_alert_durations_are_refused_at_start_naming_the_key()
    {
        var options = new ConnectorOptions { Finance = { DefaultTimeZone = "Europe/Stockholm" } };
        options.Stock.Locations.Add(new StockLocationSettings { SitooWarehouseId = 1 });
        options.Alerts.EvaluateEvery = TimeSpan.Zero;
        options.Alerts.EscalateAfter = TimeSpan.FromMinutes(-1);
        options.Alerts.Rules.StockLag.For = TimeSpan.FromMinutes(-1);

        var result = new ConnectorOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["Connectors:Sync:Alerts:EvaluateEvery must be positive.", "Connectors:Sync:Alerts:EscalateAfter must not be negative (zero never escalates).",
             "Connectors:Sync:Alerts:Rules:StockLag:For must not be negative."],
            result.Failures);
    }
}
