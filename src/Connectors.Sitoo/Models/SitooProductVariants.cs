using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A variant group as read (<c>GET /products/{productid}/productvariants.json</c>).</summary>
public sealed class SitooProductVariants
{
    /// <summary><c>groups</c>: the attributes (e.g. Size) and their options.</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<SitooProductVariantGroup> Groups { get; init; } = [];

    /// <summary><c>variants</c>: every product of the group, the main variant included.</summary>
    [JsonPropertyName("variants")]
    public IReadOnlyList<SitooProductVariant> Variants { get; init; } = [];
}

/// <summary>A variant group to set; Sitoo replaces the whole set, deleting variants not listed.</summary>
public sealed class SitooProductVariantsWrite
{
    /// <summary><c>groups</c>: the attributes and their options.</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<SitooProductVariantGroup> Groups { get; init; } = [];

    /// <summary><c>variants</c>: every variant; a new one has product id 0.</summary>
    [JsonPropertyName("variants")]
    public IReadOnlyList<SitooProductVariant> Variants { get; init; } = [];
}

/// <summary>One variant attribute and its options, e.g. Size: 41, 42.</summary>
public sealed class SitooProductVariantGroup
{
    /// <summary><c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary><c>options</c>.</summary>
    [JsonPropertyName("options")]
    public IReadOnlyList<string> Options { get; init; } = [];
}

/// <summary>One product of a variant group; <see cref="Attributes"/>[i] is an option of group i.</summary>
public sealed class SitooProductVariant
{
    /// <summary><c>productid</c>: 0 for a variant to add.</summary>
    [JsonPropertyName("productid")]
    public int ProductId { get; init; }

    /// <summary><c>active</c>: deprecated by Sitoo, but its write schema requires it.</summary>
    [JsonPropertyName("active")]
    public bool Active { get; init; } = true;

    /// <summary><c>activepos</c>: sellable in the POS.</summary>
    [JsonPropertyName("activepos")]
    public bool ActivePos { get; init; } = true;

    /// <summary><c>title</c>.</summary>
    [JsonPropertyName("title")]
    public string Title { get; init; } = string.Empty;

    /// <summary><c>sku</c>.</summary>
    [JsonPropertyName("sku")]
    public string Sku { get; init; } = string.Empty;

    /// <summary><c>deliverystatus</c>: deprecated, required by the write schema.</summary>
    [JsonPropertyName("deliverystatus")]
    public string DeliveryStatus { get; init; } = string.Empty;

    /// <summary><c>moneyprice</c>.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyprice")]
    public decimal MoneyPrice { get; init; }

    /// <summary><c>moneypriceorg</c>.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneypriceorg")]
    public decimal MoneyPriceOrg { get; init; }

    /// <summary><c>moneypricein</c>.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneypricein")]
    public decimal MoneyPriceIn { get; init; }

    /// <summary><c>moneyofferprice</c>: deprecated, required by the write schema.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyofferprice")]
    public decimal MoneyOfferPrice { get; init; }

    /// <summary><c>barcode</c>.</summary>
    [JsonPropertyName("barcode")]
    public string Barcode { get; init; } = string.Empty;

    /// <summary><c>friendly</c>: deprecated, required by the write schema.</summary>
    [JsonPropertyName("friendly")]
    public string Friendly { get; init; } = string.Empty;

    /// <summary><c>attributes</c>: one option per group, in the groups' order.</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyList<string> Attributes { get; init; } = [];
}
