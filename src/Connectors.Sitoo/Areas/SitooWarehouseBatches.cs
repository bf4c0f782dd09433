using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Http;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Paging;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo;

/// <inheritdoc />
internal sealed class SitooWarehouseBatches(SitooApiContext context) : ISitooWarehouseBatches
{
    private static readonly string Fields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooWarehouseBatch);

    public async Task<int> CreateAsync(int warehouseId, SitooNewWarehouseBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var answer = await context.Api.AddWarehouseBatchAsync(context.SiteId, warehouseId, batch, cancellationToken).ConfigureAwait(false);
        return checked((int)SitooApiContext.ReadCreatedId(answer, "a warehouse batch"));
    }

    public IAsyncEnumerable<SitooWarehouseBatch> ListOpenAsync(int warehouseId, SitooTransactionType transactionType, CancellationToken cancellationToken = default) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetWarehouseBatchesAsync(
                context.SiteId, warehouseId, start, num, Fields, transactionType.Value, SitooWarehouseBatchState.Open.Value, token),
            context.PageSize,
            cancellationToken);

    public Task<SitooBatchResult> AddItemsAsync(int warehouseId, int warehouseBatchId, IReadOnlyList<SitooWarehouseBatchItem> items, CancellationToken cancellationToken = default) =>
        SitooApiContext.SendBatchAsync(items, batch => context.Api.SetWarehouseBatchItemsAsync(context.SiteId, warehouseId, warehouseBatchId, batch, cancellationToken));

    public async Task CloseAsync(int warehouseId, int warehouseBatchId, string? comment = null, CancellationToken cancellationToken = default)
    {
        var change = new SitooWarehouseBatchStateChange { WarehouseBatchState = SitooWarehouseBatchState.Closed, Comment = comment };
        var answer = await context.Api.UpdateWarehouseBatchAsync(context.SiteId, warehouseId, warehouseBatchId, change, cancellationToken).ConfigureAwait(false);
        SitooApiContext.EnsureTrue(answer, $"closing warehouse batch {warehouseBatchId}");
    }
}
