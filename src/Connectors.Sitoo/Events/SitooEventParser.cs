using System.Text.Json;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Events;

/// <summary>Reads the body of an Events SPI delivery: a JSON array of up to 10 events in chronological order.</summary>
public static class SitooEventParser
{
    /// <summary>Parses a delivery body. A single event object (not in an array) is accepted too.</summary>
    /// <param name="body">The raw request body as UTF-8.</param>
    /// <returns>The events in the order sent.</returns>
    /// <exception cref="FormatException">The body is not a Sitoo event delivery.</exception>
    public static IReadOnlyList<SitooEvent> Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read())
            {
                throw new FormatException("The event delivery is empty.");
            }
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var single = JsonSerializer.Deserialize(body, SitooJsonContext.Default.SitooEvent);
                return single is null ? [] : [single];
            }
            var events = JsonSerializer.Deserialize(body, SitooJsonContext.Default.IReadOnlyListSitooEvent)
                ?? throw new FormatException("The event delivery is null.");
            return events;
        }
        catch (JsonException exception)
        {
            throw new FormatException("The body is not a Sitoo event delivery: " + exception.Message, exception);
        }
    }

    /// <summary>Parses a delivery body given as text.</summary>
    /// <param name="body">The raw request body.</param>
    /// <returns>The events in the order sent.</returns>
    /// <exception cref="FormatException">The body is not a Sitoo event delivery.</exception>
    public static IReadOnlyList<SitooEvent> Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Parse(System.Text.Encoding.UTF8.GetBytes(body));
    }
}
