using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Http;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Paging;
using Connectors.Sitoo.Serialization;
using NodaTime;

namespace Connectors.Sitoo;

/// <inheritdoc />
internal sealed class SitooProducts(SitooApiContext context) : ISitooProducts
{
    private static readonly string Fields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooProduct);

    public async IAsyncEnumerable<SitooProduct> ListBySkuAsync(
        IEnumerable<string> skus,
        bool includeInactive = true,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var group in context.FilterGroups(skus))
        {
            await foreach (var product in ReadAsync(group, null, includeInactive, cancellationToken).ConfigureAwait(false))
            {
                yield return product;
            }
        }
    }

    public IAsyncEnumerable<SitooProduct> ListAllAsync(bool includeInactive = true, CancellationToken cancellationToken = default) =>
        ReadAsync(null, null, includeInactive, cancellationToken);

    public IAsyncEnumerable<SitooProduct> ListModifiedSinceAsync(Instant since, bool includeInactive = true, CancellationToken cancellationToken = default) =>
        ReadAsync(null, since.ToUnixTimeSeconds(), includeInactive, cancellationToken);

    public Task<SitooBatchResult> AddAsync(IReadOnlyList<SitooProductWrite> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        if (products.Any(product => string.IsNullOrEmpty(product.Sku)))
        {
            throw new ArgumentException("Every product to add needs a SKU.", nameof(products));
        }
        return SitooApiContext.SendBatchAsync(products, batch => context.Api.AddProductsAsync(context.SiteId, batch, cancellationToken));
    }

    public Task<SitooBatchResult> UpdateAsync(IReadOnlyList<SitooProductWrite> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        if (products.Any(product => product.ProductId is null))
        {
            throw new ArgumentException("Every product to update needs a product id.", nameof(products));
        }
        return SitooApiContext.SendBatchAsync(products, batch => context.Api.UpdateProductsAsync(context.SiteId, batch, cancellationToken));
    }

    public Task<SitooProductVariants> GetVariantsAsync(int productId, CancellationToken cancellationToken = default) =>
        SitooApiContext.Required(context.Api.GetProductVariantsAsync(context.SiteId, productId, cancellationToken), "a variant group read");

    public Task SetVariantsAsync(int productId, SitooProductVariantsWrite variants, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return context.Api.SetProductVariantsAsync(context.SiteId, productId, variants, cancellationToken);
    }

    public IAsyncEnumerable<SitooProductGroup> ListProductGroupsAsync(CancellationToken cancellationToken = default) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetProductGroupsAsync(context.SiteId, start, num, token),
            context.PageSize,
            cancellationToken);

    public IAsyncEnumerable<SitooPriceList> ListPriceListsAsync(CancellationToken cancellationToken = default) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetPriceListsAsync(context.SiteId, start, num, token),
            context.PageSize,
            cancellationToken);

    public Task<SitooBatchResult> SetPriceListItemsAsync(int priceListId, IReadOnlyList<SitooPriceListItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return SitooApiContext.SendBatchAsync(items, batch => context.Api.SetPriceListItemsAsync(context.SiteId, priceListId, batch, cancellationToken));
    }

    private IAsyncEnumerable<SitooProduct> ReadAsync(string? sku, long? modifiedSince, bool includeInactive, CancellationToken cancellationToken) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetProductsAsync(
                context.SiteId, start, num, Fields, sku, includeInactive ? "true" : "false", modifiedSince, token),
            context.PageSize,
            cancellationToken);
}
