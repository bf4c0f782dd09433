namespace Connectors.Core.Customers;

/// <summary>A Shopware <c>customer</c> (or the <c>orderCustomer</c> of an order) as far as matching needs it.</summary>
/// <param name="Id">The customer id (<c>id</c>).</param>
/// <param name="Email">The e-mail address (<c>email</c>) as stored.</param>
/// <param name="IsGuest">Whether it is a guest account (<c>guest</c>).</param>
public sealed record ShopwareCustomerRecord(string Id, string? Email, bool IsGuest)
{
    /// <summary>The phone number of the default billing address (<c>phoneNumber</c>).</summary>
    public string? Phone { get; init; }

    /// <summary>The first name (<c>firstName</c>).</summary>
    public string? FirstName { get; init; }

    /// <summary>The last name (<c>lastName</c>).</summary>
    public string? LastName { get; init; }
}

/// <summary>A Sitoo user (customer) as far as matching needs it.</summary>
/// <param name="UserId">The user id (<c>userid</c>, a GUID with braces).</param>
/// <param name="Email">The e-mail address (<c>email</c>); unique in Sitoo.</param>
public sealed record SitooUserRecord(string UserId, string? Email)
{
    /// <summary>The phone number (<c>phone</c>).</summary>
    public string? Phone { get; init; }

    /// <summary>The mobile number (<c>mobile</c>).</summary>
    public string? Mobile { get; init; }

    /// <summary>The registered Shopware customer this user is linked to (<c>externalid</c>).</summary>
    public string? ExternalId { get; init; }

    /// <summary>The first name (<c>namefirst</c>).</summary>
    public string? NameFirst { get; init; }

    /// <summary>The last name (<c>namelast</c>).</summary>
    public string? NameLast { get; init; }
}

/// <summary>The normalized data of a customer to create on the other side.</summary>
/// <param name="Email">The normalized e-mail address.</param>
/// <param name="Phone">The normalized phone number.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
public sealed record NewCustomer(string? Email, string? Phone, string? FirstName, string? LastName)
{
    /// <summary>
    /// For a Sitoo user: the registered Shopware customer id to store as <c>externalid</c>
    /// (never a guest's, so the user stays the person's record).
    /// </summary>
    public string? ExternalId { get; init; }
}
