using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>One line of an order; money on reads is net (excluding VAT).</summary>
public sealed class SitooOrderItem
{
    /// <summary><c>orderitemid</c>: 0-based index of the line within the order.</summary>
    [JsonPropertyName("orderitemid")]
    public int? OrderItemId { get; init; }

    /// <summary><c>orderitemtype</c>: line type.</summary>
    [JsonPropertyName("orderitemtype")]
    public SitooOrderItemType? OrderItemType { get; init; }

    /// <summary><c>productid</c>: product id (the product may no longer exist).</summary>
    [JsonPropertyName("productid")]
    public int? ProductId { get; init; }

    /// <summary><c>productname</c>: product name.</summary>
    [JsonPropertyName("productname")]
    public string? ProductName { get; init; }

    /// <summary><c>sku</c>: SKU.</summary>
    [JsonPropertyName("sku")]
    public string? Sku { get; init; }

    /// <summary><c>productattributes</c>: attributes as text, e.g. "Color: Red, Size: M".</summary>
    [JsonPropertyName("productattributes")]
    public string? ProductAttributes { get; init; }

    /// <summary><c>unitlabel</c>: unit label.</summary>
    [JsonPropertyName("unitlabel")]
    public string? UnitLabel { get; init; }

    /// <summary><c>quantity</c>: signed quantity (negative on returns).</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; init; }

    /// <summary><c>decimalunitquantity</c>: quantity per unit for decimal products.</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalunitquantity")]
    public decimal? DecimalUnitQuantity { get; init; }

    /// <summary><c>moneynetpriceperunit</c>: net unit price.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneynetpriceperunit")]
    public decimal? MoneyNetPricePerUnit { get; init; }

    /// <summary><c>moneypriceorg</c>: recommended retail price.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneypriceorg")]
    public decimal? MoneyPriceOrg { get; init; }

    /// <summary><c>vatvalue</c>: VAT percentage.</summary>
    [JsonPropertyName("vatvalue")]
    public decimal? VatValue { get; init; }

    /// <summary><c>moneyitemtotal_net</c>: line total excluding VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyitemtotal_net")]
    public decimal? MoneyItemTotalNet { get; init; }

    /// <summary><c>moneyitemtotal_vat</c>: line VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyitemtotal_vat")]
    public decimal? MoneyItemTotalVat { get; init; }

    /// <summary><c>moneyoriginalprice</c>: net unit price before discount.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyoriginalprice")]
    public decimal? MoneyOriginalPrice { get; init; }

    /// <summary><c>moneydiscountedprice</c>: net unit price after discount.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneydiscountedprice")]
    public decimal? MoneyDiscountedPrice { get; init; }

    /// <summary><c>moneydiscount</c>: net unit discount.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneydiscount")]
    public decimal? MoneyDiscount { get; init; }

    /// <summary><c>decimalquantitytotal</c>: total quantity.</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalquantitytotal")]
    public decimal? DecimalQuantityTotal { get; init; }

    /// <summary><c>additionaldata</c>: free key/value data (e.g. <c>pos-originalsales-orderitemid</c>, <c>return-warehouseid</c>).</summary>
    [JsonPropertyName("additionaldata")]
    [JsonConverter(typeof(SitooMapConverter))]
    public IReadOnlyDictionary<string, string>? AdditionalData { get; init; }
}
