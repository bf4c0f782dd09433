using Connectors.Core.Inventory;
using Connectors.Sitoo;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Orders;

/// <summary>
/// What an online order does to the stock ledger: its open demand while Sitoo does not hold it yet (projection mode:
/// Shopware already took it off its stock), and the fulfilment warehouse's levels once Sitoo reserves it or lets it go.
/// </summary>
/// <param name="sitoo">Reads the fulfilment warehouse's levels.</param>
/// <param name="stock">The topology (mode, SKU mapping).</param>
/// <param name="writes">Queues the stock writes of the products.</param>
/// <param name="fulfilmentWarehouseId">The Sitoo warehouse exported orders reserve stock in, if any.</param>
internal sealed class OrderStockEffects(ISitooClient sitoo, StockSyncOptions stock, StockWriteQueue writes, int? fulfilmentWarehouseId)
{
    /// <summary>Records the order's open demand per product number (projection mode only), e.g. at first sight.</summary>
    public async Task RecordDemandAsync(IStateSession session, string orderNumber, IReadOnlyDictionary<string, int> quantities, CancellationToken cancellationToken)
    {
        if (stock.Topology.Mode != StockMode.Projection || quantities.Count == 0)
        {
            return;
        }

        var rows = await StockLedgerRows.LoadAsync(session, quantities.Keys, cancellationToken).ConfigureAwait(false);
        foreach (var (productNumber, quantity) in quantities)
        {
            await rows.SetDemandAsync(session, productNumber, orderNumber, quantity, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the fulfilment warehouse's items of the products from Sitoo: a reservation made or ended moves no
    /// warehouse transaction, so only a read shows it. Call before the unit of work (it is a remote call).
    /// </summary>
    public async Task<IReadOnlyList<SitooStockRow>> ReadFulfilmentLevelsAsync(IEnumerable<string> productNumbers, CancellationToken cancellationToken)
    {
        if (fulfilmentWarehouseId is not { } warehouseId)
        {
            return [];
        }

        var rows = new List<SitooStockRow>();
        var skus = productNumbers.Select(stock.Topology.Skus.ToSitoo).Distinct(StringComparer.Ordinal).ToList();
        await foreach (var item in sitoo.Warehouses.ListItemsBySkuAsync(warehouseId, skus, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(WarehouseStockMapper.ToStockRow(item, warehouseId));
        }

        return rows;
    }

    /// <summary>
    /// Sitoo now holds (or has let go of) the order: its demand goes, the levels read take effect, and the products'
    /// stock is written again so Shopware shows what the reservation leaves.
    /// </summary>
    public async Task SettleAsync(
        IStateSession session, string orderNumber, IReadOnlyCollection<string> productNumbers, IReadOnlyList<SitooStockRow> levels, Instant now, CancellationToken cancellationToken)
    {
        var rows = await StockLedgerRows.LoadAsync(session, productNumbers, cancellationToken).ConfigureAwait(false);
        foreach (var productNumber in productNumbers)
        {
            await rows.SetDemandAsync(session, productNumber, orderNumber, 0, cancellationToken).ConfigureAwait(false);
        }

        var ledger = rows.Ledger.ObserveLevels(levels, stock.Topology);

        // An observation alone does not mark a SKU as changed, so the writer would skip it. SKUs whose levels the
        // ledger does not know are left to the stock flow: a write from nothing would show 0.
        var known = productNumbers.Where(productNumber => ledger[productNumber].Locations.Length > 0).ToList();
        foreach (var productNumber in known)
        {
            var entry = ledger[productNumber];
            ledger = ledger with { Skus = ledger.Skus.SetItem(productNumber, entry with { ChangedSince = entry.ChangedSince ?? now }) };
        }

        await rows.SaveAsync(session, ledger, cancellationToken).ConfigureAwait(false);
        foreach (var productNumber in known)
        {
            await writes.EnqueueAsync(session, productNumber, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
