using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>One SKU of a warehouse transaction.</summary>
public sealed class SitooWarehouseTransactionItem
{
    /// <summary><c>warehouseitemlogid</c>: log id.</summary>
    [JsonPropertyName("warehouseitemlogid")]
    public long? WarehouseItemLogId { get; init; }

    /// <summary><c>warehouseitemid</c>: warehouse item id.</summary>
    [JsonPropertyName("warehouseitemid")]
    public long? WarehouseItemId { get; init; }

    /// <summary><c>sku</c>: SKU. Required and non-blank: a row without one (missing, null or empty) cannot be read,
    /// because a movement must name what moved; it never appears as an empty SKU.</summary>
    [JsonPropertyName("sku")]
    [JsonRequired]
    [JsonConverter(typeof(SitooSkuConverter))]
    public string Sku { get; init; } = string.Empty;

    /// <summary><c>decimalquantity</c>: signed change of the stock level.</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalquantity")]
    public decimal DecimalQuantity { get; init; }

    /// <summary><c>decimaltotal</c>: stock level after the change.</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimaltotal")]
    public decimal? DecimalTotal { get; init; }

    /// <summary><c>moneypricein</c>: unit cost of inbound stock.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneypricein")]
    public decimal? MoneyPriceIn { get; init; }

    /// <summary><c>moneytotal</c>: stock value after the change.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneytotal")]
    public decimal? MoneyTotal { get; init; }

    /// <summary><c>moneyvalue</c>: value of the change.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyvalue")]
    public decimal? MoneyValue { get; init; }
}
