using NodaTime;

namespace Connectors.Sync.Alerts;

/// <summary>How often alerts repeat and when they escalate.</summary>
/// <param name="RepeatEvery">A firing alert is sent again after this long.</param>
/// <param name="EscalateAfter">A firing alert is escalated after this long; <see langword="null"/> for never.</param>
/// <param name="HistorySize">History entries kept.</param>
internal sealed record AlertPolicy(Duration RepeatEvery, Duration? EscalateAfter, int HistorySize)
{
    public static AlertPolicy From(AlertSettings settings) => new(
        Duration.FromTimeSpan(settings.RepeatEvery),
        settings.EscalateAfter > TimeSpan.Zero ? Duration.FromTimeSpan(settings.EscalateAfter) : null,
        settings.HistorySize);
}

/// <summary>The state after an evaluation and the notifications it calls for.</summary>
/// <param name="State">The new state (history included).</param>
/// <param name="Notifications">What to send, in order.</param>
internal sealed record AlertEvaluation(AlertState State, IReadOnlyList<AlertNotification> Notifications);

/// <summary>
/// Turns the conditions breached now into alert transitions: a condition that has held for its duration fires (one
/// notification, not one per evaluation), repeats after the repeat interval, escalates once after the escalation time, and
/// resolves (once, only after firing) when it no longer holds. Pure: time is the <c>now</c> passed in.
/// </summary>
internal static class AlertEvaluator
{
    public static AlertEvaluation Evaluate(AlertState state, IReadOnlyCollection<AlertCondition> breached, Instant now, AlertPolicy policy)
    {
        var conditions = breached.GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var tracks = new List<AlertTrack>();
        var notifications = new List<AlertNotification>();
        var history = new List<AlertHistoryEntry>();

        foreach (var track in state.Tracks)
        {
            if (conditions.Remove(track.Key, out var condition))
            {
                tracks.Add(Advance(Refresh(track, condition), condition, now, policy, notifications, history));
            }
            else if (track.IsFiring)
            {
                notifications.Add(Notify(track, AlertNotificationKind.Resolved, now));
                history.Add(Entry(track, AlertEvent.Resolved, now));
            }
        }

        // New conditions, in the order the rules reported them.
        foreach (var condition in breached.Where(c => conditions.Remove(c.Key)))
        {
            var track = new AlertTrack(condition.Key, condition.Rule, condition.Team, condition.Title, condition.Detail, condition.Fix, now, null, null, null);
            tracks.Add(Advance(track, condition, now, policy, notifications, history));
        }

        var next = (state with { Tracks = tracks, EvaluatedAt = now }).Record(history, policy.HistorySize);
        return new AlertEvaluation(next, notifications);
    }

    private static AlertTrack Refresh(AlertTrack track, AlertCondition condition) =>
        track with { Rule = condition.Rule, Team = condition.Team, Title = condition.Title, Detail = condition.Detail, Fix = condition.Fix };

    private static AlertTrack Advance(
        AlertTrack track, AlertCondition condition, Instant now, AlertPolicy policy, List<AlertNotification> notifications, List<AlertHistoryEntry> history)
    {
        if (!track.IsFiring)
        {
            if (now - track.BreachedSince < condition.For)
            {
                return track;
            }

            var firing = track with { FiringSince = now, LastSentAt = now };
            notifications.Add(Notify(firing, AlertNotificationKind.Firing, now));
            history.Add(Entry(firing, AlertEvent.Fired, now));
            return firing;
        }

        if (track.EscalatedAt is null && policy.EscalateAfter is { } escalateAfter && now - track.FiringSince!.Value >= escalateAfter)
        {
            var escalated = track with { EscalatedAt = now, LastSentAt = now };
            notifications.Add(Notify(escalated, AlertNotificationKind.Escalation, now));
            history.Add(Entry(escalated, AlertEvent.Escalated, now));
            return escalated;
        }

        if (now - track.LastSentAt!.Value >= policy.RepeatEvery)
        {
            var repeated = track with { LastSentAt = now };
            notifications.Add(Notify(repeated, AlertNotificationKind.Repeat, now));
            history.Add(Entry(repeated, AlertEvent.Repeated, now));
            return repeated;
        }

        return track;
    }

    private static AlertNotification Notify(AlertTrack track, AlertNotificationKind kind, Instant now) => new(
        kind, track.Key, track.Rule, track.Team, track.Title, track.Detail, track.Fix, track.FiringSince!.Value, now, track.EscalatedAt is not null);

    private static AlertHistoryEntry Entry(AlertTrack track, AlertEvent what, Instant now) => new(now, what, track.Key, track.Team, track.Title);
}
