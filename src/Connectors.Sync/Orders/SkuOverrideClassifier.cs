using Connectors.Core.Inventory;
using Connectors.Core.Orders;

namespace Connectors.Sync.Orders;

/// <summary>
/// Applies the stock topology's SKU overrides (<c>Stock:SkuOverrides</c>) after the registered classifier: a product
/// line becomes the Sitoo SKU its product number maps to, whoever classified it; every other line is left as classified.
/// </summary>
internal sealed class SkuOverrideClassifier(ILineItemClassifier inner, SkuMapping skus) : ILineItemClassifier
{
    public LineClassification Classify(ShopwareLineSnapshot line, ShopwareOrderSnapshot order)
    {
        var classification = inner.Classify(line, order);
        return classification is LineClassification.Product product ? new LineClassification.Product(skus.ToSitoo(product.Sku)) : classification;
    }
}
