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
}
