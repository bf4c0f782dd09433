using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A user to add (needs <see cref="Email"/>) or update (needs <see cref="UserId"/>).</summary>
public sealed class SitooUserWrite
{
    /// <summary><c>userid</c>: user id (GUID with braces); required for updates, left out when adding.</summary>
    [JsonPropertyName("userid")]
    public string? UserId { get; init; }

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

    /// <summary><c>notes</c>: notes.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }
}
