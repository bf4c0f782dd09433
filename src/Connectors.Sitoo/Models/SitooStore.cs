using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A store (physical or online sales location).</summary>
public sealed class SitooStore
{
    /// <summary><c>storeid</c>: store id.</summary>
    [JsonPropertyName("storeid")]
    public int StoreId { get; init; }

    /// <summary><c>eshopid</c>: site the store belongs to.</summary>
    [JsonPropertyName("eshopid")]
    public int? EshopId { get; init; }

    /// <summary><c>storetype</c>: store type (10 "Concept Store", 20 "Outlet Store", 30 "Pop-Up Store" in Sitoo's examples).</summary>
    [JsonPropertyName("storetype")]
    public int? StoreType { get; init; }

    /// <summary><c>name</c>: display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>externalid</c>: external reference; orders made in the store carry it as <c>store-externalid</c>.</summary>
    [JsonPropertyName("externalid")]
    public string? ExternalId { get; init; }

    /// <summary><c>externalgroupid</c>: external group reference.</summary>
    [JsonPropertyName("externalgroupid")]
    public string? ExternalGroupId { get; init; }

    /// <summary><c>phone</c>: phone number.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary><c>email</c>: email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

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

    /// <summary><c>tags</c>: tags tying the store to price lists or campaigns.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }
}
