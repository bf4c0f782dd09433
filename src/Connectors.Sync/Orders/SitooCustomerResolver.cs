using Connectors.Core.Customers;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;

namespace Connectors.Sync.Orders;

/// <summary>
/// Finds the Sitoo user of an order's customer, or creates it once per person: guests included, never a shared cash
/// customer. The person is followed over time:
/// <list type="bullet">
/// <item>Every Shopware customer of the person (each guest checkout's, the account registered later) is linked to one Sitoo user.</item>
/// <item>A linked account whose e-mail changed in Shopware changes the Sitoo user's e-mail; a change made at the till is left alone.</item>
/// <item>An address held by another account's Sitoo user moves with its owner when that account gave it up in Shopware.</item>
/// <item>A lost create race or a refused create looks again and applies the same rules as the first lookup.</item>
/// </list>
/// </summary>
internal sealed class SitooCustomerResolver(
    IConnectorStore store,
    ISitooClient sitoo,
    IShopwareAdminClient shopware,
    ICustomerMatcher matcher,
    IContactNormalizer normalizer)
{
    /// <exception cref="SyncProblemException">The customer matches no single user, or Sitoo refuses the new user.</exception>
    public async Task<SitooUserRecord> ResolveAsync(ShopwareOrder order, string orderNumber, CancellationToken cancellationToken)
    {
        var orderCustomer = order.OrderCustomer ?? throw OrderProblems.Unmappable(
            orderNumber, new MappingException($"Shopware order {orderNumber}", "orderCustomer", null, "the association was not loaded"));
        var customer = CustomerMapper.ToRecord(orderCustomer, order.BillingAddress?.PhoneNumber);
        var user = await LinkedUserAsync(customer, orderNumber, cancellationToken).ConfigureAwait(false)
            ?? await MatchOrCreateAsync(customer, orderNumber, cancellationToken).ConfigureAwait(false);
        await LinkAsync(customer, user, orderNumber, cancellationToken).ConfigureAwait(false);
        return user;
    }

    /// <summary>
    /// Carries a registered account's e-mail change to its linked Sitoo user, as soon as the change is read (not only at
    /// the account's next order). An account without a link has no user to follow yet.
    /// </summary>
    public async Task FollowAccountAsync(ShopwareCustomer account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var customer = CustomerMapper.ToRecord(account);
        if (customer.IsGuest
            || await store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, customer.Id, cancellationToken).ConfigureAwait(false) is not { } link
            || await sitoo.Users.FindByIdAsync(link.SitooId, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return;
        }

        await FollowEmailChangeAsync(customer, CustomerMapper.ToRecord(user), CustomerSubject.Account(customer.Id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The name under which the e-mail last carried to a linked account's Sitoo user is kept.</summary>
    internal static string SyncedEmailName(string shopwareCustomerId) => "customer-email:" + shopwareCustomerId;

    private async Task<SitooUserRecord?> LinkedUserAsync(ShopwareCustomerRecord customer, string orderNumber, CancellationToken cancellationToken)
    {
        if (customer.Id.Length == 0
            || await store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, customer.Id, cancellationToken).ConfigureAwait(false) is not { } link)
        {
            return null;
        }

        var user = await sitoo.Users.FindByIdAsync(link.SitooId, cancellationToken).ConfigureAwait(false)
            ?? throw OrderProblems.CustomerConflict(orderNumber, new CustomerMatch.Conflict(
                CustomerConflictKind.LinkedToAnotherAccount,
                $"the customer is linked to Sitoo user {link.SitooId}, which no longer exists",
                [link.SitooId]));
        var record = CustomerMapper.ToRecord(user);
        return customer.IsGuest ? record : await FollowEmailChangeAsync(customer, record, CustomerSubject.Order(orderNumber), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Carries an e-mail change of the account to its Sitoo user. Only a change in Shopware is carried (the address differs
    /// from the one carried last time); an address changed at the till while Shopware kept the old one stays.
    /// </summary>
    private async Task<SitooUserRecord> FollowEmailChangeAsync(ShopwareCustomerRecord customer, SitooUserRecord user, CustomerSubject subject, CancellationToken cancellationToken)
    {
        var current = normalizer.NormalizeEmail(customer.Email);
        var onUser = normalizer.NormalizeEmail(user.Email);
        var carried = (await store.Snapshots.LoadAsync(SyncedEmailName(customer.Id), cancellationToken).ConfigureAwait(false))?.Body ?? onUser;
        if (current is null || current == carried || current == onUser || onUser != carried)
        {
            return user;
        }

        var holder = await FindByEmailAsync(current, customer.Email, cancellationToken).ConfigureAwait(false);
        if (holder is not null && holder.UserId != user.UserId
            && !await ReleaseIfGivenUpAsync(holder, subject, cancellationToken).ConfigureAwait(false))
        {
            // The person (or someone else) has another user with the new address: the account keeps its own user.
            await store.Exceptions.RecordAsync(CustomerProblems.TwoUsers(subject, customer.Id, current, user.UserId, holder.UserId), cancellationToken).ConfigureAwait(false);
            return user;
        }

        await UpdateEmailAsync(user.UserId, current, subject, cancellationToken).ConfigureAwait(false);
        await store.Snapshots.SaveAsync(SyncedEmailName(customer.Id), current, cancellationToken).ConfigureAwait(false);
        return user with { Email = current };
    }

    private async Task<SitooUserRecord> MatchOrCreateAsync(ShopwareCustomerRecord customer, string orderNumber, CancellationToken cancellationToken)
    {
        var candidates = await FindCandidatesAsync(customer, cancellationToken).ConfigureAwait(false);
        var match = matcher.MatchInSitoo(customer, candidates);
        if (match is CustomerMatch.Conflict { Kind: CustomerConflictKind.LinkedToAnotherAccount }
            && candidates.Count == 1
            && await ReleaseIfGivenUpAsync(candidates[0], CustomerSubject.Order(orderNumber), cancellationToken).ConfigureAwait(false))
        {
            candidates = await FindCandidatesAsync(customer, cancellationToken).ConfigureAwait(false);
            match = matcher.MatchInSitoo(customer, candidates);
        }

        return match switch
        {
            CustomerMatch.Matched matched => await AdoptAsync(candidates, matched, cancellationToken).ConfigureAwait(false),
            CustomerMatch.Create create => await AccountUserWithAddressAsync(create.Customer.Email, customer.Email, orderNumber, cancellationToken).ConfigureAwait(false)
                ?? await CreateAsync(customer, create.Customer, orderNumber, cancellationToken).ConfigureAwait(false),
            CustomerMatch.Conflict conflict => throw OrderProblems.CustomerConflict(orderNumber, conflict),
            _ => throw new InvalidOperationException("Unknown customer match."),
        };
    }

    /// <summary>
    /// The user of a linked account that has the address in Shopware now, though its user still has the old one: the
    /// account changed its address and this order (e.g. a guest checkout) came before the account's next order. The
    /// account's user follows the change and takes the order, instead of a second user for the same person.
    /// </summary>
    private async Task<SitooUserRecord?> AccountUserWithAddressAsync(string? normalized, string? asTyped, string orderNumber, CancellationToken cancellationToken)
    {
        if (normalized is null)
        {
            return null;
        }

        var accounts = await shopware.Customers.SearchAsync(
            new ShopwareCriteria()
                .Filter(ShopwareFilter.EqualsAny("email", EmailLookupForms.Of(normalized, asTyped)))
                .Filter(ShopwareFilter.EqualTo("guest", false))
                .Limit(10),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var account in accounts.Items.Where(account => normalizer.NormalizeEmail(account.Email) == normalized))
        {
            if (await store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, account.Id, cancellationToken).ConfigureAwait(false) is { } link
                && await sitoo.Users.FindByIdAsync(link.SitooId, cancellationToken).ConfigureAwait(false) is { } user)
            {
                var followed = await FollowEmailChangeAsync(CustomerMapper.ToRecord(account), CustomerMapper.ToRecord(user), CustomerSubject.Order(orderNumber), cancellationToken).ConfigureAwait(false);
                if (normalizer.NormalizeEmail(followed.Email) == normalized)
                {
                    return followed;
                }
            }
        }

        return null;
    }

    private async Task<SitooUserRecord> AdoptAsync(List<SitooUserRecord> candidates, CustomerMatch.Matched matched, CancellationToken cancellationToken)
    {
        var user = candidates.First(candidate => candidate.UserId == matched.Id);
        if (matched.SetSitooExternalId is not { } externalId)
        {
            return user;
        }

        await sitoo.Users.UpdateAsync([new SitooUserWrite { UserId = user.UserId, ExternalId = externalId }], cancellationToken).ConfigureAwait(false);
        return user with { ExternalId = externalId };
    }

    private async Task<SitooUserRecord> CreateAsync(ShopwareCustomerRecord customer, NewCustomer create, string orderNumber, CancellationToken cancellationToken)
    {
        var write = CustomerMapper.ToSitooUser(create);
        var outcome = (await sitoo.Users.AddAsync([write], cancellationToken).ConfigureAwait(false))[0];
        if (outcome.Succeeded && outcome.Id is { } userId)
        {
            return new SitooUserRecord(userId, write.Email) { NameFirst = write.NameFirst, NameLast = write.NameLast, ExternalId = write.ExternalId, Phone = write.Phone };
        }

        // Another worker (or a till) may have created a user with the address meanwhile: look again, with the same rules.
        var candidates = await FindCandidatesAsync(customer, cancellationToken).ConfigureAwait(false);
        return matcher.MatchInSitoo(customer, candidates) switch
        {
            CustomerMatch.Matched matched => await AdoptAsync(candidates, matched, cancellationToken).ConfigureAwait(false),
            CustomerMatch.Conflict conflict => throw OrderProblems.CustomerConflict(orderNumber, conflict),
            _ => throw OrderProblems.SitooUserRejected(orderNumber, write.Email!, outcome.StatusCode, outcome.ErrorText),
        };
    }

    /// <summary>Links the order's Shopware customer to the user; one person's customers may all link to one user.</summary>
    private async Task LinkAsync(ShopwareCustomerRecord customer, SitooUserRecord user, string orderNumber, CancellationToken cancellationToken)
    {
        if (customer.Id.Length == 0)
        {
            return;
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var linked = await unit.Links.LinkAsync(new EntityLink(LinkedEntityType.Customer, customer.Id, user.UserId), cancellationToken).ConfigureAwait(false);
        if (linked == LinkResult.Conflict)
        {
            // Another instance linked the customer to a different user between our lookup and now.
            throw OrderProblems.CustomerConflict(orderNumber, new CustomerMatch.Conflict(
                CustomerConflictKind.TwoUsersForOnePerson,
                $"Shopware customer {customer.Id} is linked to another Sitoo user than {user.UserId}",
                [user.UserId]));
        }

        if (!customer.IsGuest && normalizer.NormalizeEmail(customer.Email) is { } email)
        {
            await unit.Snapshots.SaveAsync(SyncedEmailName(customer.Id), email, cancellationToken).ConfigureAwait(false);
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Frees an address held by a registered account's user when that account no longer has it in Shopware: the user
    /// follows its owner to the owner's current address.
    /// </summary>
    /// <returns>Whether the address is free now.</returns>
    private async Task<bool> ReleaseIfGivenUpAsync(SitooUserRecord holder, CustomerSubject subject, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(holder.ExternalId) || normalizer.NormalizeEmail(holder.Email) is not { } held)
        {
            return false;
        }

        var found = await shopware.Customers.SearchAsync(new ShopwareCriteria().Ids(holder.ExternalId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (found.Items is not [var owner, ..] || normalizer.NormalizeEmail(owner.Email) is not { } ownerNow || ownerNow == held
            || await FindByEmailAsync(ownerNow, owner.Email, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        await UpdateEmailAsync(holder.UserId, ownerNow, subject, cancellationToken).ConfigureAwait(false);
        await store.Snapshots.SaveAsync(SyncedEmailName(holder.ExternalId), ownerNow, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task UpdateEmailAsync(string userId, string email, CustomerSubject subject, CancellationToken cancellationToken)
    {
        var outcome = (await sitoo.Users.UpdateAsync([new SitooUserWrite { UserId = userId, Email = email }], cancellationToken).ConfigureAwait(false))[0];
        if (!outcome.Succeeded)
        {
            throw new SyncProblemException(CustomerProblems.EmailChangeRejected(subject, userId, email, outcome.StatusCode, outcome.ErrorText));
        }
    }

    private async Task<List<SitooUserRecord>> FindCandidatesAsync(ShopwareCustomerRecord customer, CancellationToken cancellationToken)
    {
        if (normalizer.NormalizeEmail(customer.Email) is { } email)
        {
            return await FindByEmailAsync(email, customer.Email, cancellationToken).ConfigureAwait(false) is { } user ? [user] : [];
        }

        // Without a usable e-mail a till user may still be found by mobile; the matcher decides on the phone.
        if (normalizer.NormalizePhone(customer.Phone) is not { } phone)
        {
            return [];
        }

        var users = new List<SitooUserRecord>();
        await foreach (var user in sitoo.Users.ListByMobileAsync(phone, cancellationToken).ConfigureAwait(false))
        {
            users.Add(CustomerMapper.ToRecord(user));
        }

        return users;
    }

    /// <summary>
    /// The user with the address in any of the forms Sitoo may hold it in: as normalized (ASCII domain), with the domain in
    /// Unicode (as typed at a till), and as the customer typed it (Sitoo's search may compare case-sensitively).
    /// </summary>
    private async Task<SitooUserRecord?> FindByEmailAsync(string normalized, string? asTyped, CancellationToken cancellationToken)
    {
        foreach (var form in EmailLookupForms.Of(normalized, asTyped))
        {
            if (await sitoo.Users.FindByEmailAsync(form, cancellationToken).ConfigureAwait(false) is { } user
                && normalizer.NormalizeEmail(user.Email) == normalized)
            {
                return CustomerMapper.ToRecord(user);
            }
        }

        return null;
    }

}
