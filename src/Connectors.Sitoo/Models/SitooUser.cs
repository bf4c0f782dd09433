using System.Text.Json.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Models;

/// <summary>A user: in the v2 API customers are users (common to all sites).</summary>
public sealed class SitooUser
{
    /// <summary><c>userid</c>: user id, a GUID with braces kept as given.</summary>
    [JsonPropertyName("userid")]
    public string UserId { get; init; } = string.Empty;

    /// <summary><c>email</c>: email; unique per system.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary><c>namefirst</c>: first name.</summary>
    [JsonPropertyName("namefirst")]
    public string? NameFirst { get; init; }

    /// <summary><c>namelast</c>: last name.</summary>
    [JsonPropertyName("namelast")]
    public string? NameLast { get; init; }

    /// <summary><c>personalid</c>: personal id.</summary>
    [JsonPropertyName("personalid")]
    public string? PersonalId { get; init; }

    /// <summary><c>externalid</c>: external reference (e.g. the web shop's customer id).</summary>
    [JsonPropertyName("externalid")]
    public string? ExternalId { get; init; }

    /// <summary><c>customernumber</c>: customer number.</summary>
    [JsonPropertyName("customernumber")]
    public string? CustomerNumber { get; init; }

    /// <summary><c>company</c>: company.</summary>
    [JsonPropertyName("company")]
    public string? Company { get; init; }

    /// <summary><c>phone</c>: phone.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary><c>mobile</c>: mobile phone.</summary>
    [JsonPropertyName("mobile")]
    public string? Mobile { get; init; }

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

    /// <summary><c>datecreated</c>: when the user was created.</summary>
    [JsonPropertyName("datecreated")]
    public Instant? DateCreated { get; init; }

    /// <summary><c>datemodified</c>: when the user was last modified.</summary>
    [JsonPropertyName("datemodified")]
    public Instant? DateModified { get; init; }
}
