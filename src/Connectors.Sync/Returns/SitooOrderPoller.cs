using System.Globalization;
using Connectors.Core.Identity;
using Connectors.Sitoo;
using Connectors.Sitoo.Events;
using Connectors.Sitoo.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.State;
using Connectors.Sync.Stock;

namespace Connectors.Sync.Returns;

/// <summary>
/// Reads Sitoo orders by <c>orderid</c> cursor, as outlines (ADR 0006): each store return queues its Shopware refund, each web order joins
/// the open web orders whose pickup or delivery is carried to Shopware; the work items, the list and the cursor
/// commit together. <c>order</c> and <c>order-delivery</c> events wake it, and an event about an open web order
/// queues that order's status check.
/// </summary>
internal sealed class SitooOrderPoller(
    IConnectorStore store,
    ISitooClient sitoo,
    StockIntakeSettings sitooSite,
    ReturnSyncSettings settings,
    EngineTelemetry telemetry) : ISourcePoller
{
    private const int InboxBatch = 500;
    private const string OriginalOrderKey = "pos-originalsales-orderid";

    /// <summary>Pages read per poll, so a catch-up over many POS receipts never holds a pass up for long.</summary>
    private const int MaxPagesPerPoll = 1;

    /// <summary>The cursor: the highest Sitoo order id read, per Sitoo account and site.</summary>
    public string CursorName { get; } = FormattableString.Invariant($"sitoo:{sitooSite.Account}:{sitooSite.EshopId}:orders");

    public string Name => "sitoo.orders";

    public string InboxSource => InboxSources.Sitoo;

    public bool WakesOn(InboxMessage delivery) => delivery.Source == InboxSources.Sitoo && IsOrderEvent(delivery.EventType);

    public WorkLane Lane => WorkLane.Orders;

    public async Task<PollResult> PollAsync(CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("returns.poll-orders");
        var facts = 0;
        var more = false;
        for (var pages = 0; pages < MaxPagesPerPoll; pages++)
        {
            var cursor = (await store.Cursors.GetAsync(CursorName, cancellationToken).ConfigureAwait(false))?.Position.Number ?? 0;
            var (page, unreadable) = await ReadPageAsync(cursor, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0 && unreadable.Count == 0)
            {
                break;
            }

            facts += await ApplyAsync(page, unreadable, cancellationToken).ConfigureAwait(false);
            more = page.Count + unreadable.Count >= settings.OrderPageSize;
            if (!more)
            {
                break;
            }
        }

        facts += await QueueStatusChecksAsync(cancellationToken).ConfigureAwait(false);
        activity?.SetTag("facts", facts);
        telemetry.FactsApplied("returns", facts);
        return new PollResult(facts, more);
    }

    /// <summary>Whether a Sitoo order is a return of an earlier order: returned goods and a pointer to the original.</summary>
    public static bool IsReturn(SitooOrder order) =>
        (order.OrderItems ?? []).Any(item => item.Quantity < 0) && PointsAtOriginal(order);

    /// <summary>The work item key of the refund a Sitoo return causes.</summary>
    public static string RefundKey(StockIntakeSettings site, long returnOrderId) =>
        IdempotencyKey.SitooOrder(site.Account, site.EshopId, returnOrderId).Append("refund").Value;

    /// <summary>The refund a Sitoo return causes, ordered after the other work of the order it returns.</summary>
    public static NewWorkItem RefundWork(StockIntakeSettings site, SitooOrder returnOrder)
    {
        var original = OriginalOrderId(returnOrder);
        return new NewWorkItem(
            RefundKey(site, returnOrder.OrderId),
            ReturnRefundHandler.WorkKind,
            WorkLane.Orders,
            returnOrder.OrderId.ToString(CultureInfo.InvariantCulture),
            OrderingKey: original is { } id ? "sitoo-order:" + id.ToString(CultureInfo.InvariantCulture) : null);
    }

    private static bool IsOrderEvent(string eventType) =>
        eventType == SitooEventType.Order.Value || eventType == SitooEventType.OrderDelivery.Value;

    private static bool IsWebOrder(SitooOrder order) =>
        !string.IsNullOrWhiteSpace(order.ExternalId)
        && order.OrderState != SitooOrderState.Cancelled
        && !(order.OrderItems ?? []).Any(item => item.Quantity < 0);

    /// <summary>A page of orders after the cursor, read as outlines (no lines, payments or addresses: a POS receipt
    /// costs a few bytes); only an outline that points at an original order, a possible return, is read in full. An
    /// order Sitoo lists but the client cannot read is kept aside with its raw JSON, so it neither fails the page nor
    /// stalls the cursor.</summary>
    private async Task<(List<SitooOrder> Orders, List<SitooUnreadableItem> Unreadable)> ReadPageAsync(long cursor, CancellationToken cancellationToken)
    {
        var page = new List<SitooOrder>();
        var unreadable = new List<SitooUnreadableItem>();
        await foreach (var outline in sitoo.Orders.ListOutlinesFromAsync(cursor + 1, unreadable.Add, cancellationToken).ConfigureAwait(false))
        {
            page.Add(outline);
            if (page.Count + unreadable.Count >= settings.OrderPageSize)
            {
                break;
            }
        }

        for (var i = 0; i < page.Count; i++)
        {
            if (PointsAtOriginal(page[i]))
            {
                page[i] = await sitoo.Orders.GetAsync(page[i].OrderId, cancellationToken).ConfigureAwait(false);
            }
        }

        return (page, unreadable);
    }

    /// <summary>Whether an order names an original order: the part of <see cref="IsReturn"/> an outline can answer.</summary>
    private static bool PointsAtOriginal(SitooOrder order) =>
        order.CreditOrderId is not null || (order.AdditionalData?.ContainsKey(OriginalOrderKey) ?? false);

    private async Task<int> ApplyAsync(List<SitooOrder> page, List<SitooUnreadableItem> unreadable, CancellationToken cancellationToken)
    {
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var facts = 0;
        var open = await OpenWebOrders.LoadAsync(unit, cancellationToken).ConfigureAwait(false);
        var openBefore = open.Count;
        foreach (var order in page)
        {
            if (IsReturn(order))
            {
                facts += await unit.WorkItems.EnqueueAsync(RefundWork(sitooSite, order), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
            else if (IsWebOrder(order))
            {
                // Also when already closed: a pickup before the first poll must still reach Shopware once.
                open.Add(order.OrderId);
            }
        }

        if (open.Count != openBefore)
        {
            facts += open.Count - openBefore;
            await OpenWebOrders.SaveAsync(unit, open, cancellationToken).ConfigureAwait(false);
        }

        var problems = unreadable.Select(SitooRecordProblems.UnreadableOrder).ToList();
        foreach (var problem in problems)
        {
            await unit.Exceptions.RecordAsync(problem, cancellationToken).ConfigureAwait(false);
        }

        // The cursor moves past unreadable orders too: they are on the exception list, not in the way of the next page.
        var highest = Math.Max(page.Count == 0 ? 0 : page.Max(o => o.OrderId), unreadable.Max(u => u.Id) ?? 0);
        await unit.Cursors.AdvanceAsync(CursorName, CursorPosition.FromNumber(highest), cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var problem in problems)
        {
            telemetry.ExceptionRecorded(problem.ReasonCode);
        }

        return facts;
    }

    /// <summary>Queues a status check for each unprocessed Sitoo order event about an open web order.</summary>
    private async Task<int> QueueStatusChecksAsync(CancellationToken cancellationToken)
    {
        var deliveries = (await store.Inbox.ListUnprocessedAsync(InboxBatch, cancellationToken).ConfigureAwait(false))
            .Where(WakesOn)
            .ToList();
        if (deliveries.Count == 0)
        {
            return 0;
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var open = await OpenWebOrders.LoadAsync(unit, cancellationToken).ConfigureAwait(false);
        var queued = 0;
        foreach (var delivery in deliveries)
        {
            foreach (var orderId in AnnouncedOrders(delivery).Where(open.Contains))
            {
                var key = IdempotencyKey.SitooOrder(sitooSite.Account, sitooSite.EshopId, orderId).Append("status", delivery.EventId).Value;
                var item = new NewWorkItem(
                    key, WebOrderStatusHandler.WorkKind, WorkLane.Orders, orderId.ToString(CultureInfo.InvariantCulture), OrderingKey: "sitoo-order:" + orderId.ToString(CultureInfo.InvariantCulture));
                queued += await unit.WorkItems.EnqueueAsync(item, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        return queued;
    }

    private static IEnumerable<long> AnnouncedOrders(InboxMessage delivery)
    {
        IReadOnlyList<SitooEvent> events;
        try
        {
            events = SitooEventParser.Parse(delivery.Body.Span);
        }
        catch (FormatException)
        {
            // The engine reports unreadable deliveries; the status check backstop still sees the order.
            yield break;
        }

        foreach (var sitooEvent in events)
        {
            if (sitooEvent.TryGetOrderDeliveryData(out var deliveryData) && deliveryData.OrderId is { } deliveredOrder)
            {
                yield return deliveredOrder;
            }
            else if (sitooEvent.TryGetOrderData(out var orderData))
            {
                yield return orderData.OrderId;
            }
        }
    }

    /// <summary>The original order as the Core reads it: <c>creditorderid</c>, else the POS's <c>additionaldata</c> key.</summary>
    private static long? OriginalOrderId(SitooOrder order) =>
        new Core.Returns.SitooReturnSnapshot(order.OrderId, order.CreditOrderId, [])
        {
            AdditionalData = order.AdditionalData ?? new Dictionary<string, string>(),
        }.OriginalOrderId;
}
