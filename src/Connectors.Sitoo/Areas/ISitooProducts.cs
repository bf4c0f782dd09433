using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Models;
using NodaTime;

namespace Connectors.Sitoo;

/// <summary>Products (every variant is a product; the SKU is the key).</summary>
public interface ISitooProducts
{
    /// <summary>Finds products by SKU (comma-separated <c>sku=</c>, split into groups of
    /// <see cref="SitooApiOptions.FilterValuesPerRequest"/>). SKUs that do not exist are simply absent.</summary>
    /// <param name="skus">The SKUs; duplicates are asked for once.</param>
    /// <param name="includeInactive">Also find products inactive in POS and web shop (default true, so a lookup
    /// before creating does not miss an inactive product).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The products found.</returns>
    IAsyncEnumerable<SitooProduct> ListBySkuAsync(IEnumerable<string> skus, bool includeInactive = true, CancellationToken cancellationToken = default);

    /// <summary>Reads every product of the site, all pages (<c>GET /sites/{siteid}/products.json</c> without a filter).</summary>
    /// <param name="includeInactive">Also read products inactive in POS and web shop (default true).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The products.</returns>
    IAsyncEnumerable<SitooProduct> ListAllAsync(bool includeInactive = true, CancellationToken cancellationToken = default);

    /// <summary>Reads the products modified after <paramref name="since"/> (<c>datelastmodified</c>).</summary>
    /// <param name="since">The point in time (whole seconds).</param>
    /// <param name="includeInactive">Also read inactive products (default true).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The changed products.</returns>
    IAsyncEnumerable<SitooProduct> ListModifiedSinceAsync(Instant since, bool includeInactive = true, CancellationToken cancellationToken = default);

    /// <summary>Adds products in one batch (<c>POST /sites/{siteid}/products.json</c>); each needs a SKU.
    /// Not retried, as adding is not idempotent: on doubt, look the SKUs up before adding again.</summary>
    /// <param name="products">The products.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every product's outcome; <see cref="SitooBatchItemResult.NumericId"/> is the new product id.</returns>
    Task<SitooBatchResult> AddAsync(IReadOnlyList<SitooProductWrite> products, CancellationToken cancellationToken = default);

    /// <summary>Updates products in one batch (<c>PUT /sites/{siteid}/products.json</c>); each needs a product id.</summary>
    /// <param name="products">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every product's outcome.</returns>
    Task<SitooBatchResult> UpdateAsync(IReadOnlyList<SitooProductWrite> products, CancellationToken cancellationToken = default);

    /// <summary>Reads a main variant's group (<c>GET /products/{productid}/productvariants.json</c>).</summary>
    /// <param name="productId">The main variant's product id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups and every variant.</returns>
    Task<SitooProductVariants> GetVariantsAsync(int productId, CancellationToken cancellationToken = default);

    /// <summary>Sets a main variant's group (<c>PUT /products/{productid}/productvariants.json</c>). Sitoo replaces the
    /// whole set: a variant of the old set that is not listed is deleted.</summary>
    /// <param name="productId">The main variant's product id.</param>
    /// <param name="variants">The groups and every variant, the main variant included.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sitoo has accepted the set.</returns>
    Task SetVariantsAsync(int productId, SitooProductVariantsWrite variants, CancellationToken cancellationToken = default);

    /// <summary>Reads the product groups (VAT classes, <c>productgroups.json</c>).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups.</returns>
    IAsyncEnumerable<SitooProductGroup> ListProductGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the price lists (<c>pricelists.json</c>).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The price lists.</returns>
    IAsyncEnumerable<SitooPriceList> ListPriceListsAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets prices on a price list by SKU (<c>PUT /pricelists/{pricelistid}/pricelistitems.json</c>).</summary>
    /// <param name="priceListId">The price list.</param>
    /// <param name="items">The prices.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every item's outcome.</returns>
    Task<SitooBatchResult> SetPriceListItemsAsync(int priceListId, IReadOnlyList<SitooPriceListItem> items, CancellationToken cancellationToken = default);
}
