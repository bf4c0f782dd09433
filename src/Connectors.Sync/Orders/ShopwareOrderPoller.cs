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
        if (CursorTime(cursor) is not { } since || goLive is null)
        {
            goLive ??= await baseline.TakeAsync(store, mode == StockMode.Projection, cancellationToken).ConfigureAwait(false);
            var start = settings.BackfillFrom is { } from ? Instant.FromDateTimeOffset(from) : goLive.Value;
            await store.Cursors.AdvanceAsync(CursorName, CursorPosition.FromText(CursorPattern.Format(start)), cancellationToken).ConfigureAwait(false);
            return new PollResult(0, MoreAvailable: true);
        }

        var firstOrder = FirstExported(goLive.Value);
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
    /// ones by <c>updatedAt</c>, each read by keyset (<see cref="OrderKeysetScan"/>).
    /// </summary>
    private async Task<List<ShopwareOrder>> ReadChangedAsync(Instant since, CancellationToken cancellationToken)
    {
        var from = since - Duration.FromTimeSpan(settings.PollOverlap);
        var orders = new Dictionary<string, ShopwareOrder>(StringComparer.Ordinal);
        var neverUpdated = OrderKeysetScan.ReadAsync(
            shopware, () => InChannels(ShopwareOrderReader.Details()).Filter(ShopwareFilter.EqualTo("updatedAt", (string?)null)), "createdAt", order => order.CreatedAt, from, settings.PollPageSize, cancellationToken);
        await foreach (var order in neverUpdated.ConfigureAwait(false))
        {
            orders[order.Id] = order;
        }

        var updated = OrderKeysetScan.ReadAsync(
            shopware, () => InChannels(ShopwareOrderReader.Details()), "updatedAt", order => order.UpdatedAt, from, settings.PollPageSize, cancellationToken);
        await foreach (var order in updated.ConfigureAwait(false))
        {
            orders[order.Id] = order;
        }

        return [.. orders.Values];
    }

    /// <summary>Limits a search to the configured sales channels, when some are.</summary>
    internal ShopwareCriteria InChannels(ShopwareCriteria criteria) =>
        settings.SalesChannelIds.Count > 0 ? criteria.Filter(ShopwareFilter.EqualsAny("salesChannelId", settings.SalesChannelIds)) : criteria;

    /// <returns>Whether a new work item was queued.</returns>
    private static async Task<bool> QueueAsync(IUnitOfWork unit, ShopwareOrder order, CancellationToken cancellationToken)
    {
        if (ShopwareOrderReader.IsCancelled(order)
            && await unit.WorkItems.FindAsync(OrderWork.ExportKey(order.Id), cancellationToken).ConfigureAwait(false) is { } export)
        {
            return await unit.WorkItems.EnqueueAsync(OrderWork.Cancel(order.Id, export), cancellationToken).ConfigureAwait(false);
        }

        // A new order, or one cancelled before it was ever queued: the export finds it cancelled and releases its demand.
        return await unit.WorkItems.EnqueueAsync(OrderWork.Export(order.Id, order.OrderCustomer?.Email), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>When the first exported order may have been placed: the backfill start, else go-live.</summary>
    internal Instant FirstExported(Instant goLive) => settings.BackfillFrom is { } backfill ? Instant.FromDateTimeOffset(backfill) : goLive;

    /// <summary>The time the cursor stands at, or <see langword="null"/> before the first poll.</summary>
    internal static Instant? CursorTime(Cursor? cursor) =>
        cursor?.Position.Text is { } text ? CursorPattern.Parse(text).Value : null;

    /// <summary>When the order was placed: orders placed before go-live (or the backfill start) are never exported.</summary>
    internal static Instant PlacedAt(ShopwareOrder order) =>
        order.OrderDateTime ?? order.CreatedAt ?? NodaConstants.UnixEpoch;

    /// <summary>The value of the order on the cursor's scale.</summary>
    internal static Instant ChangedAt(ShopwareOrder order) =>
        order.UpdatedAt ?? order.CreatedAt ?? order.OrderDateTime ?? NodaConstants.UnixEpoch;
}
