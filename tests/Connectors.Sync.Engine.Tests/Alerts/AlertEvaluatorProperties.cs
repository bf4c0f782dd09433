using Connectors.Sync.Alerts;
using Connectors.Sync.State;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Alerts;

public sealed class AlertEvaluatorProperties
{
    private static readonly string[] Keys = ["a", "b", "c"];

    /// <summary>One evaluation: minutes since the previous one and which keys are breached.</summary>
    private sealed record Step(int Minutes, bool[] Breached);

    private static readonly Gen<Step> Steps =
        from minutes in Gen.Choose(0, 90)
        from breached in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false))).ArrayOf(Keys.Length)
        select new Step(minutes, breached);

    private static readonly Gen<AlertPolicy> Policies =
        from repeat in Gen.Choose(1, 240)
        from escalate in Gen.Choose(0, 240)
        select new AlertPolicy(Duration.FromMinutes(repeat), escalate == 0 ? null : Duration.FromMinutes(escalate), 1_000);

    [Property(MaxTest = 300)]
    public Property No_resolved_without_a_firing_and_no_repeat_within_the_repeat_interval() =>
        Prop.ForAll(
            Policies.ToArbitrary(),
            Gen.Choose(0, 60).ToArbitrary(),
            Gen.Choose(1, 60).SelectMany(length => Steps.ArrayOf(length)).ToArbitrary(),
            (policy, holdMinutes, steps) => Holds(policy, Duration.FromMinutes(holdMinutes), steps));

    private static bool Holds(AlertPolicy policy, Duration holdFor, Step[] steps)
    {
        var state = AlertState.Empty;
        var now = Instant.FromUtc(2026, 12, 1, 0, 0);
        var sent = new List<AlertNotification>();
        foreach (var step in steps)
        {
            now += Duration.FromMinutes(step.Minutes);
            var breached = Keys.Where((_, i) => step.Breached[i])
                .Select(key => new AlertCondition(key, "rule", OwningTeam.Ecommerce, key, "", "", holdFor))
                .ToList();
            var evaluation = AlertEvaluator.Evaluate(state, breached, now, policy);
            state = evaluation.State;
            sent.AddRange(evaluation.Notifications);
        }

        return Keys.All(key => EpisodesAreWellFormed(sent.Where(n => n.Key == key).ToList(), policy));
    }

    /// <summary>
    /// Per key: each episode opens with one Firing and closes with at most one Resolved; within it, at most one
    /// Escalation, and nothing of the same audience again within the repeat interval except that one escalation.
    /// </summary>
    private static bool EpisodesAreWellFormed(List<AlertNotification> sent, AlertPolicy policy)
    {
        AlertNotification? last = null;
        var firing = false;
        var escalations = 0;
        foreach (var notification in sent)
        {
            switch (notification.Kind)
            {
                case AlertNotificationKind.Firing:
                    if (firing)
                    {
                        return false;
                    }

                    (firing, escalations) = (true, 0);
                    break;
                case AlertNotificationKind.Resolved:
                    if (!firing)
                    {
                        return false;
                    }

                    firing = false;
                    break;
                case AlertNotificationKind.Escalation:
                    if (!firing || ++escalations > 1 || policy.EscalateAfter is null || notification.At - notification.FiringSince < policy.EscalateAfter)
                    {
                        return false;
                    }

                    break;
                case AlertNotificationKind.Repeat:
                    if (!firing || last is null || notification.At - last.At < policy.RepeatEvery)
                    {
                        return false;
                    }

                    break;
            }

            last = notification;
        }

        return true;
    }
}
