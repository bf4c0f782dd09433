using System.Collections.Concurrent;
using Connectors.Core.Inventory;
using Connectors.Sitoo;
using Connectors.Sitoo.Events;
using Connectors.Sync.State;

namespace Connectors.Sync.Stock;

/// <summary>
/// Tells which Sitoo sale transactions deliver an exported online order: a transaction names only its
/// <c>orderdeliveryid</c>. The <c>order-delivery</c> events waiting in the inbox name each delivery's order, so a delivery
/// they announce is told without a call (ADR 0006). Only a delivery no waiting event names makes the deliveries of the
/// open web orders holding its SKUs be read; a delivery found to be no web order's is remembered as such.
/// </summary>
internal sealed class WebOrderDeliveries(ISitooClient sitoo, StockTopology topology)
{
    // POS receipts are deliveries too; they never become web orders', so they are remembered (bounded) and not asked about again.
    private const int MaxRemembered = 100_000;
    private const int InboxBatch = 500;
    private readonly ConcurrentDictionary<long, string?> _orderOfDelivery = new();
    private readonly ConcurrentDictionary<long, long> _sitooOrderOfDelivery = new();

    /// <summary>The Shopware order numbers of the web orders delivered by <paramref name="transactions"/>, by delivery id.</summary>
    public async Task<IReadOnlyDictionary<long, string>> FindAsync(
        IStateSession session, IReadOnlyList<WarehouseTransaction> transactions, CancellationToken cancellationToken)
    {
        var deliveries = transactions
            .Where(t => t.Type == WarehouseTransactionType.Sale && t.OrderDeliveryId is not null)
            .ToList();
        var unknown = deliveries.Where(t => !_orderOfDelivery.ContainsKey(t.OrderDeliveryId!.Value)).ToList();
        if (unknown.Count > 0)
        {
            var skus = unknown.SelectMany(t => t.Lines).Select(line => topology.Skus.ToShopware(line.Sku));
            var rows = await StockLedgerRows.LoadAsync(session, skus, cancellationToken).ConfigureAwait(false);
            await LearnFromEventsAsync(session, cancellationToken).ConfigureAwait(false);
            unknown = unknown.Where(t => !TellFromEvent(t, rows)).ToList();
            var candidates = unknown
                .SelectMany(t => t.Lines)
                .SelectMany(line => rows.WebOrders(topology.Skus.ToShopware(line.Sku)))
                .Where(hold => hold.Remaining > 0)
                .DistinctBy(hold => hold.OrderNumber)
                .ToList();
            foreach (var hold in candidates)
            {
                // A hold recorded before its Sitoo order was created names no order yet: find it by its external id.
                var orderId = hold.SitooOrderId != 0
                    ? hold.SitooOrderId
                    : (await sitoo.Orders.FindByExternalIdAsync(hold.OrderNumber, cancellationToken).ConfigureAwait(false))?.OrderId;
                if (orderId is null)
                {
                    continue;
                }

                foreach (var delivery in await sitoo.Orders.ListDeliveriesAsync(orderId.Value, cancellationToken).ConfigureAwait(false))
                {
                    _orderOfDelivery[delivery.OrderDeliveryId] = hold.OrderNumber;
                }
            }

            if (_orderOfDelivery.Count > MaxRemembered)
            {
                _orderOfDelivery.Clear();
            }

            if (_sitooOrderOfDelivery.Count > MaxRemembered)
            {
                _sitooOrderOfDelivery.Clear();
            }

            foreach (var transaction in unknown)
            {
                _orderOfDelivery.TryAdd(transaction.OrderDeliveryId!.Value, null);
            }
        }

        var found = new Dictionary<long, string>();
        foreach (var transaction in deliveries)
        {
            if (_orderOfDelivery.TryGetValue(transaction.OrderDeliveryId!.Value, out var orderNumber) && orderNumber is not null)
            {
                found[transaction.OrderDeliveryId.Value] = orderNumber;
            }
        }

        return found;
    }

    /// <summary>Remembers the order of each delivery the waiting <c>order-delivery</c> events announce.</summary>
    private async Task LearnFromEventsAsync(IStateSession session, CancellationToken cancellationToken)
    {
        foreach (var message in await session.Inbox.ListUnprocessedAsync(InboxBatch, cancellationToken).ConfigureAwait(false))
        {
            if (message.Source != InboxSources.Sitoo || message.EventType != SitooEventType.OrderDelivery.Value)
            {
                continue;
            }

            IReadOnlyList<SitooEvent> events;
            try
            {
                events = SitooEventParser.Parse(message.Body.Span);
            }
            catch (FormatException)
            {
                // The engine reports unreadable deliveries; the delivery listing below still finds the order.
                continue;
            }

            foreach (var sitooEvent in events)
            {
                if (sitooEvent.TryGetOrderDeliveryData(out var data) && data is { OrderDeliveryId: { } delivery, OrderId: { } order })
                {
                    _sitooOrderOfDelivery[delivery] = order;
                }
            }
        }
    }

    /// <summary>
    /// Tells a delivery's web order from the order its event named: the open hold of that Sitoo order, or none. A hold
    /// recorded before its Sitoo order was created names no order id yet, so while one is open the event cannot rule
    /// the web orders out and the delivery is left to the listing.
    /// </summary>
    /// <returns>Whether the delivery was told.</returns>
    private bool TellFromEvent(WarehouseTransaction transaction, StockLedgerRows rows)
    {
        var delivery = transaction.OrderDeliveryId!.Value;
        if (!_sitooOrderOfDelivery.TryGetValue(delivery, out var sitooOrderId))
        {
            return false;
        }

        var holds = transaction.Lines
            .SelectMany(line => rows.WebOrders(topology.Skus.ToShopware(line.Sku)))
            .Where(hold => hold.Remaining > 0)
            .ToList();
        if (holds.Find(hold => hold.SitooOrderId == sitooOrderId) is { } delivered)
        {
            _orderOfDelivery[delivery] = delivered.OrderNumber;
            return true;
        }

        if (holds.Exists(hold => hold.SitooOrderId == 0))
        {
            return false;
        }

        _orderOfDelivery[delivery] = null;
        return true;
    }
}
