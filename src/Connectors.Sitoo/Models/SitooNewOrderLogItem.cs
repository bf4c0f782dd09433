using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A log entry to add to an order (ready for pickup, pickup rejected).</summary>
public sealed class SitooNewOrderLogItem
{
    /// <summary><c>orderlogtypeid</c>: log type.</summary>
    [JsonPropertyName("orderlogtypeid")]
    public required SitooOrderLogType OrderLogType { get; init; }

    /// <summary><c>strvalue</c>: text value.</summary>
    [JsonPropertyName("strvalue")]
    public string? StrValue { get; init; }

    /// <summary><c>fvalue</c>: numeric value.</summary>
    [JsonPropertyName("fvalue")]
    public decimal? FValue { get; init; }
}
