using Connectors.Sync.Alerts;
using Connectors.Sync.State;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Engine.Tests.Alerts;

public sealed class AlertEvaluatorTests
{
    private static readonly AlertPolicy Policy = new(RepeatEvery: Duration.FromHours(4), EscalateAfter: Duration.FromHours(1), HistorySize: 100);
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 12, 1, 8, 0));
    private AlertState _state = AlertState.Empty;

    private static AlertCondition Silent(Duration holdFor) => new(
        "source-silent:sitoo.orders", AlertRuleNames.SourceSilent, OwningTeam.Retail, "Sitoo source sitoo.orders has not been read", "detail", "fix", holdFor);

    private IReadOnlyList<AlertNotification> Evaluate(params AlertCondition[] breached)
    {
        var evaluation = AlertEvaluator.Evaluate(_state, breached, _clock.GetCurrentInstant(), Policy);
        _state = evaluation.State;
        return evaluation.Notifications;
    }

    private IReadOnlyList<AlertNotification> After(Duration elapsed, params AlertCondition[] breached)
    {
        _clock.Advance(elapsed);
        return Evaluate(breached);
    }

    [Fact]
    public void A_condition_fires_once_it_has_held_for_its_duration_and_only_once()
    {
        var condition = Silent(Duration.FromMinutes(10));

        Assert.Empty(Evaluate(condition));
        Assert.Empty(After(Duration.FromMinutes(9), condition));
        var fired = After(Duration.FromMinutes(1), condition);
        var again = Enumerable.Range(0, 30).SelectMany(_ => After(Duration.FromMinutes(1), condition)).ToList();

        var firing = Assert.Single(fired);
        Assert.Equal(AlertNotificationKind.Firing, firing.Kind);
        Assert.Equal(OwningTeam.Retail, firing.Team);
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 8, 10), firing.FiringSince);
        Assert.Empty(again);
        Assert.Equal([AlertEvent.Fired], _state.History.Select(entry => entry.Event));
    }

    [Fact]
    public void A_condition_that_clears_before_its_duration_never_fires_nor_resolves()
    {
        var condition = Silent(Duration.FromMinutes(10));

        Assert.Empty(Evaluate(condition));
        Assert.Empty(After(Duration.FromMinutes(9)));
        Assert.Empty(After(Duration.FromMinutes(9), condition)); // held again, counted from now
        Assert.Empty(After(Duration.FromMinutes(9), condition));
        Assert.Single(After(Duration.FromMinutes(1), condition));
    }

    [Fact]
    public void A_firing_alert_repeats_after_the_repeat_interval_not_before()
    {
        var condition = Silent(Duration.Zero);
        var policy = Policy with { EscalateAfter = null };
        var sent = new List<AlertNotification>();
        for (var minute = 0; minute <= 9 * 60; minute += 5)
        {
            var evaluation = AlertEvaluator.Evaluate(_state, [condition], _clock.GetCurrentInstant(), policy);
            _state = evaluation.State;
            sent.AddRange(evaluation.Notifications);
            _clock.Advance(Duration.FromMinutes(5));
        }

        Assert.Equal(
            [(AlertNotificationKind.Firing, 8), (AlertNotificationKind.Repeat, 12), (AlertNotificationKind.Repeat, 16)],
            sent.Select(n => (n.Kind, n.At.InUtc().Hour)));
    }

    [Fact]
    public void An_unresolved_alert_escalates_once_after_the_escalation_time_and_stays_escalated()
    {
        var condition = Silent(Duration.Zero);

        var fired = Evaluate(condition);
        Assert.Empty(After(Duration.FromMinutes(59), condition));
        var escalated = After(Duration.FromMinutes(1), condition);
        Assert.Empty(After(Duration.FromHours(3), condition));
        var repeated = After(Duration.FromHours(1), condition);

        Assert.False(Assert.Single(fired).Escalated);
        var escalation = Assert.Single(escalated);
        Assert.Equal((AlertNotificationKind.Escalation, true), (escalation.Kind, escalation.Escalated));
        var repeat = Assert.Single(repeated);
        Assert.Equal((AlertNotificationKind.Repeat, true), (repeat.Kind, repeat.Escalated)); // the escalation channels keep hearing of it
    }

    [Fact]
    public void A_resolved_message_goes_once_when_a_firing_alert_clears()
    {
        var condition = Silent(Duration.Zero);
        Evaluate(condition);

        var resolved = After(Duration.FromMinutes(30));
        var later = After(Duration.FromMinutes(30));

        var message = Assert.Single(resolved);
        Assert.Equal(AlertNotificationKind.Resolved, message.Kind);
        Assert.Contains("[RESOLVED] Retail: Sitoo source sitoo.orders", message.Text, StringComparison.Ordinal);
        Assert.Contains("after 30 min", message.Text, StringComparison.Ordinal);
        Assert.Empty(later);
        Assert.Empty(_state.Tracks);
        Assert.Equal([AlertEvent.Resolved, AlertEvent.Fired], _state.History.Select(entry => entry.Event));
    }

    [Fact]
    public void The_message_names_the_reason_the_owner_and_the_fix()
    {
        var fired = Assert.Single(Evaluate(new AlertCondition(
            "exceptions:MissingProductMapping:Ecommerce", AlertRuleNames.Exceptions, OwningTeam.Ecommerce, "12 open MissingProductMapping exceptions",
            "12 open, the oldest for 3.0 h.", "Create the product in Shopware with the SKU as its product number.", Duration.Zero)));

        Assert.Equal("[FIRING] Ecommerce: 12 open MissingProductMapping exceptions", fired.Subject);
        Assert.Contains("Owner: Ecommerce.", fired.Text, StringComparison.Ordinal);
        Assert.Contains("Fix: Create the product in Shopware", fired.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_state_survives_its_json_form()
    {
        Evaluate(Silent(Duration.Zero), Silent(Duration.Zero) with { Key = "other", Team = OwningTeam.Finance });
        _state = _state with { Drift = new DriftStreaks(_clock.GetCurrentInstant(), new Dictionary<string, int> { ["SKU-1"] = 2 }) };

        var copy = AlertState.Parse(_state.ToJson());

        Assert.Equal(_state.Tracks, copy.Tracks);
        Assert.Equal(_state.History, copy.History);
        Assert.Equal(_state.EvaluatedAt, copy.EvaluatedAt);
        Assert.Equal(_state.Drift.ReportAt, copy.Drift.ReportAt);
        Assert.Equal(2, copy.Drift.RunsInRow["SKU-1"]);
    }

    [Fact]
    public void The_history_keeps_the_newest_entries_up_to_its_size()
    {
        var policy = Policy with { HistorySize = 3 };
        for (var i = 0; i < 5; i++)
        {
            _state = AlertEvaluator.Evaluate(_state, [Silent(Duration.Zero)], _clock.GetCurrentInstant(), policy).State;
            _clock.Advance(Duration.FromMinutes(1));
            _state = AlertEvaluator.Evaluate(_state, [], _clock.GetCurrentInstant(), policy).State;
            _clock.Advance(Duration.FromMinutes(1));
        }

        Assert.Equal(3, _state.History.Count);
        Assert.Equal(AlertEvent.Resolved, _state.History[0].Event);
        Assert.Equal(_clock.GetCurrentInstant() - Duration.FromMinutes(1), _state.History[0].At);
    }
}
