using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A change to one warehouse item; <see cref="DecimalTotal"/> and <see cref="MoneyTotal"/> are only accepted by virtual warehouses.</summary>
public sealed class SitooWarehouseItemUpdate
{
    /// <summary><c>sku</c>: SKU of the item.</summary>
    [JsonPropertyName("sku")]
    public required string Sku { get; init; }

    /// <summary><c>decimaltotal</c>: new stock level (virtual warehouses only).</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimaltotal")]
    public decimal? DecimalTotal { get; init; }

    /// <summary><c>moneytotal</c>: new stock value (virtual warehouses only).</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneytotal")]
    public decimal? MoneyTotal { get; init; }

    /// <summary><c>binlocation</c>: bin location.</summary>
    [JsonPropertyName("binlocation")]
    public string? BinLocation { get; init; }

    /// <summary><c>decimalthreshold</c>: reorder point.</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalthreshold")]
    public decimal? DecimalThreshold { get; init; }
}
