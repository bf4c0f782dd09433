using System.Text.Json.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Models;

/// <summary>An entry of an order's log.</summary>
public sealed class SitooOrderLogItem
{
    /// <summary><c>orderid</c>: order id.</summary>
    [JsonPropertyName("orderid")]
    public long? OrderId { get; init; }

    /// <summary><c>datelog</c>: when it was logged.</summary>
    [JsonPropertyName("datelog")]
    public Instant? DateLog { get; init; }

    /// <summary><c>orderlogtypeid</c>: log type.</summary>
    [JsonPropertyName("orderlogtypeid")]
    public SitooOrderLogType? OrderLogType { get; init; }

    /// <summary><c>strvalue</c>: text value.</summary>
    [JsonPropertyName("strvalue")]
    public string? StrValue { get; init; }

    /// <summary><c>fvalue</c>: numeric value.</summary>
    [JsonPropertyName("fvalue")]
    public decimal? FValue { get; init; }
}
