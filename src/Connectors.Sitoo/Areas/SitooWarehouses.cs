using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Http;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Paging;
using Connectors.Sitoo.Serialization;
using NodaTime;

namespace Connectors.Sitoo;

/// <inheritdoc />
internal sealed class SitooWarehouses(SitooApiContext context) : ISitooWarehouses
{
    private static readonly string WarehouseFields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooWarehouse);
    private static readonly string ItemFields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooWarehouseItem);

    public IAsyncEnumerable<SitooWarehouse> ListAsync(CancellationToken cancellationToken = default) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetWarehousesAsync(context.SiteId, start, num, WarehouseFields, token),
            context.PageSize,
            cancellationToken);

    public Task<SitooWarehouse> GetAsync(int warehouseId, CancellationToken cancellationToken = default) =>
        SitooApiContext.Required(context.Api.GetWarehouseAsync(context.SiteId, warehouseId, cancellationToken), "a warehouse read");

    public IAsyncEnumerable<SitooWarehouseItem> ListItemsAsync(int warehouseId, CancellationToken cancellationToken = default) =>
        ReadItemsAsync(warehouseId, sku: null, modifiedFrom: null, cancellationToken);

    public async IAsyncEnumerable<SitooWarehouseItem> ListItemsBySkuAsync(
        int warehouseId,
        IEnumerable<string> skus,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var group in context.FilterGroups(skus))
        {
            await foreach (var item in ReadItemsAsync(warehouseId, group, modifiedFrom: null, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    public IAsyncEnumerable<SitooWarehouseItem> ListItemsModifiedSinceAsync(int warehouseId, Instant since, CancellationToken cancellationToken = default) =>
        ReadItemsAsync(warehouseId, sku: null, since.ToUnixTimeSeconds(), cancellationToken);

    public Task<SitooBatchResult> SetItemsAsync(int warehouseId, IReadOnlyList<SitooWarehouseItemUpdate> items, CancellationToken cancellationToken = default) =>
        SitooApiContext.SendBatchAsync(items, batch => context.Api.SetWarehouseItemsAsync(context.SiteId, warehouseId, batch, cancellationToken));

    private IAsyncEnumerable<SitooWarehouseItem> ReadItemsAsync(int warehouseId, string? sku, long? modifiedFrom, CancellationToken cancellationToken) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetWarehouseItemsAsync(context.SiteId, warehouseId, start, num, ItemFields, sku, modifiedFrom, token),
            context.PageSize,
            cancellationToken);
}
