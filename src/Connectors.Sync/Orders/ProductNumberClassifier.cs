using Connectors.Core.Inventory;
using Connectors.Core.Orders;

namespace Connectors.Sync.Orders;

/// <summary>
/// The default line classification with the stock topology's SKU overrides applied: a product line becomes the Sitoo
/// SKU its product number maps to, every other line is classified as <see cref="DefaultLineItemClassifier"/> does.
/// </summary>
internal sealed class ProductNumberClassifier(DefaultLineItemClassifier inner, SkuMapping skus) : ILineItemClassifier
{
    public LineClassification Classify(ShopwareOrderLineItem line, ShopwareOrderSnapshot order)
    {
        var classification = inner.Classify(line, order);
        return classification is LineClassification.Product product ? new LineClassification.Product(skus.ToSitoo(product.Sku)) : classification;
    }
}
