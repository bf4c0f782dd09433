using Connectors.Core.Customers;
using Connectors.Core.Identity;
using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Customers;

/// <summary>
/// Makes people signed up at a till Shopware customers (<see cref="CustomerSyncSettings.CreateInShopware"/>): every
/// Sitoo user not linked yet is looked up in Shopware first (<see cref="ICustomerMatcher.MatchInShopware"/>) and linked
/// to the account it matches, or created once (a deterministic id from the Sitoo user, so a retried create hits the
/// same row). Users the web shop created are linked already and skipped. What cannot be decided goes to retail.
/// </summary>
internal sealed class TillSignUpScan(
    IConnectorStore store,
    ISitooClient sitoo,
    IShopwareAdminClient shopware,
    ICustomerMatcher matcher,
    IContactNormalizer normalizer,
    CustomerSyncSettings settings,
    StockIntakeSettings sitooSite) : IScheduledJob
{
    /// <summary>The work item kind of a scan.</summary>
    public const string WorkKind = "customers.till-sign-ups";

    public string Kind => WorkKind;

    public Duration Interval => settings.CreateInShopware ? Duration.FromTimeSpan(settings.SignUpScanEvery) : Duration.Zero;

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        await foreach (var user in sitoo.Users.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrEmpty(user.UserId)
                || await store.Links.FindBySitooIdAsync(LinkedEntityType.Customer, user.UserId, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            try
            {
                await CarryAsync(CustomerMapper.ToRecord(user), user, cancellationToken).ConfigureAwait(false);
            }
            catch (SyncProblemException problem)
            {
                await store.Exceptions.RecordAsync(problem.Report, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var item in items)
        {
            await store.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CarryAsync(SitooUserRecord user, SitooUser raw, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(user, cancellationToken).ConfigureAwait(false);
        switch (matcher.MatchInShopware(user, candidates))
        {
            case CustomerMatch.Matched matched:
                await LinkAsync(matched.Id, user, matched.SetSitooExternalId, cancellationToken).ConfigureAwait(false);
                break;
            case CustomerMatch.Create create:
                var id = ShopwareIds.FromKey(IdempotencyKey.SitooUser(sitooSite.Account, user.UserId).Append("shopware-customer"));
                if (candidates.All(candidate => candidate.Id != id))
                {
                    await CreateAsync(id, create.Customer, raw, cancellationToken).ConfigureAwait(false);
                }

                await LinkAsync(id, user, settings.CreateAsGuest ? null : id, cancellationToken).ConfigureAwait(false);
                break;
            case CustomerMatch.Conflict conflict:
                throw new SyncProblemException(new ExceptionReport(
                    ReasonCodes.CustomerConflict,
                    OwningTeam.Retail,
                    new EntityReference("sitoo.user", user.UserId),
                    $"The till customer {user.Email ?? user.Mobile} (Sitoo user {user.UserId}) cannot be matched to one Shopware customer: {conflict.Rule}.",
                    "Decide which Shopware account is the person (or correct the user's e-mail in Sitoo), then resolve; the next scan tries again.",
                    "Candidates: " + string.Join(", ", conflict.CandidateIds)));
        }
    }

    private async Task<List<ShopwareCustomerRecord>> CandidatesAsync(SitooUserRecord user, CancellationToken cancellationToken)
    {
        if (normalizer.NormalizeEmail(user.Email) is not { } email)
        {
            return [];
        }

        var criteria = new ShopwareCriteria().Filter(ShopwareFilter.EqualsAny("email", Orders.EmailLookupForms.Of(email, user.Email))).Limit(50);
        var found = await shopware.Customers.SearchAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. found.Items.Select(customer => CustomerMapper.ToRecord(customer))];
    }

    private async Task CreateAsync(string id, NewCustomer customer, SitooUser raw, CancellationToken cancellationToken)
    {
        var customerNumber = await shopware.Customers.ReserveCustomerNumberAsync(settings.SalesChannelId!, cancellationToken).ConfigureAwait(false);
        ShopwareCustomerDraft draft;
        try
        {
            draft = ShopwareCustomerDraftMapper.ToDraft(
                customer,
                id,
                customerNumber,
                new ShopwareCustomerAddress(raw.Address, raw.Zip, raw.City, null),
                new ShopwareCustomerSettings(settings.GroupId!, settings.SalesChannelId!, settings.LanguageId, settings.CountryId!) { CreateAsGuest = settings.CreateAsGuest });
        }
        catch (MappingException incomplete)
        {
            throw new SyncProblemException(new ExceptionReport(
                ReasonCodes.CustomerConflict,
                OwningTeam.Retail,
                new EntityReference("sitoo.user", raw.UserId),
                $"The till customer {customer.Email} (Sitoo user {raw.UserId}) cannot become a Shopware customer: {incomplete.Message}",
                "Add the missing details to the user in Sitoo (Shopware needs a name and an address for every customer); the next scan tries again."));
        }

        await shopware.Customers.CreateAsync(draft, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task LinkAsync(string shopwareId, SitooUserRecord user, string? setExternalId, CancellationToken cancellationToken)
    {
        if (setExternalId is not null && string.IsNullOrEmpty(user.ExternalId))
        {
            await sitoo.Users.UpdateAsync([new SitooUserWrite { UserId = user.UserId, ExternalId = setExternalId }], cancellationToken).ConfigureAwait(false);
        }

        if (await store.Links.LinkAsync(new EntityLink(LinkedEntityType.Customer, shopwareId, user.UserId), cancellationToken).ConfigureAwait(false) == LinkResult.Conflict)
        {
            throw new SyncProblemException(new ExceptionReport(
                ReasonCodes.CustomerConflict,
                OwningTeam.Retail,
                new EntityReference("sitoo.user", user.UserId),
                $"The till customer {user.Email} (Sitoo user {user.UserId}) matches Shopware customer {shopwareId}, which is linked to another Sitoo user.",
                "If both Sitoo users are the same person, merge them in Sitoo, then resolve.",
                "Candidates: " + shopwareId));
        }
    }
}
