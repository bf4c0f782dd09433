namespace Connectors.Core.Reconciliation;

/// <summary>The stock-relevant fields of one Shopware product (variant).</summary>
/// <param name="Stock">The product's <c>stock</c> (6.6+: real-time sellable stock).</param>
/// <param name="IsCloseout">Whether Shopware stops selling it at 0.</param>
/// <param name="Active">Whether it is active in Shopware.</param>
public readonly record struct ShopwareProductStock(int Stock, bool IsCloseout, bool Active);
