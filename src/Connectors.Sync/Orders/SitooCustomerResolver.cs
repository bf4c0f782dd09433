using Connectors.Core.Customers;
using Connectors.Shopware.Models;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;

namespace Connectors.Sync.Orders;

/// <summary>
/// Finds the Sitoo user of an order's customer, or creates it once per person: guests included, never a shared cash
/// customer. Lookup before create by normalized e-mail (Sitoo keeps user e-mails unique), so a create retried after a
/// crash finds the user it made. A registered customer already linked skips the lookup.
/// </summary>
internal sealed class SitooCustomerResolver(IConnectorStore store, ISitooClient sitoo, ICustomerMatcher matcher, IContactNormalizer normalizer)
{
    /// <exception cref="Engine.SyncProblemException">The customer matches no single user, or Sitoo refuses the new user.</exception>
    public async Task<SitooUserRecord> ResolveAsync(ShopwareOrder order, string orderNumber, CancellationToken cancellationToken)
    {
        var orderCustomer = order.OrderCustomer ?? throw OrderProblems.Unmappable(
            orderNumber, new MappingException($"Shopware order {orderNumber}", "orderCustomer", null, "the association was not loaded"));
        var customer = CustomerMapper.ToRecord(orderCustomer);
        if (!customer.IsGuest
            && await store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, customer.Id, cancellationToken).ConfigureAwait(false) is { } link)
        {
            return new SitooUserRecord(link.SitooId, null);
        }

        var candidates = await FindCandidatesAsync(customer, cancellationToken).ConfigureAwait(false);
        switch (matcher.MatchInSitoo(customer, candidates))
        {
            case CustomerMatch.Matched matched:
                var user = candidates.First(candidate => candidate.UserId == matched.Id);
                if (matched.SetSitooExternalId is { } externalId)
                {
                    await sitoo.Users.UpdateAsync([new SitooUserWrite { UserId = user.UserId, ExternalId = externalId }], cancellationToken).ConfigureAwait(false);
                    user = user with { ExternalId = externalId };
                }

                return user;
            case CustomerMatch.Create create:
                return await CreateAsync(create.Customer, orderNumber, cancellationToken).ConfigureAwait(false);
            case CustomerMatch.Conflict conflict:
                throw OrderProblems.CustomerConflict(orderNumber, conflict);
            default:
                throw new InvalidOperationException("Unknown customer match.");
        }
    }

    private async Task<List<SitooUserRecord>> FindCandidatesAsync(ShopwareCustomerRecord customer, CancellationToken cancellationToken)
    {
        // The Sitoo API finds users by e-mail only; the matcher's phone rule applies when there is no usable e-mail,
        // and such a customer cannot become a Sitoo user anyway.
        if (normalizer.NormalizeEmail(customer.Email) is not { } email)
        {
            return [];
        }

        var user = await sitoo.Users.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        return user is null ? [] : [CustomerMapper.ToRecord(user)];
    }

    private async Task<SitooUserRecord> CreateAsync(NewCustomer customer, string orderNumber, CancellationToken cancellationToken)
    {
        var write = CustomerMapper.ToSitooUser(customer);
        var result = await sitoo.Users.AddAsync([write], cancellationToken).ConfigureAwait(false);
        var outcome = result[0];
        if (outcome.Succeeded && outcome.Id is { } userId)
        {
            return new SitooUserRecord(userId, write.Email) { NameFirst = write.NameFirst, NameLast = write.NameLast, ExternalId = write.ExternalId };
        }

        // Another worker may have created the person meanwhile: e-mails are unique, so look again before giving up.
        if (await sitoo.Users.FindByEmailAsync(write.Email!, cancellationToken).ConfigureAwait(false) is { } created)
        {
            return CustomerMapper.ToRecord(created);
        }

        throw OrderProblems.SitooUserRejected(orderNumber, write.Email!, outcome.StatusCode, outcome.ErrorText);
    }
}
