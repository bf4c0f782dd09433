namespace Connectors.Core.Customers;

/// <summary>Decides whether a customer of one system is a person already known to the other.</summary>
public interface ICustomerMatcher
{
    /// <summary>Finds the Sitoo user for a Shopware customer (e.g. the customer of an order being exported).</summary>
    /// <param name="customer">The Shopware customer; guests included.</param>
    /// <param name="candidates">Sitoo users found by the customer's e-mail address or phone number.</param>
    /// <returns>The matched user, the user to create, or a conflict.</returns>
    CustomerMatch MatchInSitoo(ShopwareCustomerRecord customer, IEnumerable<SitooUserRecord> candidates);

    /// <summary>Finds the Shopware customer for a Sitoo user.</summary>
    /// <param name="user">The Sitoo user.</param>
    /// <param name="candidates">Shopware customers found by the user's e-mail address or phone number; guests included.</param>
    /// <returns>The matched customer, the customer to create, or a conflict.</returns>
    CustomerMatch MatchInShopware(SitooUserRecord user, IEnumerable<ShopwareCustomerRecord> candidates);
}

/// <summary>
/// The default matching: by normalized e-mail address, and by normalized phone number only when there is no
/// usable e-mail address. One Sitoo user per person, never a shared "cash customer": a guest checkout attaches to
/// the person's user; a registered account links to it through <c>externalid</c>; two registered accounts are
/// never merged automatically. Decisions do not depend on the order of the candidates.
/// </summary>
/// <param name="normalizer">How e-mail addresses and phone numbers are compared.</param>
public sealed class CustomerMatcher(IContactNormalizer normalizer) : ICustomerMatcher
{
    /// <summary>Matches with <see cref="DefaultContactNormalizer"/>.</summary>
    public CustomerMatcher()
        : this(new DefaultContactNormalizer())
    {
    }

    /// <inheritdoc/>
    public CustomerMatch MatchInSitoo(ShopwareCustomerRecord customer, IEnumerable<SitooUserRecord> candidates)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(candidates);
        var email = normalizer.NormalizeEmail(customer.Email);
        var phone = normalizer.NormalizePhone(customer.Phone);
        var hits = candidates
            .Where(user => email is not null
                ? normalizer.NormalizeEmail(user.Email) == email
                : phone is not null && (normalizer.NormalizePhone(user.Phone) == phone || normalizer.NormalizePhone(user.Mobile) == phone))
            .DistinctBy(user => user.UserId, StringComparer.Ordinal)
            .OrderBy(user => user.UserId, StringComparer.Ordinal)
            .ToList();

        if (hits.Count > 1)
        {
            return new CustomerMatch.Conflict(
                CustomerConflictKind.SeveralSitooUsers,
                "several Sitoo users match the customer",
                hits.Select(user => user.UserId).ToList());
        }

        if (hits.Count == 0)
        {
            return email is null
                ? new CustomerMatch.Conflict(CustomerConflictKind.NoUsableContact, "a Sitoo user needs a usable e-mail address", [customer.Id])
                : new CustomerMatch.Create(new NewCustomer(email, phone, customer.FirstName, customer.LastName)
                {
                    ExternalId = customer.IsGuest ? null : customer.Id,
                });
        }

        var hit = hits[0];
        if (customer.IsGuest || string.Equals(hit.ExternalId, customer.Id, StringComparison.Ordinal))
        {
            return new CustomerMatch.Matched(hit.UserId);
        }

        if (string.IsNullOrEmpty(hit.ExternalId))
        {
            return new CustomerMatch.Matched(hit.UserId) { SetSitooExternalId = customer.Id };
        }

        return new CustomerMatch.Conflict(
            CustomerConflictKind.LinkedToAnotherAccount,
            $"Sitoo user {hit.UserId} belongs to registered Shopware account {hit.ExternalId}; registered accounts are never merged automatically",
            new[] { customer.Id, hit.ExternalId }.Order(StringComparer.Ordinal).ToList());
    }

    /// <inheritdoc/>
    public CustomerMatch MatchInShopware(SitooUserRecord user, IEnumerable<ShopwareCustomerRecord> candidates)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(candidates);
        var all = candidates.DistinctBy(customer => customer.Id, StringComparer.Ordinal).ToList();
        var linked = all.FirstOrDefault(customer =>
            !customer.IsGuest && string.Equals(customer.Id, user.ExternalId, StringComparison.Ordinal));
        if (linked is not null)
        {
            return new CustomerMatch.Matched(linked.Id);
        }

        var email = normalizer.NormalizeEmail(user.Email);
        var phone = normalizer.NormalizePhone(user.Phone) ?? normalizer.NormalizePhone(user.Mobile);
        if (email is null && phone is null)
        {
            return new CustomerMatch.Conflict(CustomerConflictKind.NoUsableContact, "the Sitoo user has neither a usable e-mail address nor a phone number", [user.UserId]);
        }

        var registered = all
            .Where(customer => !customer.IsGuest)
            .Where(customer => email is not null
                ? normalizer.NormalizeEmail(customer.Email) == email
                : normalizer.NormalizePhone(customer.Phone) == phone)
            .Select(customer => customer.Id)
            .Order(StringComparer.Ordinal)
            .ToList();

        if (registered.Count == 1 && !string.IsNullOrEmpty(user.ExternalId) && !string.Equals(user.ExternalId, registered[0], StringComparison.Ordinal))
        {
            return new CustomerMatch.Conflict(
                CustomerConflictKind.LinkedToAnotherAccount,
                $"Sitoo user {user.UserId} is linked to Shopware account {user.ExternalId}, but the address belongs to account {registered[0]}",
                new[] { registered[0], user.ExternalId }.Order(StringComparer.Ordinal).ToList());
        }

        return registered.Count switch
        {
            // Guest accounts are per checkout, not the person's record: only a registered account is matched.
            0 => new CustomerMatch.Create(new NewCustomer(email, phone, user.NameFirst, user.NameLast)),
            1 => new CustomerMatch.Matched(registered[0])
            {
                SetSitooExternalId = string.IsNullOrEmpty(user.ExternalId) ? registered[0] : null,
            },
            _ => new CustomerMatch.Conflict(
                CustomerConflictKind.SeveralRegisteredAccounts,
                "several registered Shopware accounts share the address; they are never merged automatically",
                registered),
        };
    }
}
