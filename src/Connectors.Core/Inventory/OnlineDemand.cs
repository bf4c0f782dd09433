using NodaTime;

namespace Connectors.Core.Inventory;

/// <summary>
/// Quantity of one SKU in Shopware orders that Shopware already took off its stock but Sitoo has not yet
/// reserved or delivered.
/// </summary>
/// <param name="Quantity">The open quantity; not negative.</param>
/// <param name="OldestPlacedAt">When the oldest of those orders was placed.</param>
public readonly record struct OnlineDemand(decimal Quantity, Instant OldestPlacedAt);
