using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Stock;

/// <summary>
/// Go-live: reads every product's <c>stock</c> and <c>sales</c> once and keeps each counter so far as history, not
/// demand. From then on every movement of a counter is an order the connector accounts for, and a product first seen
/// later starts from 0 (all its sales came after go-live).
/// </summary>
internal sealed class SalesBaseline(IShopwareAdminClient shopware, IClock clock)
{
    /// <summary>The cursor that records when the baseline was taken (Unix milliseconds).</summary>
    public const string CursorName = "shopware:sales-baseline";

    private const int ProductsPerCommit = 500;

    /// <summary>When the baseline was taken, or <see langword="null"/> before go-live.</summary>
    public static async Task<Instant?> TakenAtAsync(IStateSession session, CancellationToken cancellationToken) =>
        (await session.Cursors.GetAsync(CursorName, cancellationToken).ConfigureAwait(false))?.Position.Number is { } milliseconds
            ? Instant.FromUnixTimeMilliseconds(milliseconds)
            : null;

    /// <summary>
    /// Takes the baseline of every product the connector has not read yet (when <paramref name="readProducts"/>, i.e. in
    /// projection mode, where the counters are demand) and records go-live; returns when it was taken.
    /// </summary>
    public async Task<Instant> TakeAsync(IConnectorStore store, bool readProducts, CancellationToken cancellationToken)
    {
        if (readProducts)
        {
            await ReadProductsAsync(store, cancellationToken).ConfigureAwait(false);
        }

        var takenAt = clock.GetCurrentInstant();
        await store.Cursors.AdvanceAsync(CursorName, CursorPosition.FromNumber(takenAt.ToUnixTimeMilliseconds()), cancellationToken).ConfigureAwait(false);
        return takenAt;
    }

    private async Task ReadProductsAsync(IConnectorStore store, CancellationToken cancellationToken)
    {
        var criteria = new ShopwareCriteria()
            .Include("product", "id", "productNumber", "stock", "sales")
            .Sort("id")
            .Limit(ProductsPerCommit);
        var chunk = new List<(string Number, ShopwareStockReading Reading)>(ProductsPerCommit);
        await foreach (var product in shopware.Products.SearchAllAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (product.ProductNumber is { } number)
            {
                chunk.Add((number, ProductDirectory.Reading(product)));
            }

            if (chunk.Count == ProductsPerCommit)
            {
                await SaveAsync(store, chunk, cancellationToken).ConfigureAwait(false);
                chunk.Clear();
            }
        }

        await SaveAsync(store, chunk, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(IConnectorStore store, List<(string Number, ShopwareStockReading Reading)> chunk, CancellationToken cancellationToken)
    {
        var readAt = clock.GetCurrentInstant();
        if (chunk.Count == 0)
        {
            return;
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var rows = await StockLedgerRows.LoadAsync(unit, chunk.Select(p => p.Number), cancellationToken).ConfigureAwait(false);
        await rows.SetSalesAsync(
                unit,
                chunk.DistinctBy(p => p.Number)
                    .Where(p => rows.Sales(p.Number) is null)
                    .Select(p => (p.Number, OnlineSalesState.Baseline(p.Reading, p.Reading.Sales), (Instant?)readAt)),
                cancellationToken)
            .ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
