namespace Connectors.Core.Inventory;

/// <summary>
/// Decides the stock to write to Shopware from the Sitoo pool and a fresh reading of Shopware's
/// <c>stock</c> and <c>sales</c>, and checks a write against the reading taken right after it (ADR 0001).
/// </summary>
public static class ShopwareStockTarget
{
    /// <summary>Decides one SKU's stock given a reading taken just before the write.</summary>
    /// <param name="options">Topology and policies.</param>
    /// <param name="sku">The Shopware product number.</param>
    /// <param name="entry">The SKU's ledger entry (Sitoo levels with other parties' reservations, applied contribution).</param>
    /// <param name="sales">What the connector knew of Shopware's side before the reading.</param>
    /// <param name="reading">Shopware's stock and sales now.</param>
    /// <param name="at">When the reading was taken.</param>
    public static StockTargetDecision Decide(
        StockSyncOptions options, string sku, SkuLedgerEntry entry, OnlineSalesState sales, ShopwareStockReading reading, NodaTime.Instant at)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(sales);
        var online = options.Availability.OnlineQuantity(sku, entry.ToWarehouseStock(), options.Topology);
        if (options.Topology.Mode == StockMode.Projection)
        {
            var observed = sales.Observe(reading, trackDemand: true, at);
            var target = StockQuantities.ProjectedStock(online, observed.State.Demand);
            return new StockTargetDecision(target, null, observed);
        }

        // Someone else's absolute write (an ERP, a person) set Shopware's own part and dropped the stores' share.
        var contributionWiped = sales.Observe(reading, trackDemand: false, at);
        var applied = contributionWiped.ForeignWrite ? 0 : entry.AppliedContribution ?? 0;
        var contribution = StockQuantities.ToShopwareStock(online);
        return new StockTargetDecision(checked(reading.Stock + contribution - applied), contribution, contributionWiped);
    }

    /// <summary>
    /// What Shopware's stock must be after a write of <paramref name="written"/> based on <paramref name="before"/>:
    /// every order placed or cancelled since that reading moved <c>sales</c>, and its stock change must survive.
    /// </summary>
    /// <param name="written">The stock the write set.</param>
    /// <param name="before">The reading the write was based on.</param>
    /// <param name="after">The reading taken right after the write.</param>
    /// <returns>The stock Shopware must show; when it shows another, an order's change was overwritten.</returns>
    public static int AfterWrite(int written, ShopwareStockReading before, ShopwareStockReading after) =>
        checked(written - (after.Sales - before.Sales));
}

/// <summary>The stock one SKU should have in Shopware now.</summary>
/// <param name="Target">The stock to write (nothing to write when Shopware already shows it).</param>
/// <param name="ContributionAfter">Contribution mode: the store contribution applied once it is written.</param>
/// <param name="Observation">The reading taken into account (sales movement, foreign writes).</param>
public sealed record StockTargetDecision(int Target, int? ContributionAfter, SalesObservation Observation);
