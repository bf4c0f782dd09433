using Connectors.Core.Inventory;

namespace Connectors.Core.Reconciliation;

/// <summary>The writes that heal Shopware, the report, and the ledger with updated difference ages.</summary>
/// <param name="Writes">At most one write per SKU, in Shopware snapshot order.</param>
/// <param name="Report">Every classified difference.</param>
/// <param name="Ledger">The new ledger. Record each accepted write with <see cref="StockLedger.RecordWrite"/>.</param>
public sealed record ReconciliationResult(IReadOnlyList<StockWrite> Writes, DriftReport Report, StockLedger Ledger);
