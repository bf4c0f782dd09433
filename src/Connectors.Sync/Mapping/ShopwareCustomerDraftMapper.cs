using Connectors.Core.Customers;
using Connectors.Shopware;

namespace Connectors.Sync.Mapping;

/// <summary>The shop settings every customer the connector creates in Shopware gets.</summary>
/// <param name="GroupId">The customer group.</param>
/// <param name="SalesChannelId">The sales channel the customer belongs to.</param>
/// <param name="LanguageId">The language.</param>
/// <param name="CountryId">The country of the billing address when the address names none.</param>
internal sealed record ShopwareCustomerSettings(string GroupId, string SalesChannelId, string LanguageId, string CountryId)
{
    /// <summary>Create guests (the default): the person never chose a shop password, so an account could not log in.</summary>
    public bool CreateAsGuest { get; init; } = true;
}

/// <summary>The billing address of a customer to create; Shopware requires one.</summary>
/// <param name="Street">Street and house number.</param>
/// <param name="Zipcode">Postal code.</param>
/// <param name="City">City.</param>
/// <param name="CountryId">The Shopware country id; <see langword="null"/> for <see cref="ShopwareCustomerSettings.CountryId"/>.</param>
internal sealed record ShopwareCustomerAddress(string? Street, string? Zipcode, string? City, string? CountryId);

/// <summary>The Core's <see cref="NewCustomer"/> as the Shopware client's <see cref="ShopwareCustomerDraft"/>.</summary>
internal static class ShopwareCustomerDraftMapper
{
    /// <summary>Translates a customer to create in Shopware.</summary>
    /// <param name="customer">The normalized customer.</param>
    /// <param name="id">The deterministic id to create it with, so a retried create hits the same row.</param>
    /// <param name="customerNumber">The reserved customer number.</param>
    /// <param name="address">The billing address.</param>
    /// <param name="settings">Group, sales channel, language and default country.</param>
    /// <exception cref="MappingException">E-mail, a name, the street or the city is missing: Shopware requires them.</exception>
    public static ShopwareCustomerDraft ToDraft(NewCustomer customer, string id, string customerNumber, ShopwareCustomerAddress address, ShopwareCustomerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerNumber);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(settings);
        var entity = $"New Shopware customer {customer.Email ?? customer.Phone}";
        var firstName = Required(entity, "firstName", customer.FirstName);
        var lastName = Required(entity, "lastName", customer.LastName);
        return new ShopwareCustomerDraft
        {
            Id = id,
            GroupId = settings.GroupId,
            SalesChannelId = settings.SalesChannelId,
            LanguageId = settings.LanguageId,
            CustomerNumber = customerNumber,
            FirstName = firstName,
            LastName = lastName,
            Email = Required(entity, "email", customer.Email),
            Guest = settings.CreateAsGuest,
            BillingAddress = new ShopwareAddressDraft
            {
                CountryId = string.IsNullOrWhiteSpace(address.CountryId) ? settings.CountryId : address.CountryId,
                FirstName = firstName,
                LastName = lastName,
                Street = Required(entity, "defaultBillingAddress.street", address.Street),
                City = Required(entity, "defaultBillingAddress.city", address.City),
                Zipcode = string.IsNullOrWhiteSpace(address.Zipcode) ? null : address.Zipcode,
            },
        };
    }

    private static string Required(string entity, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new MappingException(entity, field, value, "Shopware requires it for a new customer") : value;
}
