namespace Connectors.Core.Inventory;

/// <summary>Writes decided from the ledger, and the ledger with no-op SKUs marked up to date.</summary>
/// <param name="Ledger">The new ledger.</param>
/// <param name="Writes">At most one write per SKU, ordered by SKU (ordinal).</param>
public sealed record StockPlan(StockLedger Ledger, IReadOnlyList<StockWrite> Writes);
