using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A product group: Sitoo's VAT class (<c>productgroups.json</c>); products point at it by <c>vatid</c>.</summary>
public sealed class SitooProductGroup
{
    /// <summary><c>vatid</c>: the group's id; 2 is the default group every account has.</summary>
    [JsonPropertyName("vatid")]
    public int VatId { get; init; }

    /// <summary><c>value</c>: the VAT percentage.</summary>
    [JsonPropertyName("value")]
    public decimal Value { get; init; }

    /// <summary><c>productgrouptype</c>: 10 product, 20 service, 30 gift card.</summary>
    [JsonPropertyName("productgrouptype")]
    public int ProductGroupType { get; init; }

    /// <summary><c>productgroupname</c>.</summary>
    [JsonPropertyName("productgroupname")]
    public string ProductGroupName { get; init; } = string.Empty;
}
