using System.Text.Json;
using System.Text.Json.Serialization;
using Connectors.Sync.State;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Sync.Alerts;

/// <summary>One alert being watched: breached now, firing or not yet.</summary>
/// <param name="Key">The alert's identity.</param>
/// <param name="Rule">The rule that raised it.</param>
/// <param name="Team">The team that acts on it.</param>
/// <param name="Title">What is wrong (as last read).</param>
/// <param name="Detail">The reading behind it (as last read).</param>
/// <param name="Fix">What to do.</param>
/// <param name="BreachedSince">Since when the condition has held without a break.</param>
/// <param name="FiringSince">When the alert fired; <see langword="null"/> while it has not held long enough yet.</param>
/// <param name="LastSentAt">When the last notification went out.</param>
/// <param name="EscalatedAt">When it was escalated, if it was.</param>
public sealed record AlertTrack(
    string Key, string Rule, OwningTeam Team, string Title, string Detail, string Fix,
    Instant BreachedSince, Instant? FiringSince, Instant? LastSentAt, Instant? EscalatedAt)
{
    /// <summary>Whether the alert has fired (and not resolved since).</summary>
    [JsonIgnore]
    public bool IsFiring => FiringSince is not null;
}

/// <summary>What happened to an alert, for the history.</summary>
public enum AlertEvent
{
    /// <summary>It fired.</summary>
    Fired = 0,

    /// <summary>It was sent again after the repeat interval.</summary>
    Repeated = 1,

    /// <summary>It was escalated.</summary>
    Escalated = 2,

    /// <summary>It resolved.</summary>
    Resolved = 3,

    /// <summary>A channel failed to deliver a notification; it is tried again.</summary>
    DeliveryFailed = 4,

    /// <summary>A channel failed to deliver a notification on every attempt; it is dropped.</summary>
    DeliveryAbandoned = 5,
}

/// <summary>One entry of the alert history.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Event">What happened.</param>
/// <param name="Key">The alert's identity.</param>
/// <param name="Team">The team that acts on it.</param>
/// <param name="Title">What was wrong.</param>
/// <param name="Channel">The channel, for delivery events.</param>
/// <param name="Error">Why the delivery failed, for delivery events.</param>
public sealed record AlertHistoryEntry(Instant At, AlertEvent Event, string Key, OwningTeam Team, string Title, string? Channel = null, string? Error = null);

/// <summary>A notification one channel has not taken yet.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Notification">The notification.</param>
/// <param name="Attempts">Failed attempts so far.</param>
internal sealed record PendingDelivery(string Channel, AlertNotification Notification, int Attempts);

/// <summary>How many reconciliations in a row each SKU has drifted in, as of one drift report.</summary>
/// <param name="ReportAt">When that report's reconciliation ran; <see langword="null"/> before the first.</param>
/// <param name="RunsInRow">Drifting SKUs and the reports in a row they drifted in.</param>
internal sealed record DriftStreaks(Instant? ReportAt, IReadOnlyDictionary<string, int> RunsInRow)
{
    public static DriftStreaks None { get; } = new(null, new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>Counts a new report in; the same report again changes nothing, and a SKU not drifting in it starts over.</summary>
    public DriftStreaks Advance(Core.Reconciliation.DriftReport? report)
    {
        if (report is null || report.At == ReportAt)
        {
            return this;
        }

        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sku in report.Differences.Where(d => d.Class == Core.Reconciliation.DifferenceClass.Drift).Select(d => d.Sku).Distinct(StringComparer.Ordinal))
        {
            next[sku] = RunsInRow.GetValueOrDefault(sku) + 1;
        }

        return new DriftStreaks(report.At, next);
    }
}

/// <summary>
/// Everything the alerting remembers between evaluations and restarts, saved as one snapshot (<see cref="SnapshotName"/>):
/// the watched alerts, the history (newest first), drift streaks and undelivered notifications.
/// </summary>
internal sealed record AlertState(
    IReadOnlyList<AlertTrack> Tracks,
    IReadOnlyList<AlertHistoryEntry> History,
    DriftStreaks Drift,
    IReadOnlyList<PendingDelivery> Outbox,
    Instant? EvaluatedAt)
{
    public const string SnapshotName = "alerts";

    public static AlertState Empty { get; } = new([], [], DriftStreaks.None, [], null);

    public static AlertState Parse(string json) =>
        JsonSerializer.Deserialize(json, AlertStateJsonContext.Default.AlertState) ?? throw new JsonException("The alert state snapshot is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, AlertStateJsonContext.Default.AlertState);

    /// <summary>Adds entries at the front of the history and keeps at most <paramref name="size"/>.</summary>
    public AlertState Record(IEnumerable<AlertHistoryEntry> entries, int size) =>
        this with { History = [.. entries.Reverse().Concat(History).Take(size)] };
}

/// <summary>Instants as ISO-8601 UTC text, as in the drift report snapshot.</summary>
internal sealed class InstantIsoConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InstantPattern.ExtendedIso.Parse(reader.GetString() ?? "").GetValueOrThrow();

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}

/// <summary>The alert state's JSON shape.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, Converters = [typeof(InstantIsoConverter)])]
[JsonSerializable(typeof(AlertState))]
internal sealed partial class AlertStateJsonContext : JsonSerializerContext;
