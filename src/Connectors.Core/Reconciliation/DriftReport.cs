using NodaTime;

namespace Connectors.Core.Reconciliation;

/// <summary>Every difference a reconciliation found, ordered by SKU (ordinal) then class.</summary>
/// <param name="At">When the reconciliation ran.</param>
/// <param name="ShopwareReadAt">When the Shopware snapshot was taken.</param>
/// <param name="SitooReadAt">When the Sitoo snapshot was taken.</param>
/// <param name="Differences">The differences.</param>
public sealed record DriftReport(
    Instant At, Instant ShopwareReadAt, Instant SitooReadAt, IReadOnlyList<StockDifference> Differences)
{
    /// <summary>Number of differences per class (classes without any are left out).</summary>
    public IReadOnlyDictionary<DifferenceClass, int> CountByClass() =>
        Differences.GroupBy(d => d.Class).ToDictionary(g => g.Key, g => g.Count());
}
