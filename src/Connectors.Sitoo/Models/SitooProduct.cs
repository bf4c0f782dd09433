using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Models;

/// <summary>A product; every variant is a product of its own.</summary>
public sealed class SitooProduct
{
    /// <summary><c>productid</c>: product id, unique across sites.</summary>
    [JsonPropertyName("productid")]
    public int ProductId { get; init; }

    /// <summary><c>sku</c>: SKU, unique per site.</summary>
    [JsonPropertyName("sku")]
    public string Sku { get; init; } = string.Empty;

    /// <summary><c>title</c>: title (not a default field; always requested by this client).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary><c>skumanufacturer</c>: manufacturer's SKU.</summary>
    [JsonPropertyName("skumanufacturer")]
    public string? SkuManufacturer { get; init; }

    /// <summary><c>descriptionshort</c>: short description.</summary>
    [JsonPropertyName("descriptionshort")]
    public string? DescriptionShort { get; init; }

    /// <summary><c>description</c>: description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>moneyprice</c>: price on the default price list.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyprice")]
    public decimal? MoneyPrice { get; init; }

    /// <summary><c>moneypriceorg</c>: recommended retail price.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneypriceorg")]
    public decimal? MoneyPriceOrg { get; init; }

    /// <summary><c>moneypricein</c>: purchase price, always excluding VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneypricein")]
    public decimal? MoneyPriceIn { get; init; }

    /// <summary><c>moneyfinalprice</c>: effective price (read-only).</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyfinalprice")]
    public decimal? MoneyFinalPrice { get; init; }

    /// <summary><c>unitlabel</c>: unit label.</summary>
    [JsonPropertyName("unitlabel")]
    public string? UnitLabel { get; init; }

    /// <summary><c>allowdecimals</c>: whether quantities may have decimals.</summary>
    [JsonPropertyName("allowdecimals")]
    public bool? AllowDecimals { get; init; }

    /// <summary><c>active</c>: active in the web shop (deprecated by Sitoo).</summary>
    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    /// <summary><c>activepos</c>: visible in the POS.</summary>
    [JsonPropertyName("activepos")]
    public bool? ActivePos { get; init; }

    /// <summary><c>vatid</c>: product group (VAT class).</summary>
    [JsonPropertyName("vatid")]
    public int? VatId { get; init; }

    /// <summary><c>vatvalue</c>: VAT percentage (read-only).</summary>
    [JsonPropertyName("vatvalue")]
    public decimal? VatValue { get; init; }

    /// <summary><c>defaultcategoryid</c>: default category.</summary>
    [JsonPropertyName("defaultcategoryid")]
    public int? DefaultCategoryId { get; init; }

    /// <summary><c>categories</c>: category ids (read as numbers or numeric text).</summary>
    [JsonConverter(typeof(SitooIdListConverter))]
    [JsonPropertyName("categories")]
    public IReadOnlyList<int>? Categories { get; init; }

    /// <summary><c>manufacturerid</c>: manufacturer.</summary>
    [JsonPropertyName("manufacturerid")]
    public int? ManufacturerId { get; init; }

    /// <summary><c>stockcountenable</c>: whether stock is counted.</summary>
    [JsonPropertyName("stockcountenable")]
    public bool? StockCountEnable { get; init; }

    /// <summary><c>stockallowbackorder</c>: whether the product sells without stock.</summary>
    [JsonPropertyName("stockallowbackorder")]
    public bool? StockAllowBackorder { get; init; }

    /// <summary><c>variantparentid</c>: null for a single product; the main variant's id for variants (equal to <see cref="ProductId"/> on the main variant).</summary>
    [JsonPropertyName("variantparentid")]
    public int? VariantParentId { get; init; }

    /// <summary><c>barcode</c>: barcode.</summary>
    [JsonPropertyName("barcode")]
    public string? Barcode { get; init; }

    /// <summary><c>custom1</c>: free text slot 1.</summary>
    [JsonPropertyName("custom1")]
    public string? Custom1 { get; init; }

    /// <summary><c>custom2</c>: free text slot 2.</summary>
    [JsonPropertyName("custom2")]
    public string? Custom2 { get; init; }

    /// <summary><c>custom3</c>: free text slot 3.</summary>
    [JsonPropertyName("custom3")]
    public string? Custom3 { get; init; }

    /// <summary><c>custom4</c>: free text slot 4.</summary>
    [JsonPropertyName("custom4")]
    public string? Custom4 { get; init; }

    /// <summary><c>custom5</c>: free text slot 5.</summary>
    [JsonPropertyName("custom5")]
    public string? Custom5 { get; init; }

    /// <summary><c>barcodealiases</c>: more barcodes.</summary>
    [JsonPropertyName("barcodealiases")]
    public IReadOnlyList<string>? BarcodeAliases { get; init; }

    /// <summary><c>variant</c>: variant attributes such as colour and size.</summary>
    [JsonPropertyName("variant")]
    public IReadOnlyList<SitooProductVariantValue>? Variant { get; init; }

    /// <summary><c>datecreated</c>: when the product was created.</summary>
    [JsonPropertyName("datecreated")]
    public Instant? DateCreated { get; init; }

    /// <summary><c>datemodified</c>: when the product was last modified.</summary>
    [JsonPropertyName("datemodified")]
    public Instant? DateModified { get; init; }
}
