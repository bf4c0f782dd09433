using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Models;

/// <summary>The stock of one SKU in one warehouse.</summary>
public sealed class SitooWarehouseItem
{
    /// <summary><c>warehouseitemid</c>: warehouse item id.</summary>
    [JsonPropertyName("warehouseitemid")]
    public long? WarehouseItemId { get; init; }

    /// <summary><c>warehouseid</c>: warehouse id.</summary>
    [JsonPropertyName("warehouseid")]
    public int? WarehouseId { get; init; }

    /// <summary><c>sku</c>: SKU, the join key between systems.</summary>
    [JsonPropertyName("sku")]
    public string Sku { get; init; } = string.Empty;

    /// <summary><c>binlocation</c>: bin location.</summary>
    [JsonPropertyName("binlocation")]
    public string? BinLocation { get; init; }

    /// <summary><c>decimalthreshold</c>: reorder point.</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalthreshold")]
    public decimal? DecimalThreshold { get; init; }

    /// <summary><c>decimaltotal</c>: stock level.</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimaltotal")]
    public decimal? DecimalTotal { get; init; }

    /// <summary><c>moneytotal</c>: stock value.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneytotal")]
    public decimal? MoneyTotal { get; init; }

    /// <summary><c>datelastmodified</c>: last time the item was part of a transaction.</summary>
    [JsonPropertyName("datelastmodified")]
    public Instant? DateLastModified { get; init; }

    /// <summary><c>datelaststocktaking</c>: last stocktaking.</summary>
    [JsonPropertyName("datelaststocktaking")]
    public Instant? DateLastStocktaking { get; init; }

    /// <summary><c>decimalreserved</c>: quantity reserved by orders.</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalreserved")]
    public decimal? DecimalReserved { get; init; }

    /// <summary><c>decimalavailable</c>: quantity available (total minus reserved in every example).</summary>
    [JsonConverter(typeof(SitooQuantityConverter))]
    [JsonPropertyName("decimalavailable")]
    public decimal? DecimalAvailable { get; init; }
}
