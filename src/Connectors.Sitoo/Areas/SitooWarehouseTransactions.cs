using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Http;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Paging;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo;

/// <inheritdoc />
internal sealed class SitooWarehouseTransactions(SitooApiContext context) : ISitooWarehouseTransactions
{
    private const string Ascending = "warehousetransactionid";
    private static readonly string Fields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooWarehouseTransaction);

    private static readonly CursorCollection<SitooWarehouseTransaction> Collection = new(
        "warehouse transactions", "warehousetransactionid", SitooJsonContext.Default.SitooWarehouseTransaction, t => t.WarehouseTransactionId);

    public IAsyncEnumerable<SitooWarehouseTransaction> ListFromAsync(
        long fromTransactionId,
        int? warehouseId = null,
        SitooTransactionType? transactionType = null,
        CancellationToken cancellationToken = default) =>
        Read(fromTransactionId, warehouseId, transactionType, null, cancellationToken);

    public IAsyncEnumerable<SitooWarehouseTransaction> ListFromAsync(
        long fromTransactionId,
        Action<SitooUnreadableItem> onUnreadable,
        int? warehouseId = null,
        SitooTransactionType? transactionType = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onUnreadable);
        return Read(fromTransactionId, warehouseId, transactionType, onUnreadable, cancellationToken);
    }

    private IAsyncEnumerable<SitooWarehouseTransaction> Read(
        long fromTransactionId, int? warehouseId, SitooTransactionType? transactionType, Action<SitooUnreadableItem>? onUnreadable, CancellationToken cancellationToken) =>
        SitooPaging.ReadFromCursorAsync(
            fromTransactionId,
            Collection,
            (cursor, num, token) => context.Api.GetWarehouseTransactionsAsync(
                context.SiteId, 0, num, Fields, Ascending, cursor, warehouseId, transactionType?.Value, token),
            context.PageSize,
            onUnreadable,
            cancellationToken);

    public async Task<SitooBatchResult> CreateAsync(IReadOnlyList<SitooNewWarehouseTransaction> transactions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var chunkSize = context.Options.WarehouseTransactionsPerRequest;
        var results = new List<SitooBatchItemResult>(transactions.Count);
        for (var first = 0; first < transactions.Count; first += chunkSize)
        {
            var chunk = transactions.Skip(first).Take(chunkSize).ToArray();
            try
            {
                var answer = await context.Api.AddWarehouseTransactionsAsync(context.SiteId, chunk, cancellationToken).ConfigureAwait(false);
                results.AddRange(SitooBatchResponseReader.Read(answer, chunk.Length, first));
            }
            catch (Exception exception) when (first > 0 && !cancellationToken.IsCancellationRequested)
            {
                throw new SitooBatchInterruptedException(new SitooBatchResult(results), first, exception);
            }
        }
        return new SitooBatchResult(results);
    }
}
