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
/// <param name="products">Reads the products' stock and sales counter after a cancel.</param>
/// <param name="clock">Tells when a change was made.</param>
internal sealed class OrderStockEffects(StockSyncOptions stock, StockWriteQueue writes, ProductDirectory products, IClock clock)
{
    /// <summary>
    /// Reads the products' stock and sales counter after a cancel, before the unit of work that releases the order: the
    /// release confirms the counter's drop, so the drop must have been seen (projection mode only).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ShopwareStockReading>> ReadAfterCancelAsync(IReadOnlyCollection<string> productNumbers, CancellationToken cancellationToken)
    {
        if (stock.Topology.Mode != StockMode.Projection || productNumbers.Count == 0)
        {
            return new Dictionary<string, ShopwareStockReading>(StringComparer.Ordinal);
        }

        var found = await products.ReadAsync(productNumbers, cancellationToken).ConfigureAwait(false);
        return found.ToDictionary(pair => pair.Key, pair => ProductDirectory.Reading(pair.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// Records (or completes) the exported order's hold on each product. The export records it before it creates the
    /// Sitoo order (with no Sitoo id and no reservation yet), so no delivery of that order can come before its hold. An
    /// order placed before a product's counter was first read (at go-live, or a backfilled order) is inside that baseline,
    /// not in the demand the counter shows, so its units are added to it once.
    /// </summary>
    public async Task HoldAsync(
        IStateSession session, ExportedOrder order, IReadOnlyDictionary<string, int> quantities, Instant placedAt, CancellationToken cancellationToken)
    {
        var rows = await StockLedgerRows.LoadAsync(session, quantities.Keys, cancellationToken).ConfigureAwait(false);
        var rewrite = new List<string>();
        var holds = new List<WebOrderChange>();
        var attributed = new List<(string, OnlineSalesState, Instant?)>();
        foreach (var (productNumber, quantity) in quantities)
        {
            // A hold recorded before the Sitoo order was created keeps what a delivery has taken from it since.
            var existing = rows.WebOrders(productNumber).FirstOrDefault(h => h.OrderNumber == order.OrderNumber);
            var hold = existing is null
                ? new WebOrderHold(order.OrderNumber, order.SitooOrderId, quantity, order.WarehouseId, order.ReservedUntil)
                : existing with { SitooOrderId = order.SitooOrderId, WarehouseId = order.WarehouseId, ReservedUntil = order.ReservedUntil };
            var delivered = existing is { Remaining: 0 } && order.SitooOrderId != 0;
            holds.Add(new WebOrderChange(productNumber, order.OrderNumber, delivered ? null : hold));
            if (existing is null && stock.Topology.Mode == StockMode.Projection && rows.BaselineAt(productNumber) is { } baseline && placedAt <= baseline
                && rows.Sales(productNumber) is { } sales)
            {
                attributed.Add((productNumber, sales.Attribute(quantity), null));
                rewrite.Add(productNumber);
            }
        }

        await rows.SetWebOrdersAsync(session, holds, cancellationToken).ConfigureAwait(false);
        await rows.SetSalesAsync(session, attributed, cancellationToken).ConfigureAwait(false);
        await RewriteAsync(session, rows, rewrite, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops an order's holds without touching the demand (an order never created in Sitoo).</summary>
    public static async Task DropHoldsAsync(IStateSession session, string orderNumber, IEnumerable<string> productNumbers, CancellationToken cancellationToken)
    {
        var rows = await StockLedgerRows.LoadAsync(session, productNumbers, cancellationToken).ConfigureAwait(false);
        await rows.SetWebOrdersAsync(
                session,
                productNumbers.Distinct(StringComparer.Ordinal)
                    .Where(productNumber => rows.WebOrders(productNumber).Any(h => h.OrderNumber == orderNumber))
                    .Select(productNumber => new WebOrderChange(productNumber, orderNumber, null)),
                cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the order's holds as being cancelled, before the cancel goes to Sitoo: from then on its reservation may be
    /// gone at any moment, so a reading no longer takes it as the connector's.
    /// </summary>
    public static async Task MarkCancellingAsync(IStateSession session, string orderNumber, IEnumerable<string> productNumbers, CancellationToken cancellationToken)
    {
        var rows = await StockLedgerRows.LoadAsync(session, productNumbers, cancellationToken).ConfigureAwait(false);
        var changes = new List<WebOrderChange>();
        foreach (var productNumber in productNumbers.Distinct(StringComparer.Ordinal))
        {
            if (rows.WebOrders(productNumber).FirstOrDefault(h => h.OrderNumber == orderNumber) is { } hold)
            {
                changes.Add(new WebOrderChange(productNumber, orderNumber, hold with { Cancelling = true }));
            }
        }

        await rows.SetWebOrdersAsync(session, changes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The order was cancelled in Shopware (and in Sitoo, when exported): its holds go. Its open units' demand is released
    /// (the counter's drop for them is confirmed). Units Sitoo had already delivered stay off the pool, while Shopware's
    /// cancel put them back on its stock and off its counter: they are attributed, so the drop is not taken as released
    /// demand. The products' stock is written again.
    /// </summary>
    /// <param name="session">The unit of work.</param>
    /// <param name="orderNumber">The Shopware order number.</param>
    /// <param name="ordered">The order's units per product number.</param>
    /// <param name="handedOver">Whether the order was exported: Sitoo then delivered the units its holds no longer hold.</param>
    /// <param name="now">Now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <param name="readings">The products read after the cancel (<see cref="ReadAfterCancelAsync"/>).</param>
    public async Task ReleaseAsync(
        IStateSession session,
        string orderNumber,
        IReadOnlyDictionary<string, int> ordered,
        bool handedOver,
        IReadOnlyDictionary<string, ShopwareStockReading> readings,
        Instant now,
        CancellationToken cancellationToken)
    {
        var rows = await StockLedgerRows.LoadAsync(session, ordered.Keys, cancellationToken).ConfigureAwait(false);
        var rewrite = new List<string>();
        var released = new List<WebOrderChange>();
        var salesAfter = new List<(string, OnlineSalesState, Instant?)>();
        foreach (var (productNumber, quantity) in ordered)
        {
            var hold = rows.WebOrders(productNumber).FirstOrDefault(h => h.OrderNumber == orderNumber);
            if (hold is not null)
            {
                released.Add(new WebOrderChange(productNumber, orderNumber, null));
            }

            if (stock.Topology.Mode != StockMode.Projection || rows.Sales(productNumber) is not { } known || !readings.TryGetValue(productNumber, out var reading))
            {
                continue;
            }

            var sales = known.Observe(reading, trackDemand: true, now).State;
            // The units still open are demand released; the delivered ones left with the customer and stay off the pool.
            var open = handedOver ? hold?.Remaining ?? 0 : quantity;
            var delivered = quantity - open;
            salesAfter.Add((productNumber, sales.ConfirmRelease(open).Attribute(delivered), null));
            rewrite.Add(productNumber);
        }

        await rows.SetWebOrdersAsync(session, released, cancellationToken).ConfigureAwait(false);
        await rows.SetSalesAsync(session, salesAfter, cancellationToken).ConfigureAwait(false);
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
        await writes.EnqueueAsync(session, productNumbers, now, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>An online order as exported to Sitoo.</summary>
/// <param name="OrderNumber">The Shopware order number.</param>
/// <param name="SitooOrderId">The Sitoo order.</param>
/// <param name="WarehouseId">The warehouse it reserves on, if any.</param>
/// <param name="ReservedUntil">Until when (<c>datereserved</c>), if it reserves.</param>
internal sealed record ExportedOrder(string OrderNumber, long SitooOrderId, int? WarehouseId, Instant? ReservedUntil);
