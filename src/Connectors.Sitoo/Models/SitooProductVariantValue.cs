using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>One variant attribute of a product, e.g. Color = Red.</summary>
public sealed class SitooProductVariantValue
{
    /// <summary><c>name</c>: attribute name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>value</c>: attribute value.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }
}
