using System.Globalization;
using Connectors.Core.Identity;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Sync.Customers;

/// <summary>
/// Reads registered Shopware accounts changed since the cursor (<c>updatedAt</c> minus the overlap window) and queues,
/// for each account linked to a Sitoo user, a check that its user follows the account's e-mail. Without it a changed
/// address reached Sitoo only with the account's next order, and a guest checkout or a till sign-up with the new
/// address in between made a second user. Starts at go-live: accounts changed before have nothing to follow.
/// </summary>
internal sealed class AccountChangePoller(IConnectorStore store, IShopwareAdminClient shopware, OrderSyncSettings settings, IClock clock) : ISourcePoller
{
    /// <summary>The cursor: the latest change time of the accounts read.</summary>
    public const string CursorName = "shopware:customers:updated-at";

    // Fixed width, so the ordinal order of the text is the order of the instants.
    private static readonly InstantPattern CursorPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'");

    public string Name => "shopware.customers";

    /// <summary>Customer events such as <c>customer.written</c>.</summary>
    public string InboxSource => InboxSources.Shopware;

    public bool WakesOn(InboxMessage delivery) =>
        delivery.Source == InboxSources.Shopware && delivery.EventType.StartsWith("customer.", StringComparison.Ordinal);

    public WorkLane Lane => WorkLane.Orders;

    public async Task<PollResult> PollAsync(CancellationToken cancellationToken)
    {
        if (!settings.Export)
        {
            return default;
        }

        var cursor = await store.Cursors.GetAsync(CursorName, cancellationToken).ConfigureAwait(false);
        if (cursor?.Position.Text is not { } text)
        {
            await store.Cursors.AdvanceAsync(CursorName, CursorPosition.FromText(CursorPattern.Format(clock.GetCurrentInstant())), cancellationToken).ConfigureAwait(false);
            return default;
        }

        var criteria = new ShopwareCriteria()
            .Filter(ShopwareFilter.EqualTo("guest", false))
            .Filter(ShopwareFilter.Range("updatedAt", gte: (CursorPattern.Parse(text).Value - Duration.FromTimeSpan(settings.PollOverlap))))
            .Sort("updatedAt")
            .Sort("id");
        var changed = new List<ShopwareCustomer>();
        await foreach (var account in shopware.Customers.SearchAllAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            changed.Add(account);
        }

        if (changed.Count == 0)
        {
            return default;
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var queued = 0;
        foreach (var account in changed)
        {
            if (account.UpdatedAt is { } updatedAt
                && await unit.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, account.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                queued += await unit.WorkItems.EnqueueAsync(AccountChangeHandler.Follow(account.Id, updatedAt), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        var latest = changed.Select(account => account.UpdatedAt ?? account.CreatedAt ?? NodaConstants.UnixEpoch).Max();
        await unit.Cursors.AdvanceAsync(CursorName, CursorPosition.FromText(CursorPattern.Format(latest)), cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PollResult(queued, MoreAvailable: false);
    }

    /// <summary>The idempotency key of following one change of an account.</summary>
    internal static string Key(string accountId, Instant updatedAt) =>
        // Ticks since 0001-01-01, as the keys already stored were written.
        IdempotencyKey.ShopwareCustomer(accountId).Append("changed", updatedAt.ToDateTimeOffset().UtcTicks.ToString(CultureInfo.InvariantCulture)).Value;
}
