using Connectors.Shopware;
using Connectors.Sync.Engine;
using Connectors.Sync.Orders;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Customers;

/// <summary>Carries a changed account's e-mail to its linked Sitoo user (see <see cref="SitooCustomerResolver.FollowAccountAsync"/>).</summary>
internal sealed class AccountChangeHandler(IConnectorStore store, IShopwareAdminClient shopware, SitooCustomerResolver customers) : IWorkHandler
{
    /// <summary>The work item kind; the payload is the Shopware customer id.</summary>
    public const string WorkKind = "customers.follow-account";

    public string Kind => WorkKind;

    /// <summary>The work item that follows one change of an account; an account's changes are followed in order.</summary>
    public static NewWorkItem Follow(string accountId, Instant updatedAt) =>
        new(AccountChangePoller.Key(accountId, updatedAt), WorkKind, WorkLane.Orders, accountId, OrderingKey: "shopware-customer:" + accountId);

    public Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken) =>
        EachItem.HandleAsync(items, settle, item => FollowAsync(item, cancellationToken), item => new EntityReference("shopware.customer", item.Payload), cancellationToken);

    private async Task FollowAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var found = await shopware.Customers.SearchAsync(new ShopwareCriteria().Ids(item.Payload), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (found.Items is [var account, ..])
        {
            await customers.FollowAccountAsync(account, cancellationToken).ConfigureAwait(false);
        }

        await store.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
    }
}
