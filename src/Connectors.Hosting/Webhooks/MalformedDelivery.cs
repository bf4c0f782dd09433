using System.Security.Cryptography;
using Connectors.Sync.State;

namespace Connectors.Hosting.Webhooks;

/// <summary>
/// A body (or one event of a batch) that cannot be read. It is stored anyway so nothing acknowledged is lost; its
/// event id is derived from its bytes, so a redelivery of the same bytes is recognised as a duplicate.
/// </summary>
internal static class MalformedDelivery
{
    /// <summary>The event type of such deliveries in the inbox.</summary>
    public const string EventType = "malformed";

    public static string EventIdOf(ReadOnlySpan<byte> body) => EventType + ":" + Convert.ToHexStringLower(SHA256.HashData(body));

    public static InboxDelivery Create(string source, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> headers) =>
        new(source, EventIdOf(body.Span), EventType, body, headers);
}
