using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Serialization;

/// <summary>
/// Reads a list of ids written as numbers or as numeric text: Sitoo's API description types product <c>categories</c> as
/// strings while its own examples send numbers, so both are read; ids are written as text, as the description says.
/// </summary>
internal sealed class SitooIdListConverter : JsonConverter<IReadOnlyList<int>>
{
    public override IReadOnlyList<int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a list of ids, found {reader.TokenType}.");
        }

        var ids = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ids.Add(reader.TokenType switch
            {
                JsonTokenType.Number => reader.GetInt32(),
                JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
                _ => throw new JsonException($"Expected an id (a number or numeric text) in the list, found {reader.TokenType}."),
            });
        }

        return ids;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<int> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var id in value)
        {
            writer.WriteStringValue(id.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteEndArray();
    }
}
