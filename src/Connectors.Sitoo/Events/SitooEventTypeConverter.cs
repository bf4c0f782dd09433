using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Events;

/// <summary>Reads and writes <see cref="SitooEventType"/> as its string.</summary>
internal sealed class SitooEventTypeConverter : JsonConverter<SitooEventType>
{
    public override SitooEventType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new SitooEventType(reader.GetString() ?? string.Empty)
            : throw new JsonException($"Expected event_type as a string, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, SitooEventType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
