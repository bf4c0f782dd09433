using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A price list (<c>pricelists.json</c>); list 1 is the default, whose prices are the products' <c>moneyprice</c>.</summary>
public sealed class SitooPriceList
{
    /// <summary><c>pricelistid</c>.</summary>
    [JsonPropertyName("pricelistid")]
    public int PriceListId { get; init; }

    /// <summary><c>pricelistname</c>.</summary>
    [JsonPropertyName("pricelistname")]
    public string PriceListName { get; init; } = string.Empty;

    /// <summary><c>active</c>.</summary>
    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    /// <summary><c>currencycode</c>: the ISO currency, empty on the default list.</summary>
    [JsonPropertyName("currencycode")]
    public string? CurrencyCode { get; init; }
}

/// <summary>A product's price on a price list, keyed by SKU (<c>pricelistitems.json</c>).</summary>
public sealed class SitooPriceListItem
{
    /// <summary><c>sku</c>.</summary>
    [JsonPropertyName("sku")]
    public string Sku { get; init; } = string.Empty;

    /// <summary><c>moneyprice</c>.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyprice")]
    public decimal MoneyPrice { get; init; }
}
