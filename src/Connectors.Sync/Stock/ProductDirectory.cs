using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Shopware.Models;

namespace Connectors.Sync.Stock;

/// <summary>
/// Reads the Shopware products of product numbers with one search per chunk of numbers, <c>stock</c> and <c>sales</c>
/// together, so a write addresses products by id and an unknown number is known before anything is sent.
/// </summary>
internal sealed class ProductDirectory(IShopwareAdminClient shopware)
{
    private const int NumbersPerSearch = 100;

    /// <summary>The products found with their current stock and sales; numbers missing from the result are unknown to Shopware.</summary>
    public async Task<IReadOnlyDictionary<string, ShopwareProduct>> ReadAsync(IReadOnlyCollection<string> productNumbers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ShopwareProduct>(StringComparer.Ordinal);
        foreach (var chunk in productNumbers.Distinct(StringComparer.Ordinal).Chunk(NumbersPerSearch))
        {
            var criteria = new ShopwareCriteria()
                .Filter(ShopwareFilter.EqualsAny("productNumber", chunk))
                .Include("product", "id", "productNumber", "stock", "sales", "isCloseout", "active")
                .Limit(chunk.Length);
            await foreach (var product in shopware.Products.SearchAllAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (product.ProductNumber is not { } number)
                {
                    continue;
                }

                found[number] = product;
            }
        }

        return found;
    }

    /// <summary>The reading of a product as the Core takes it.</summary>
    public static ShopwareStockReading Reading(ShopwareProduct product) => new(product.Stock ?? 0, product.Sales ?? 0);
}
