using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A warehouse: a stock location, optionally tied to a store.</summary>
public sealed class SitooWarehouse
{
    /// <summary><c>warehouseid</c>: warehouse id.</summary>
    [JsonPropertyName("warehouseid")]
    public int WarehouseId { get; init; }

    /// <summary><c>warehousetype</c>: FIFO (changed by transactions) or virtual (set directly).</summary>
    [JsonPropertyName("warehousetype")]
    public SitooWarehouseType? WarehouseType { get; init; }

    /// <summary><c>usetype</c>: use type (meanings not documented; 10 and 40 seen).</summary>
    [JsonPropertyName("usetype")]
    public int? UseType { get; init; }

    /// <summary><c>storeid</c>: store the warehouse belongs to, or null.</summary>
    [JsonPropertyName("storeid")]
    public int? StoreId { get; init; }

    /// <summary><c>sellable</c>: whether its stock is sellable.</summary>
    [JsonPropertyName("sellable")]
    public bool? Sellable { get; init; }

    /// <summary><c>currencycode</c>: currency of stock values.</summary>
    [JsonPropertyName("currencycode")]
    public string? CurrencyCode { get; init; }

    /// <summary><c>name</c>: display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>externalid</c>: external reference.</summary>
    [JsonPropertyName("externalid")]
    public string? ExternalId { get; init; }

    /// <summary><c>address</c>: street address.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary><c>address2</c>: second address line.</summary>
    [JsonPropertyName("address2")]
    public string? Address2 { get; init; }

    /// <summary><c>zip</c>: postal code.</summary>
    [JsonPropertyName("zip")]
    public string? Zip { get; init; }

    /// <summary><c>city</c>: city.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary><c>state</c>: state or region.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary><c>countryid</c>: country code (ISO 3166-1 alpha-2, lowercase in Sitoo's examples).</summary>
    [JsonPropertyName("countryid")]
    public string? CountryId { get; init; }
}
