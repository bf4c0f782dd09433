using NodaTime;

namespace Connectors.Sync.State;

/// <summary>A webhook delivery as received, before it is acknowledged.</summary>
/// <param name="Source">The sending system, e.g. <c>sitoo</c> or <c>shopware</c>.</param>
/// <param name="EventId">The sender's id of the event; duplicates of one event share it.</param>
/// <param name="EventType">The event's kind as the sender names it, e.g. <c>warehouse-transaction</c>.</param>
/// <param name="Body">The raw request body, byte for byte (signatures are computed over it).</param>
/// <param name="Headers">Headers worth keeping (never credentials).</param>
public sealed record InboxDelivery(
    string Source,
    string EventId,
    string EventType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>A stored webhook delivery.</summary>
/// <param name="Source">The sending system.</param>
/// <param name="EventId">The sender's event id.</param>
/// <param name="EventType">The event's kind as the sender names it.</param>
/// <param name="Body">The raw request body.</param>
/// <param name="Headers">The headers kept with it.</param>
/// <param name="ReceivedAt">When it was first stored.</param>
/// <param name="ProcessedAt">When it was processed; <see langword="null"/> while pending.</param>
public sealed record InboxMessage(
    string Source,
    string EventId,
    string EventType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers,
    Instant ReceivedAt,
    Instant? ProcessedAt);

/// <summary>What storing a delivery did.</summary>
public enum InboxStoreResult
{
    /// <summary>A new delivery: stored, to be processed.</summary>
    Stored = 0,

    /// <summary>Already stored under the same source and event id: nothing was written.</summary>
    Duplicate = 1,
}

/// <summary>Names one stored delivery.</summary>
/// <param name="Source">The sending system, e.g. <c>sitoo</c>.</param>
/// <param name="EventId">The sender's event id.</param>
public readonly record struct InboxKey(string Source, string EventId);
