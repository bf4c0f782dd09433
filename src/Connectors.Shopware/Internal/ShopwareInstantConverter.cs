using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Connectors.Shopware.Internal;

/// <summary>
/// Shopware's timestamps (ISO 8601 with an offset, <c>2026-11-26T09:00:00.000+00:00</c>) as NodaTime instants, the
/// time type of both clients (ADR 0009); written back in the same form, in UTC.
/// </summary>
internal sealed class ShopwareInstantConverter : JsonConverter<Instant>
{
    /// <summary>The form Shopware writes and its criteria accept.</summary>
    public static string Format(Instant instant) =>
        instant.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? Instant.FromDateTimeOffset(parsed)
            : throw new JsonException($"Expected an ISO 8601 timestamp, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
