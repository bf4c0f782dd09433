using Connectors.Core.Reconciliation;
using Connectors.Shopware.Models;

namespace Connectors.Sync.Mapping;

/// <summary>Shopware products as the stock entries reconciliation compares.</summary>
internal static class ShopwareProductStockMapper
{
    /// <summary>The product number and stock fields of one product, keyed as <see cref="ShopwareStockSnapshot.Products"/> is.</summary>
    /// <exception cref="MappingException">
    /// No product number, no stock, or no <c>isCloseout</c> / <c>active</c>: both are inherited, so a variant read
    /// without inheritance has none, and guessing would hide a closeout.
    /// </exception>
    public static KeyValuePair<string, ShopwareProductStock> ToStock(ShopwareProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var entity = $"Shopware product {product.ProductNumber ?? product.Id}";
        if (string.IsNullOrWhiteSpace(product.ProductNumber))
        {
            throw new MappingException(entity, "productNumber", product.ProductNumber, "the SKU is the join key");
        }

        var stock = product.Stock ?? throw new MappingException(entity, "stock", null, "request the field");
        var closeout = product.IsCloseout
            ?? throw new MappingException(entity, "isCloseout", null, "read variants with inheritance (sw-inheritance: 1)");
        var active = product.Active
            ?? throw new MappingException(entity, "active", null, "read variants with inheritance (sw-inheritance: 1)");
        return new(product.ProductNumber, new ShopwareProductStock(stock, closeout, active));
    }
}
