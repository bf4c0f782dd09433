namespace Connectors.Core.Inventory;

/// <summary>One Shopware product's <c>stock</c> and <c>sales</c>, read in one request.</summary>
/// <remarks>
/// Shopware moves both together for every order-driven change (placement, line edits, cancel and un-cancel:
/// <c>StockStorage::alter</c>) and only <c>stock</c> for an API write, so a change of <c>sales</c> between two
/// readings is online demand, and a change of <c>stock</c> that <c>sales</c> does not explain is someone's write.
/// </remarks>
/// <param name="Stock">The sellable stock (<c>product.stock</c>, Shopware 6.6+).</param>
/// <param name="Sales">Units sold online (<c>product.sales</c>).</param>
public readonly record struct ShopwareStockReading(int Stock, int Sales);
