using Connectors.Core.Reconciliation;
using Connectors.Sync.Alerts;
using Connectors.Sync.Monitoring;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Alerts;

public sealed class AlertRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 12, 0);
    private readonly AlertRuleSettings _settings = new();

    private static AlertReadings Readings() => new(
        Now, [], new StockLagSummary(0, null, null), null, [], [], new Dictionary<string, int>(), new Dictionary<string, Instant>());

    private IReadOnlyList<AlertCondition> Check(AlertReadings readings, DriftStreaks? streaks = null) =>
        new AlertRules(_settings).Check(readings, streaks ?? DriftStreaks.None);

    [Fact]
    public void Quiet_readings_breach_nothing() => Assert.Empty(Check(Readings()));

    [Fact]
    public void A_source_silent_past_the_threshold_fires_at_once_for_its_system_owner_and_a_never_read_one_after_the_threshold()
    {
        var readings = Readings() with
        {
            Sources =
            [
                new PipelineLag("sitoo.orders", "c1", null, null, Duration.FromMinutes(11)),
                new PipelineLag("shopware.orders", "c2", null, null, Duration.FromMinutes(9)),
                new PipelineLag("shopware.customers", "c3", null, null, null),
            ],
        };

        var conditions = Check(readings);

        Assert.Equal(
            [("source-silent:sitoo.orders", OwningTeam.Retail, Duration.Zero), ("source-silent:shopware.customers", OwningTeam.Ecommerce, Duration.FromMinutes(10))],
            conditions.Select(c => (c.Key, c.Team, c.For)));
        Assert.Equal("Sitoo source sitoo.orders has not been read for 11 min", conditions[0].Title);
    }

    [Fact]
    public void Stock_lag_breaches_above_its_p99_threshold_and_must_hold_for_its_duration()
    {
        Assert.Empty(Check(Readings() with { StockLag = new StockLagSummary(100, 500, 60_000) }));

        var lag = Assert.Single(Check(Readings() with { StockLag = new StockLagSummary(100, 500, 90_000) }));
        Assert.Equal((AlertRuleNames.StockLag, Duration.FromMinutes(10)), (lag.Key, lag.For));
        Assert.Contains("90 s", lag.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_above_the_threshold_and_skus_drifting_in_consecutive_reconciliations_fire_separately()
    {
        _settings.Drift.SkusAbove = 2;
        StockDifference Drift(string sku) => new(sku, DifferenceClass.Drift, Duration.Zero, 1, 2, 2);
        var reports = Enumerable.Range(0, 3).Select(run => new DriftReport(
            Now + Duration.FromHours(run), Now, Now, run < 2 ? [Drift("A")] : [Drift("A"), Drift("B"), Drift("C"), new("D", DifferenceClass.PendingDemand, Duration.Zero, 1, 1, 2)]));

        var streaks = DriftStreaks.None;
        var checks = reports.Select(report =>
        {
            streaks = streaks.Advance(report).Advance(report); // the same report read twice counts once
            return Check(Readings() with { Drift = report }, streaks).Select(c => c.Key).ToList();
        }).ToList();

        Assert.Equal([[], [], [AlertRuleNames.Drift, AlertRuleNames.PersistentDrift]], checks);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 3, ["B"] = 1, ["C"] = 1 }, streaks.RunsInRow);
        Assert.Empty(Check(Readings(), streaks.Advance(new DriftReport(Now + Duration.FromDays(1), Now, Now, []))));
    }

    [Fact]
    public void Exceptions_fire_per_reason_when_too_many_or_too_old_with_the_records_owner_and_fix()
    {
        var readings = Readings() with
        {
            Exceptions =
            [
                new OpenExceptions("MissingProductMapping", OwningTeam.Ecommerce, 11, Now - Duration.FromHours(1), "SKU X moved", "Create the product."),
                new OpenExceptions("OverReturn", OwningTeam.Finance, 1, Now - Duration.FromHours(25), "Return 7 returns more", "Refund by hand."),
                new OpenExceptions("UnknownStoreLocation", OwningTeam.Retail, 1, Now - Duration.FromHours(2), "Warehouse 9", "Add the warehouse."),
            ],
        };

        var conditions = Check(readings);

        Assert.Equal(
            [("exceptions:MissingProductMapping:Ecommerce", OwningTeam.Ecommerce), ("exceptions:OverReturn:Finance", OwningTeam.Finance)],
            conditions.Select(c => (c.Key, c.Team)));
        Assert.Equal("11 open MissingProductMapping exceptions (threshold 10)", conditions[0].Title);
        Assert.StartsWith("Create the product.", conditions[0].Fix, StringComparison.Ordinal);
        Assert.Equal("OverReturn exceptions open for 25.0 h", conditions[1].Title);
    }

    [Fact]
    public void Stalled_order_exports_go_to_ecommerce_and_stalled_refunds_to_finance()
    {
        StalledWork Work(string kind, string subject, WorkItemState state) =>
            new(kind, kind + ":" + subject, subject, state, Now - Duration.FromHours(2), Duration.FromHours(2), 3, "timeout");
        var readings = Readings() with
        {
            Stalled = [Work("order.export", "10001", WorkItemState.Parked), Work("order.export", "10002", WorkItemState.Pending), Work("returns.refund", "R-7", WorkItemState.Pending)],
        };

        var conditions = Check(readings);

        Assert.Equal([("stalled:order.export", OwningTeam.Ecommerce), ("stalled:returns.refund", OwningTeam.Finance)], conditions.Select(c => (c.Key, c.Team)));
        Assert.Equal("2 online orders not exported to Sitoo", conditions[0].Title);
        Assert.Contains("1 parked, 1 still retrying", conditions[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhook_failures_in_a_row_and_an_open_circuit_fire_for_the_senders_owner()
    {
        var signals = new AlertSignals(new NodaTime.Testing.FakeClock(Now - Duration.FromMinutes(3)));
        for (var i = 0; i < 4; i++)
        {
            signals.WebhookAnswered("shopware", succeeded: false);
            signals.WebhookAnswered("sitoo", succeeded: i == 3);
        }

        signals.CallRefusedByOpenCircuit("sitoo");
        signals.CallRefusedByOpenCircuit("shopware");
        signals.CallAnswered("shopware");
        var readings = Readings() with { FailedWebhookAnswersInRow = signals.FailedWebhookAnswersInRow, OpenCircuits = signals.OpenCircuits };

        var conditions = Check(readings);

        Assert.Equal([("webhook-failures:shopware", OwningTeam.Ecommerce), ("circuit-open:sitoo", OwningTeam.Retail)], conditions.Select(c => (c.Key, c.Team)));
        Assert.Equal("4 Shopware webhook deliveries in a row were answered with an error", conditions[0].Title);
        Assert.Equal("Calls to Sitoo have been paused by the circuit breaker for 3 min", conditions[1].Title);
    }

    [Fact]
    public void Rules_turned_off_breach_nothing()
    {
        _settings.SourceSilent.Enabled = false;
        _settings.Exceptions.Enabled = false;

        Assert.Empty(Check(Readings() with
        {
            Sources = [new PipelineLag("sitoo.orders", "c", null, null, Duration.FromDays(1))],
            Exceptions = [new OpenExceptions("OverReturn", OwningTeam.Finance, 100, Now - Duration.FromDays(3), "m", "f")],
        }));
    }
}
