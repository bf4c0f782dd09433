using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Serialization;

/// <summary>
/// Reads a free key/value map such as <c>additionaldata</c>. Sitoo runs on PHP, whose <c>json_encode</c> writes an
/// empty associative array as <c>[]</c>, not <c>{}</c>; a list is read as a map keyed <c>"0"</c>, <c>"1"</c>, … (PHP's
/// own keys). Values other than strings keep their JSON text; <c>null</c> values are left out.
/// </summary>
internal sealed class SitooMapConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Add(map, index++.ToString(System.Globalization.CultureInfo.InvariantCulture), ref reader);
            }

            return map;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a map (an object, or [] for an empty one), found {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            Add(map, key, ref reader);
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (key, text) in value)
        {
            writer.WriteString(key, text);
        }

        writer.WriteEndObject();
    }

    private static void Add(Dictionary<string, string> map, string key, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return;
            case JsonTokenType.String:
                map[key] = reader.GetString()!;
                return;
            default:
                using (var value = JsonDocument.ParseValue(ref reader))
                {
                    map[key] = value.RootElement.GetRawText();
                }

                return;
        }
    }
}
