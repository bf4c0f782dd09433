using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using Connectors.Core.Inventory;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Sync.Orders;

/// <summary>
/// Reads Shopware orders changed since the cursor (<c>updatedAt</c>, or <c>createdAt</c> for orders never updated)
/// minus an overlap window, and queues what each needs: its export when new, its cancellation when it was cancelled
/// after export. Work items and cursor commit together. At go-live (no cursor yet) it takes the sales baseline and starts
/// at that moment, or at <see cref="OrderSyncSettings.BackfillFrom"/>: orders placed before are not exported.
/// </summary>
internal sealed class ShopwareOrderPoller(
    IConnectorStore store,
    IShopwareAdminClient shopware,
    OrderSyncSettings settings,
    SalesBaseline baseline,
    StockMode mode,
    EngineTelemetry telemetry) : ISourcePoller
{
    /// <summary>The cursor: the latest change time of the orders read.</summary>
    public const string CursorName = "shopware:orders:updated-at";

    // Fixed width, so the ordinal order of the text is the order of the instants.
    private static readonly InstantPattern CursorPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'");

    public string Name => "shopware.orders";

    /// <summary>Order events such as <c>checkout.order.placed</c>, <c>order.written</c> or <c>state_enter.order.state.cancelled</c>.</summary>
    public string InboxSource => InboxSources.Shopware;

    public bool WakesOn(InboxMessage delivery) =>
        delivery.Source == InboxSources.Shopware
        && (delivery.EventType.StartsWith("checkout.order.", StringComparison.Ordinal)
            || delivery.EventType.StartsWith("order.", StringComparison.Ordinal)
            || delivery.EventType.StartsWith("order_", StringComparison.Ordinal)
            || delivery.EventType.StartsWith("state_enter.order", StringComparison.Ordinal));

    public WorkLane Lane => WorkLane.Orders;

    public async Task<PollResult> PollAsync(CancellationToken cancellationToken)
    {
        if (!settings.Export)
        {
            return default;
        }

        using var activity = EngineTelemetry.Activities.StartActivity("orders.poll-shopware");
        var cursor = await store.Cursors.GetAsync(CursorName, cancellationToken).ConfigureAwait(false);
        var goLive = await SalesBaseline.TakenAtAsync(store, cancellationToken).ConfigureAwait(false);
        if (cursor?.Position.Text is not { } text || goLive is null)
        {
            goLive ??= await baseline.TakeAsync(store, mode == StockMode.Projection, cancellationToken).ConfigureAwait(false);
            var start = settings.BackfillFrom is { } from ? Instant.FromDateTimeOffset(from) : goLive.Value;
            await store.Cursors.AdvanceAsync(CursorName, CursorPosition.FromText(CursorPattern.Format(start)), cancellationToken).ConfigureAwait(false);
            return new PollResult(0, MoreAvailable: true);
        }

        var since = CursorPattern.Parse(text).Value;
        var firstOrder = settings.BackfillFrom is { } backfill ? Instant.FromDateTimeOffset(backfill) : goLive.Value;
        var orders = (await ReadChangedAsync(since, cancellationToken).ConfigureAwait(false))
            .Where(order => PlacedAt(order) >= firstOrder)
            .ToList();
        if (orders.Count == 0)
        {
            return default;
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var queued = 0;
        foreach (var order in orders)
        {
            queued += await QueueAsync(unit, order, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var latest = orders.Select(ChangedAt).Max();
        await unit.Cursors.AdvanceAsync(CursorName, CursorPosition.FromText(CursorPattern.Format(latest)), cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        telemetry.FactsApplied("orders", queued);
        activity?.SetTag("queued", queued);
        return new PollResult(queued, MoreAvailable: false);
    }

    /// <summary>
    /// The orders changed since <paramref name="since"/> less the overlap: never-updated ones by <c>createdAt</c>, updated
    /// ones by <c>updatedAt</c>. Both are read by keyset (the last value read, and the ids read at exactly that value),
    /// never by offset: an order that changes during the scan moves to the end of the sort, and with offset paging it
    /// would push another order out of the page being read.
    /// </summary>
    private async Task<List<ShopwareOrder>> ReadChangedAsync(Instant since, CancellationToken cancellationToken)
    {
        var from = (since - Duration.FromTimeSpan(settings.PollOverlap)).ToDateTimeOffset();
        var orders = new Dictionary<string, ShopwareOrder>(StringComparer.Ordinal);
        await ReadByKeysetAsync("createdAt", order => order.CreatedAt, from, neverUpdated: true, orders, cancellationToken).ConfigureAwait(false);
        await ReadByKeysetAsync("updatedAt", order => order.UpdatedAt, from, neverUpdated: false, orders, cancellationToken).ConfigureAwait(false);
        return [.. orders.Values];
    }

    private async Task ReadByKeysetAsync(
        string field, Func<ShopwareOrder, DateTimeOffset?> valueOf, DateTimeOffset from, bool neverUpdated, Dictionary<string, ShopwareOrder> into, CancellationToken cancellationToken)
    {
        var at = from;
        var readAt = new List<string>();
        while (true)
        {
            var criteria = ShopwareOrderReader.Details().Sort(field).Sort("id").Limit(settings.PollPageSize)
                .Filter(ShopwareFilter.Range(field, gte: at));
            if (neverUpdated)
            {
                criteria.Filter(ShopwareFilter.EqualTo("updatedAt", (string?)null));
            }

            if (readAt.Count > 0)
            {
                criteria.Filter(ShopwareFilter.Not(ShopwareFilter.EqualsAny("id", readAt)));
            }

            if (settings.SalesChannelIds.Count > 0)
            {
                criteria.Filter(ShopwareFilter.EqualsAny("salesChannelId", settings.SalesChannelIds));
            }

            var page = await shopware.Orders.SearchAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var order in page.Items)
            {
                into[order.Id] = order;
                var value = valueOf(order) ?? at;
                if (value > at)
                {
                    at = value;
                    readAt.Clear();
                }

                readAt.Add(order.Id);
            }

            if (page.Items.Count < settings.PollPageSize)
            {
                return;
            }
        }
    }

    /// <returns>Whether a new work item was queued.</returns>
    private static async Task<bool> QueueAsync(IUnitOfWork unit, ShopwareOrder order, CancellationToken cancellationToken)
    {
        if (ShopwareOrderReader.IsCancelled(order)
            && await unit.WorkItems.FindAsync(OrderWork.ExportKey(order.Id), cancellationToken).ConfigureAwait(false) is not null)
        {
            return await unit.WorkItems.EnqueueAsync(OrderWork.Cancel(order.Id), cancellationToken).ConfigureAwait(false);
        }

        // A new order, or one cancelled before it was ever queued: the export finds it cancelled and releases its demand.
        return await unit.WorkItems.EnqueueAsync(OrderWork.Export(order.Id), cancellationToken).ConfigureAwait(false);
    }

    private static Instant PlacedAt(ShopwareOrder order) =>
        Instant.FromDateTimeOffset(order.OrderDateTime ?? order.CreatedAt ?? DateTimeOffset.UnixEpoch);

    private static Instant ChangedAt(ShopwareOrder order) =>
        Instant.FromDateTimeOffset(order.UpdatedAt ?? order.CreatedAt ?? order.OrderDateTime ?? DateTimeOffset.UnixEpoch);
}
