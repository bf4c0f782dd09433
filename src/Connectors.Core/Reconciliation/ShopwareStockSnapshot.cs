using NodaTime;

namespace Connectors.Core.Reconciliation;

/// <summary>Shopware products' stock as read at one moment, all of them (full run) or a subset (incremental).</summary>
/// <param name="TakenAt">When the read started.</param>
/// <param name="Products">By product number (ordinal).</param>
public sealed record ShopwareStockSnapshot(Instant TakenAt, IReadOnlyDictionary<string, ShopwareProductStock> Products);
