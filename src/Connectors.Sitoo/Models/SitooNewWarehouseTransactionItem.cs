using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>One SKU of a new warehouse transaction.</summary>
public sealed class SitooNewWarehouseTransactionItem
{
    /// <summary><c>sku</c>: SKU.</summary>
    [JsonPropertyName("sku")]
    public required string Sku { get; init; }

    /// <summary><c>decimalquantity</c>: signed change of the stock level (at most three decimals).</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalquantity")]
    public required decimal DecimalQuantity { get; init; }

    /// <summary><c>moneypricein</c>: unit cost of inbound stock.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneypricein")]
    public decimal? MoneyPriceIn { get; init; }
}
