using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace Connectors.Testing.Sitoo;

/// <summary>Sitoo's wire conventions: money and quantities as strings, Unix-second dates, <c>{statuscode, errortext}</c> errors.</summary>
internal static class SitooWire
{
    public static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture);

    public static string Quantity(decimal value) => value.ToString("F3", CultureInfo.InvariantCulture);

    public static long Unix(Instant instant) => instant.ToUnixTimeSeconds();

    /// <summary>Reads a money or quantity value sent as a string (the documented form) or, leniently, as a number.</summary>
    public static bool TryDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        if (node is not JsonValue json)
        {
            return false;
        }
        return json.GetValueKind() switch
        {
            JsonValueKind.String => decimal.TryParse(json.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out value),
            JsonValueKind.Number => decimal.TryParse(json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    public static decimal DecimalOr(JsonNode? node, decimal fallback) => TryDecimal(node, out var value) ? value : fallback;

    /// <summary>Reads an integer however the node was made (parsed, or created from an int or a long).</summary>
    public static long? Long(JsonNode? node) =>
        node is JsonValue json && json.GetValueKind() == JsonValueKind.Number
        && long.TryParse(json.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public static string? Text(JsonNode? node) => node is JsonValue json && json.TryGetValue<string>(out var value) ? value : null;

    public static HttpResponseMessage Json(JsonNode? body, HttpStatusCode status = HttpStatusCode.OK) => new(status)
    {
        Content = new StringContent(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json"),
    };

    public static HttpResponseMessage Error(HttpStatusCode status, string text) =>
        Json(ErrorBody(status, text), status);

    public static JsonObject ErrorBody(HttpStatusCode status, string text) => new()
    {
        ["statuscode"] = (int)status,
        ["errortext"] = text,
    };
}
