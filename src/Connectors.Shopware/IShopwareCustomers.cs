using Connectors.Shopware.Models;

namespace Connectors.Shopware;

/// <summary>Customer search and creation.</summary>
public interface IShopwareCustomers : IShopwareEntitySearch<ShopwareCustomer>
{
    /// <summary>
    /// Creates a customer with its address (<c>POST /api/customer</c>) and returns its id. Not retried automatically;
    /// give the draft a deterministic <see cref="ShopwareCustomerDraft.Id"/> so a caller can check before trying again.
    /// </summary>
    /// <param name="draft">The customer.</param>
    /// <param name="context">Request headers; <see langword="null"/> skips flows (no registration mail).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> CreateAsync(ShopwareCustomerDraft draft, ShopwareRequestContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Reserves the next customer number of a sales channel (<c>GET /api/_action/number-range/reserve/customer/{salesChannelId}</c>).</summary>
    /// <param name="salesChannelId">The sales channel.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> ReserveCustomerNumberAsync(string salesChannelId, CancellationToken cancellationToken = default);
}

/// <summary>A customer to create, with the fields Shopware 6.6 and 6.7 require.</summary>
public sealed record ShopwareCustomerDraft
{
    /// <summary>Id to create the customer with; generated when <see langword="null"/>. Prefer a deterministic id.</summary>
    public string? Id { get; init; }

    /// <summary>Customer group.</summary>
    public required string GroupId { get; init; }

    /// <summary>Sales channel.</summary>
    public required string SalesChannelId { get; init; }

    /// <summary>Language.</summary>
    public required string LanguageId { get; init; }

    /// <summary>Customer number; reserve one with <see cref="IShopwareCustomers.ReserveCustomerNumberAsync"/> or use your own.</summary>
    public required string CustomerNumber { get; init; }

    /// <summary>First name.</summary>
    public required string FirstName { get; init; }

    /// <summary>Last name.</summary>
    public required string LastName { get; init; }

    /// <summary>E-mail address.</summary>
    public required string Email { get; init; }

    /// <summary>Billing address; also the shipping address unless <see cref="ShippingAddress"/> is set.</summary>
    public required ShopwareAddressDraft BillingAddress { get; init; }

    /// <summary>A different shipping address.</summary>
    public ShopwareAddressDraft? ShippingAddress { get; init; }

    /// <summary>Default payment method; required by Shopware up to 6.6, removed in 6.7 (leave unset there).</summary>
    public string? DefaultPaymentMethodId { get; init; }

    /// <summary>Salutation (optional).</summary>
    public string? SalutationId { get; init; }

    /// <summary>Create a guest instead of an account.</summary>
    public bool Guest { get; init; }

    /// <summary><c>private</c> (default) or <c>business</c>.</summary>
    public string AccountType { get; init; } = "private";

    /// <summary>Company (business accounts).</summary>
    public string? Company { get; init; }
}

/// <summary>An address of a <see cref="ShopwareCustomerDraft"/>.</summary>
public sealed record ShopwareAddressDraft
{
    /// <summary>Id of the address; generated when <see langword="null"/>.</summary>
    public string? Id { get; init; }

    /// <summary>Country.</summary>
    public required string CountryId { get; init; }

    /// <summary>First name.</summary>
    public required string FirstName { get; init; }

    /// <summary>Last name.</summary>
    public required string LastName { get; init; }

    /// <summary>Street and house number.</summary>
    public required string Street { get; init; }

    /// <summary>City.</summary>
    public required string City { get; init; }

    /// <summary>Postal code (optional in core; a country may require it).</summary>
    public string? Zipcode { get; init; }

    /// <summary>Company.</summary>
    public string? Company { get; init; }

    /// <summary>Salutation.</summary>
    public string? SalutationId { get; init; }
}
