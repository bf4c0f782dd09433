using Connectors.Core.Inventory;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Orders;

/// <summary>
/// What an exported online order does to the stock ledger. Its units are online demand from the moment Shopware takes
/// them off its stock (the <c>sales</c> counter shows them) until Sitoo delivers them; the export only records the
/// order's hold, so that its Sitoo reservation is not taken off the pool a second time and its delivery is recognised.
/// </summary>
/// <param name="stock">The topology (mode, SKU mapping).</param>
/// <param name="writes">Queues the stock writes of the products.</param>
/// <param name="clock">Tells when a change was made.</param>
internal sealed class OrderStockEffects(StockSyncOptions stock, StockWriteQueue writes, IClock clock)
{
    /// <summary>
    /// Records the exported order's hold on each product. An order placed before a product's counter was first read (at
    /// go-live, or a backfilled order) is inside that baseline, not in the demand the counter shows, so its units are
    /// added to it.
    /// </summary>
    public async Task HoldAsync(
        IStateSession session, ExportedOrder order, IReadOnlyDictionary<string, int> quantities, Instant placedAt, CancellationToken cancellationToken)
    {
        var rows = await StockLedgerRows.LoadAsync(session, quantities.Keys, cancellationToken).ConfigureAwait(false);
        var rewrite = new List<string>();
        foreach (var (productNumber, quantity) in quantities)
        {
            var hold = new WebOrderHold(order.OrderNumber, order.SitooOrderId, quantity, order.WarehouseId, order.ReservedUntil);
            await rows.SetWebOrderAsync(session, productNumber, order.OrderNumber, hold, cancellationToken).ConfigureAwait(false);
            if (stock.Topology.Mode == StockMode.Projection && rows.BaselineAt(productNumber) is { } baseline && placedAt <= baseline
                && rows.Sales(productNumber) is { } sales)
            {
                await rows.SetSalesAsync(session, productNumber, sales.Attribute(quantity), cancellationToken).ConfigureAwait(false);
                rewrite.Add(productNumber);
            }
        }

        await RewriteAsync(session, rows, rewrite, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the order's holds as being cancelled, before the cancel goes to Sitoo: from then on its reservation may be
    /// gone at any moment, so a reading no longer takes it as the connector's.
    /// </summary>
    public static async Task MarkCancellingAsync(IStateSession session, string orderNumber, IEnumerable<string> productNumbers, CancellationToken cancellationToken)
    {
        var rows = await StockLedgerRows.LoadAsync(session, productNumbers, cancellationToken).ConfigureAwait(false);
        foreach (var productNumber in productNumbers.Distinct(StringComparer.Ordinal))
        {
            if (rows.WebOrders(productNumber).FirstOrDefault(h => h.OrderNumber == orderNumber) is { } hold)
            {
                await rows.SetWebOrderAsync(session, productNumber, orderNumber, hold with { Cancelling = true }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The order was cancelled in Shopware and in Sitoo: its holds go. Units Sitoo had already delivered stay off the
    /// pool, while Shopware's cancel put them back on its stock and off its <c>sales</c> counter: they are attributed,
    /// so the counter's drop is not taken as released demand, and the products' stock is written again.
    /// </summary>
    /// <param name="session">The unit of work.</param>
    /// <param name="orderNumber">The Shopware order number.</param>
    /// <param name="ordered">The order's units per product number.</param>
    /// <param name="handedOver">Whether Sitoo delivered the goods not held any more (the order was exported).</param>
    /// <param name="now">Now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task ReleaseAsync(
        IStateSession session, string orderNumber, IReadOnlyDictionary<string, int> ordered, bool handedOver, Instant now, CancellationToken cancellationToken)
    {
        var rows = await StockLedgerRows.LoadAsync(session, ordered.Keys, cancellationToken).ConfigureAwait(false);
        var rewrite = new List<string>();
        foreach (var (productNumber, quantity) in ordered)
        {
            var hold = rows.WebOrders(productNumber).FirstOrDefault(h => h.OrderNumber == orderNumber);
            if (hold is not null)
            {
                await rows.SetWebOrderAsync(session, productNumber, orderNumber, null, cancellationToken).ConfigureAwait(false);
            }

            var delivered = handedOver ? quantity - (hold?.Remaining ?? 0) : 0;
            if (delivered > 0 && stock.Topology.Mode == StockMode.Projection && rows.Sales(productNumber) is { } sales)
            {
                await rows.SetSalesAsync(session, productNumber, sales.Attribute(delivered), cancellationToken).ConfigureAwait(false);
                rewrite.Add(productNumber);
            }
        }

        await RewriteAsync(session, rows, rewrite, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the products as changed and queues their stock writes.</summary>
    private async Task RewriteAsync(IStateSession session, StockLedgerRows rows, List<string> productNumbers, Instant now, CancellationToken cancellationToken)
    {
        var ledger = rows.Ledger;
        foreach (var productNumber in productNumbers)
        {
            var entry = ledger[productNumber];
            ledger = ledger with { Skus = ledger.Skus.SetItem(productNumber, entry with { ChangedSince = entry.ChangedSince ?? now }) };
        }

        await rows.SaveAsync(session, ledger, cancellationToken).ConfigureAwait(false);
        foreach (var productNumber in productNumbers)
        {
            await writes.EnqueueAsync(session, productNumber, now, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>An online order as exported to Sitoo.</summary>
/// <param name="OrderNumber">The Shopware order number.</param>
/// <param name="SitooOrderId">The Sitoo order.</param>
/// <param name="WarehouseId">The warehouse it reserves on, if any.</param>
/// <param name="ReservedUntil">Until when (<c>datereserved</c>), if it reserves.</param>
internal sealed record ExportedOrder(string OrderNumber, long SitooOrderId, int? WarehouseId, Instant? ReservedUntil);
