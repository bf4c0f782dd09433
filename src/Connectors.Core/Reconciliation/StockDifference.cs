using NodaTime;

namespace Connectors.Core.Reconciliation;

/// <summary>One classified difference for one SKU.</summary>
/// <param name="Sku">The Shopware product number.</param>
/// <param name="Class">What kind of difference it is.</param>
/// <param name="Age">
/// How long it has been seen without a break (for <see cref="DifferenceClass.PendingDemand"/>: since the
/// oldest open order was placed). Zero when first seen.
/// </param>
/// <param name="ShopwareStock">Shopware's stock as read; <see langword="null"/> if the product is unknown there.</param>
/// <param name="ExpectedStock">What Shopware holds once the writes are applied, where known.</param>
/// <param name="SitooQuantity">The policy's online quantity from Sitoo, where known.</param>
public sealed record StockDifference(
    string Sku,
    DifferenceClass Class,
    Duration Age,
    int? ShopwareStock,
    int? ExpectedStock,
    decimal? SitooQuantity);
