using System.Collections.Concurrent;
using Connectors.Core.Inventory;
using Connectors.Sitoo;
using Connectors.Sync.State;

namespace Connectors.Sync.Stock;

/// <summary>
/// Tells which Sitoo sale transactions deliver an exported online order: a transaction names only its
/// <c>orderdeliveryid</c>, so the deliveries of the open web orders holding its SKUs are read (once per order until a
/// new delivery appears) and a delivery found to be no web order's is remembered as such.
/// </summary>
internal sealed class WebOrderDeliveries(ISitooClient sitoo, StockTopology topology)
{
    // POS receipts are deliveries too; they never become web orders', so they are remembered (bounded) and not asked about again.
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<long, string?> _orderOfDelivery = new();

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
}
