using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>One SKU of a warehouse batch; for stocktaking the quantity is the counted, absolute level.</summary>
public sealed class SitooWarehouseBatchItem
{
    /// <summary><c>sku</c>: SKU.</summary>
    [JsonPropertyName("sku")]
    public required string Sku { get; init; }

    /// <summary><c>decimalquantity</c>: quantity (the counted level for stocktaking).</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalquantity")]
    public decimal? DecimalQuantity { get; init; }

    /// <summary><c>moneypricein</c>: unit cost.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneypricein")]
    public decimal? MoneyPriceIn { get; init; }

    /// <summary><c>emailowner</c>: email of whoever counted.</summary>
    [JsonPropertyName("emailowner")]
    public string? EmailOwner { get; init; }

    /// <summary><c>comment</c>: free text.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }
}
