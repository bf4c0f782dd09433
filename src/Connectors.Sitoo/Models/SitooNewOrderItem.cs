using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A line of an order to create; row money is gross (including VAT).</summary>
public sealed class SitooNewOrderItem
{
    /// <summary><c>productname</c>: product name.</summary>
    [JsonPropertyName("productname")]
    public required string ProductName { get; init; }

    /// <summary><c>quantity</c>: signed quantity.</summary>
    [JsonPropertyName("quantity")]
    public required int Quantity { get; init; }

    /// <summary><c>orderitemtype</c>: line type.</summary>
    [JsonPropertyName("orderitemtype")]
    public SitooOrderItemType? OrderItemType { get; init; }

    /// <summary><c>sku</c>: SKU.</summary>
    [JsonPropertyName("sku")]
    public string? Sku { get; init; }

    /// <summary><c>productattributes</c>: attributes as text.</summary>
    [JsonPropertyName("productattributes")]
    public string? ProductAttributes { get; init; }

    /// <summary><c>decimalunitquantity</c>: quantity per unit for decimal products.</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalunitquantity")]
    public decimal? DecimalUnitQuantity { get; init; }

    /// <summary><c>moneyrowprice</c>: gross total of the row before discount.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyrowprice")]
    public decimal? MoneyRowPrice { get; init; }

    /// <summary><c>moneyrowdiscount</c>: gross discount of the row.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyrowdiscount")]
    public decimal? MoneyRowDiscount { get; init; }

    /// <summary><c>moneypriceorg</c>: recommended retail price.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneypriceorg")]
    public decimal? MoneyPriceOrg { get; init; }

    /// <summary><c>vatvalue</c>: VAT percentage.</summary>
    [JsonPropertyName("vatvalue")]
    public decimal? VatValue { get; init; }

    /// <summary><c>additionaldata</c>: free key/value data.</summary>
    [JsonPropertyName("additionaldata")]
    public IReadOnlyDictionary<string, string>? AdditionalData { get; init; }
}
