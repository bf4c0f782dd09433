using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Serialization;

/// <summary>Sitoo dates are whole Unix seconds; they map to NodaTime <see cref="Instant"/>.</summary>
internal sealed class UnixSecondsInstantConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds))
        {
            return Instant.FromUnixTimeSeconds(seconds);
        }
        if (reader.TokenType == JsonTokenType.String
            && long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds))
        {
            return Instant.FromUnixTimeSeconds(seconds);
        }
        throw new JsonException($"Expected Unix seconds, found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }
}
