using Connectors.Testing.Contracts;

namespace Connectors.Testing.Sitoo;

/// <summary>The account a <see cref="SitooSimulator"/> pretends to be, and the behaviours the public sources leave open.</summary>
public sealed record SitooSimulatorOptions
{
    /// <summary>The numeric account id in <c>/v2/accounts/{accountid}</c>; requests for another account get 404.</summary>
    public int AccountId { get; init; } = 1500;

    /// <summary>The site (<c>eshopid</c>) the account has; Sitoo systems usually have site 1.</summary>
    public int EshopId { get; init; } = 1;

    /// <summary>The API id, the HTTP Basic user name.</summary>
    public string ApiId { get; init; } = "1500-1";

    /// <summary>The API password, the HTTP Basic password.</summary>
    public string Password { get; init; } = "sitoo-simulator";

    /// <summary>The system currency, used when an order or warehouse names none.</summary>
    public string CurrencyCode { get; init; } = "SEK";

    /// <summary>
    /// Whether creating an order with an <c>externalid</c> another order already has answers 400. Sitoo documents
    /// <c>externalid</c> as unique per system but not what a duplicate answers; this is the simulator's guess.
    /// </summary>
    public bool RejectDuplicateExternalIds { get; init; } = true;

    /// <summary>
    /// Whether a batch write of exactly one item answers the bare value instead of a one-element batch array.
    /// Sitoo's docs leave this open ("returns productid or a batch envelope if multiple products were added").
    /// </summary>
    public bool BareValueForSingleItemBatch { get; init; }

    /// <summary>
    /// Whether the <c>email</c> filter of a user search compares case-sensitively. Sitoo documents that e-mails are unique
    /// but not how its search compares them; both behaviours are simulated so the connector is tested against each.
    /// </summary>
    public bool CaseSensitiveUserSearch { get; init; }

    /// <summary>
    /// Whether adding or changing a user to an e-mail another user has is refused (compared without case). Sitoo documents
    /// e-mails as unique; turning it off simulates an account where that rule is not enforced.
    /// </summary>
    public bool UniqueUserEmails { get; init; } = true;

    /// <summary>The contract requests are checked against; <see langword="null"/> for the one this package holds.</summary>
    public OpenApiContract? Contract { get; init; }

    /// <summary>Whether requests are checked against the contract and rejected with 400 when they break it.</summary>
    public bool ValidateRequests { get; init; } = true;

    /// <summary>How Events SPI deliveries are retried and when they are given up.</summary>
    public SitooEventDeliveryOptions Events { get; init; } = new();
}
