using Connectors.Core.Inventory;

namespace Connectors.Core.Reconciliation;

/// <summary>
/// What a reconciliation compares. Read Shopware before computing pending demand: an order placed in
/// between is then counted in the demand and already deducted in Shopware, never only one of them.
/// </summary>
/// <param name="Shopware">Shopware stock of the SKUs in scope.</param>
/// <param name="Sitoo">Sitoo warehouse items of (at least) the same SKUs.</param>
/// <param name="PendingDemand">Open online demand not yet reflected in Sitoo, by product number.</param>
/// <param name="Ledger">The ledger (applied contributions, difference ages).</param>
public sealed record ReconciliationInput(
    ShopwareStockSnapshot Shopware,
    SitooStockSnapshot Sitoo,
    IReadOnlyDictionary<string, OnlineDemand> PendingDemand,
    StockLedger Ledger)
{
    /// <summary>
    /// SKUs with a change on its way (a stock write pending, a Sitoo transaction not applied yet): a difference there is
    /// reported as <see cref="DifferenceClass.InFlight"/>, not as drift.
    /// </summary>
    public IReadOnlySet<string> InFlight { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
