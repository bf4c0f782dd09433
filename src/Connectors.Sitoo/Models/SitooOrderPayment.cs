using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>One payment of an order.</summary>
public sealed class SitooOrderPayment
{
    /// <summary><c>name</c>: payment name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>moneyamount</c>: signed amount.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyamount")]
    public decimal? MoneyAmount { get; init; }

    /// <summary><c>externalid</c>: external reference.</summary>
    [JsonPropertyName("externalid")]
    public string? ExternalId { get; init; }

    /// <summary><c>reftype</c>: payment terminal reference type.</summary>
    [JsonPropertyName("reftype")]
    public string? RefType { get; init; }

    /// <summary><c>refid</c>: payment terminal reference.</summary>
    [JsonPropertyName("refid")]
    public string? RefId { get; init; }

    /// <summary><c>cardissuer</c>: card issuer.</summary>
    [JsonPropertyName("cardissuer")]
    public string? CardIssuer { get; init; }

    /// <summary><c>additionaldata</c>: free key/value data.</summary>
    [JsonPropertyName("additionaldata")]
    [JsonConverter(typeof(SitooMapConverter))]
    public IReadOnlyDictionary<string, string>? AdditionalData { get; init; }
}
