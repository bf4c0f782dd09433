using System.Globalization;
using Connectors.Sync.State;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Sync.Alerts;

/// <summary>Why a notification is sent.</summary>
public enum AlertNotificationKind
{
    /// <summary>The condition held for its duration: the alert fires (sent once per episode).</summary>
    Firing = 0,

    /// <summary>Still unresolved after the repeat interval.</summary>
    Repeat = 1,

    /// <summary>Still unresolved after the escalation time: sent to the escalation channels too (once per episode).</summary>
    Escalation = 2,

    /// <summary>The condition no longer holds (sent once, only after a firing).</summary>
    Resolved = 3,
}

/// <summary>One message about one alert, for every channel that <see cref="IAlertChannel.Accepts">accepts</see> it.</summary>
/// <param name="Kind">Why it is sent.</param>
/// <param name="Key">The alert's identity, stable across its episode, e.g. <c>source-silent:sitoo.orders</c>.</param>
/// <param name="Rule">The rule that raised it, e.g. <c>source-silent</c> (<see cref="AlertRuleNames"/>).</param>
/// <param name="Team">The team that acts on it.</param>
/// <param name="Title">What is wrong, in one line, naming the specific reason.</param>
/// <param name="Detail">The latest reading behind it (counts, ages, examples).</param>
/// <param name="Fix">What to do about it.</param>
/// <param name="FiringSince">When the alert fired.</param>
/// <param name="At">When this notification was made.</param>
/// <param name="Escalated">Whether the alert has been escalated: escalation channels receive it from then on.</param>
public sealed record AlertNotification(
    AlertNotificationKind Kind, string Key, string Rule, OwningTeam Team, string Title, string Detail, string Fix, Instant FiringSince, Instant At, bool Escalated)
{
    /// <summary>A one-line subject, e.g. <c>[FIRING] Retail: Sitoo source sitoo.orders has not been read for 12 min</c>.</summary>
    public string Subject => $"[{Label}] {Team}: {Title}";

    /// <summary>The plain-text message: subject, detail, owner, fix and since when it fires.</summary>
    public string Text => Kind == AlertNotificationKind.Resolved
        ? $"{Subject}\nResolved at {Format(At)} after {AlertFormat.Age(At - FiringSince)} (fired {Format(FiringSince)}).\nOwner: {Team}."
        : $"{Subject}\n{Detail}\nOwner: {Team}.\nFix: {Fix}\nFiring since {Format(FiringSince)}.";

    /// <summary>The kind as shown in subjects: FIRING, REPEAT, ESCALATED or RESOLVED.</summary>
    public string Label => Kind switch
    {
        AlertNotificationKind.Firing => "FIRING",
        AlertNotificationKind.Repeat => "REPEAT",
        AlertNotificationKind.Escalation => "ESCALATED",
        _ => "RESOLVED",
    };

    private static string Format(Instant instant) => InstantPattern.General.Format(instant);
}

/// <summary>Short, culture-invariant texts of durations for alert messages.</summary>
public static class AlertFormat
{
    /// <summary>A duration as <c>45 s</c>, <c>12 min</c>, <c>3.5 h</c> or <c>2.0 d</c>.</summary>
    /// <param name="age">The duration.</param>
    public static string Age(Duration age) => age.TotalSeconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (long)age.TotalSeconds)} s"),
        < 7_200 => string.Create(CultureInfo.InvariantCulture, $"{(long)age.TotalMinutes} min"),
        < 172_800 => string.Create(CultureInfo.InvariantCulture, $"{age.TotalHours:0.0} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{age.TotalDays:0.0} d"),
    };
}
