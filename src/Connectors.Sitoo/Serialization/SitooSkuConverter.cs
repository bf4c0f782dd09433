using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Serialization;

/// <summary>
/// Reads a SKU that must be there: <c>null</c>, an empty or a blank string is refused, so a row that does not say what
/// it is about fails to read (and is reported with its raw JSON) instead of passing on as <c>""</c>.
/// </summary>
internal sealed class SitooSkuConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var sku = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return string.IsNullOrWhiteSpace(sku)
            ? throw new JsonException($"The SKU is missing: expected a non-empty string, found {(reader.TokenType == JsonTokenType.String ? "\"" + sku + "\"" : reader.TokenType.ToString())}.")
            : sku;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
