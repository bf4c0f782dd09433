using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A reason code for stock movements and returns.</summary>
public sealed class SitooReasonCode
{
    /// <summary><c>reasoncodeid</c>: id.</summary>
    [JsonPropertyName("reasoncodeid")]
    public int ReasonCodeId { get; init; }

    /// <summary><c>type</c>: type (10 seen; other values not documented).</summary>
    [JsonPropertyName("type")]
    public int? Type { get; init; }

    /// <summary><c>reasoncode</c>: the code.</summary>
    [JsonPropertyName("reasoncode")]
    public string? Code { get; init; }

    /// <summary><c>name</c>: display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
