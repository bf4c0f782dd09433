using System.Text;
using System.Text.Json;
using Connectors.Sitoo.Events;
using Connectors.Sync;
using Connectors.Sync.State;

namespace Connectors.Hosting.Webhooks;

/// <summary>
/// Turns an Events SPI batch into one inbox delivery per event, each carrying the event's own JSON object (its raw
/// text from the batch) under Sitoo's <c>event_id</c>. What cannot be read, the whole body or one event of it, becomes
/// a <see cref="MalformedDelivery"/> instead of being lost.
/// </summary>
internal static class SitooBatchSplitter
{
    public static IReadOnlyList<InboxDelivery> Split(ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> headers)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return [MalformedDelivery.Create(InboxSources.Sitoo, body, headers)];
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [ToDelivery(body, headers)],
                JsonValueKind.Array => [.. root.EnumerateArray().Select(e => ToDelivery(Encoding.UTF8.GetBytes(e.GetRawText()), headers))],
                _ => [MalformedDelivery.Create(InboxSources.Sitoo, body, headers)],
            };
        }
    }

    private static InboxDelivery ToDelivery(ReadOnlyMemory<byte> eventJson, IReadOnlyDictionary<string, string> headers)
    {
        try
        {
            var parsed = SitooEventParser.Parse(eventJson.Span);
            if (parsed is [{ EventId: { Length: > 0 } eventId, EventType.Value: { Length: > 0 } eventType }])
            {
                return new InboxDelivery(InboxSources.Sitoo, eventId, eventType, eventJson, headers);
            }
        }
        catch (FormatException)
        {
            // Falls through: an event without a readable id and type is kept as malformed.
        }
        return MalformedDelivery.Create(InboxSources.Sitoo, eventJson, headers);
    }
}
