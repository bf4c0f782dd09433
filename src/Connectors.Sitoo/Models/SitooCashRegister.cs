using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A POS cash register.</summary>
public sealed class SitooCashRegister
{
    /// <summary><c>registerid</c>: register GUID, braces kept.</summary>
    [JsonPropertyName("registerid")]
    public string RegisterId { get; init; } = string.Empty;

    /// <summary><c>registerkey</c>: register key, e.g. "SII0000001500001".</summary>
    [JsonPropertyName("registerkey")]
    public string? RegisterKey { get; init; }

    /// <summary><c>company</c>: company on receipts.</summary>
    [JsonPropertyName("company")]
    public string? Company { get; init; }

    /// <summary><c>companyid</c>: company registration number.</summary>
    [JsonPropertyName("companyid")]
    public string? CompanyId { get; init; }

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

    /// <summary><c>currencycode</c>: currency.</summary>
    [JsonPropertyName("currencycode")]
    public string? CurrencyCode { get; init; }

    /// <summary><c>receiptlanguagetag</c>: receipt language.</summary>
    [JsonPropertyName("receiptlanguagetag")]
    public string? ReceiptLanguageTag { get; init; }

    /// <summary><c>storesettingid</c>: store setting.</summary>
    [JsonPropertyName("storesettingid")]
    public int? StoreSettingId { get; init; }

    /// <summary><c>warehouseid</c>: warehouse the register sells from.</summary>
    [JsonPropertyName("warehouseid")]
    public int? WarehouseId { get; init; }
}
