using Connectors.Core.Customers;
using Connectors.Shopware.Models;
using Connectors.Sitoo.Models;

namespace Connectors.Sync.Mapping;

/// <summary>Customers of both systems as the Core's matching records, and a new customer as a Sitoo user to add.</summary>
internal static class CustomerMapper
{
    /// <summary>A Shopware customer; <paramref name="billingPhone"/> is the phone of its default billing address, when read.</summary>
    /// <exception cref="MappingException">The customer has no id.</exception>
    public static ShopwareCustomerRecord ToRecord(ShopwareCustomer customer, string? billingPhone = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (string.IsNullOrWhiteSpace(customer.Id))
        {
            throw new MappingException($"Shopware customer {customer.CustomerNumber ?? customer.Email}", "id", customer.Id, "a link needs the id");
        }

        return new ShopwareCustomerRecord(customer.Id, Blank(customer.Email), customer.Guest ?? false)
        {
            Phone = Blank(billingPhone),
            FirstName = Blank(customer.FirstName),
            LastName = Blank(customer.LastName),
        };
    }

    /// <summary>
    /// An order's customer snapshot. A deleted customer (no <c>customerId</c>) and a customer whose guest flag was not
    /// loaded both count as guests, so the order can never claim a registered account's Sitoo user.
    /// </summary>
    public static ShopwareCustomerRecord ToRecord(ShopwareOrderCustomer customer, string? billingPhone = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var guest = customer.CustomerId is null || (customer.Customer?.Guest ?? true);

        // The order keeps the address it was placed with; an account's own address is the person's address now.
        return new ShopwareCustomerRecord(
            customer.CustomerId ?? string.Empty,
            Blank(guest ? customer.Email : customer.Customer?.Email ?? customer.Email),
            guest)
        {
            Phone = Blank(billingPhone),
            FirstName = Blank(customer.FirstName),
            LastName = Blank(customer.LastName),
        };
    }

    /// <summary>A Sitoo user; Sitoo sends unset text fields as empty strings, which become <see langword="null"/>.</summary>
    /// <exception cref="MappingException">The user has no id.</exception>
    public static SitooUserRecord ToRecord(SitooUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(user.UserId))
        {
            throw new MappingException($"Sitoo user {user.Email}", "userid", user.UserId, "a link needs the id");
        }

        return new SitooUserRecord(user.UserId, Blank(user.Email))
        {
            Phone = Blank(user.Phone),
            Mobile = Blank(user.Mobile),
            ExternalId = Blank(user.ExternalId),
            NameFirst = Blank(user.NameFirst),
            NameLast = Blank(user.NameLast),
        };
    }

    /// <summary>A customer to create in Sitoo.</summary>
    /// <exception cref="MappingException">No e-mail address: Sitoo requires one and keeps it unique.</exception>
    public static SitooUserWrite ToSitooUser(NewCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (string.IsNullOrWhiteSpace(customer.Email))
        {
            throw new MappingException($"New Sitoo user {customer.Phone}", "email", customer.Email, "Sitoo requires an e-mail address for every user");
        }

        return new SitooUserWrite
        {
            Email = customer.Email,
            NameFirst = Blank(customer.FirstName),
            NameLast = Blank(customer.LastName),
            Phone = Blank(customer.Phone),
            ExternalId = Blank(customer.ExternalId),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
