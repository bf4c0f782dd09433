using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.State;

namespace Connectors.Sync.Stock;

/// <summary>
/// Finds the Shopware products of product numbers: from the stored links first, else with one search per
/// chunk of numbers (linking what it finds), so a write addresses products by id and an unknown number is
/// known before anything is sent.
/// </summary>
internal sealed class ProductDirectory(IConnectorStore store, IShopwareAdminClient shopware, SkuMapping skus)
{
    private const int NumbersPerSearch = 100;

    /// <summary>Ids and (when <paramref name="readStock"/>) current stock of the products found; numbers missing from the result are unknown to Shopware.</summary>
    public async Task<IReadOnlyDictionary<string, ShopwareProduct>> FindAsync(
        IReadOnlyCollection<string> productNumbers, bool readStock, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ShopwareProduct>(StringComparer.Ordinal);
        var toSearch = new List<string>();
        foreach (var number in productNumbers)
        {
            var link = readStock ? null : await store.Links.FindBySitooIdAsync(LinkedEntityType.Product, skus.ToSitoo(number), cancellationToken).ConfigureAwait(false);
            if (link is null)
            {
                toSearch.Add(number);
            }
            else
            {
                found[number] = new ShopwareProduct { Id = link.ShopwareId, ProductNumber = number };
            }
        }

        foreach (var chunk in toSearch.Chunk(NumbersPerSearch))
        {
            var criteria = new ShopwareCriteria()
                .Filter(ShopwareFilter.EqualsAny("productNumber", chunk))
                .Include("product", "id", "productNumber", "stock", "isCloseout", "active")
                .Limit(chunk.Length);
            await foreach (var product in shopware.Products.SearchAllAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (product.ProductNumber is not { } number)
                {
                    continue;
                }

                found[number] = product;
                await store.Links.LinkAsync(new EntityLink(LinkedEntityType.Product, product.Id, skus.ToSitoo(number)), cancellationToken).ConfigureAwait(false);
            }
        }

        return found;
    }
}
