using System.Globalization;
using Connectors.Sync.State;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Hosting.Dashboard;

/// <summary>How the dashboard writes times, ages and enum values: one way everywhere, independent of the server's culture.</summary>
internal static class DashboardFormat
{
    private static readonly InstantPattern _instant = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss'Z'");

    public static string Instant(Instant value) => _instant.Format(value);

    public static string Instant(Instant? value) => value is { } instant ? Instant(instant) : "–";

    /// <summary>A duration for people: "45 s", "12 min", "3 h 4 min", "2 d 5 h".</summary>
    public static string Age(Duration age)
    {
        var negative = age < Duration.Zero;
        var seconds = (long)Math.Abs(age.TotalSeconds);
        var text = seconds switch
        {
            < 60 => $"{seconds} s",
            < 3600 => $"{seconds / 60} min",
            < 86400 => $"{seconds / 3600} h {seconds % 3600 / 60} min",
            _ => $"{seconds / 86400} d {seconds % 86400 / 3600} h",
        };
        return negative ? "in " + text : text;
    }

    public static string Count(int count, int limit) =>
        count >= limit ? limit.ToString(CultureInfo.InvariantCulture) + "+" : count.ToString(CultureInfo.InvariantCulture);

    public static string Team(OwningTeam team) => team.ToString().ToLowerInvariant();

    public static string Status(ExceptionStatus status) => status.ToString().ToLowerInvariant();

    public static string Outcome(RunOutcome outcome) => outcome switch
    {
        RunOutcome.PartiallySucceeded => "partial",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static string Counts(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
}
