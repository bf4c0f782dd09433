using System.Text.Json;
using NodaTime;

namespace Connectors.Shopware.Models;

/// <summary>A customer account or guest.</summary>
public sealed record ShopwareCustomer
{
    /// <summary>Customer id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Customer number.</summary>
    public string? CustomerNumber { get; init; }

    /// <summary>E-mail address; not unique (guests and accounts bound to other sales channels may share it).</summary>
    public string? Email { get; init; }

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Company.</summary>
    public string? Company { get; init; }

    /// <summary>Whether this is a guest created at checkout.</summary>
    public bool? Guest { get; init; }

    /// <summary>Whether the account is active.</summary>
    public bool? Active { get; init; }

    /// <summary><c>private</c> or <c>business</c>.</summary>
    public string? AccountType { get; init; }

    /// <summary>Customer group id.</summary>
    public string? GroupId { get; init; }

    /// <summary>Sales channel the customer registered in.</summary>
    public string? SalesChannelId { get; init; }

    /// <summary>Sales channel the account is bound to, if any.</summary>
    public string? BoundSalesChannelId { get; init; }

    /// <summary>Language id.</summary>
    public string? LanguageId { get; init; }

    /// <summary>Default billing address id.</summary>
    public string? DefaultBillingAddressId { get; init; }

    /// <summary>Default shipping address id.</summary>
    public string? DefaultShippingAddressId { get; init; }

    /// <summary>Creation time.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>Last update time.</summary>
    public Instant? UpdatedAt { get; init; }

    /// <summary>Custom fields as sent by the shop.</summary>
    public JsonElement? CustomFields { get; init; }
}
