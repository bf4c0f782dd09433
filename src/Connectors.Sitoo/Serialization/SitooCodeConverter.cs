using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Serialization;

/// <summary>A numeric code of Sitoo's (order state, transaction type, …) that may take values this SDK does not know.</summary>
/// <typeparam name="TSelf">The code type.</typeparam>
internal interface ISitooCode<TSelf>
    where TSelf : struct, ISitooCode<TSelf>
{
    int Value { get; }

    static abstract TSelf FromValue(int value);
}

/// <summary>Reads and writes a <see cref="ISitooCode{TSelf}"/> as its number; unknown numbers are kept, not rejected.</summary>
internal sealed class SitooCodeConverter<TCode> : JsonConverter<TCode>
    where TCode : struct, ISitooCode<TCode>
{
    public override TCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return TCode.FromValue(value);
        }
        if (reader.TokenType == JsonTokenType.String
            && int.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return TCode.FromValue(value);
        }
        throw new JsonException($"Expected a numeric code for {typeof(TCode).Name}, found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, TCode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}
