using System.Globalization;
using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Stock;

/// <summary>
/// Writes the stock of changed SKUs to Shopware, many SKUs per sync request: absolute values in projection
/// mode; in contribution mode the change of the store contribution on top of a fresh read, with the write's
/// intent stored first so that a crash between sending and committing is recognised and not applied twice.
/// </summary>
internal sealed class StockWriteHandler(
    IConnectorStore store,
    IShopwareAdminClient shopware,
    StockSyncOptions stock,
    ProductDirectory products,
    StockWriteBatch batchSize,
    IClock clock,
    EngineTelemetry telemetry) : IWorkHandler
{
    public string Kind => StockWriteQueue.Kind;

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("stock.write");
        var itemBySku = items.GroupBy(i => i.Payload, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = await StockLedgerRows.LoadAsync(store, itemBySku.Keys, cancellationToken).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        var plan = rows.Ledger.PlanChangedSkus(stock, rows.Demand(now));
        var contribution = stock.Topology.Mode == StockMode.Contribution;
        var found = plan.Writes.Count == 0
            ? new Dictionary<string, ShopwareProduct>()
            : await products.FindAsync([.. plan.Writes.Select(w => w.Sku)], contribution, cancellationToken).ConfigureAwait(false);

        var ledger = plan.Ledger;
        var problems = new Dictionary<string, ExceptionReport>(StringComparer.Ordinal);
        var toSend = new List<StockWrite>();
        var current = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var write in plan.Writes)
        {
            if (!found.TryGetValue(write.Sku, out var product))
            {
                problems[write.Sku] = MissingProduct(write.Sku);
                continue;
            }

            if (!contribution)
            {
                toSend.Add(write);
                continue;
            }

            var stockNow = product.Stock ?? 0;
            if (rows.Intent(write.Sku) is { } intent && intent.Stock == stockNow)
            {
                // The write before a crash landed: take it as done instead of adding the change again.
                var landed = StockWrite.Delta(write.Sku, intent.Stock - intent.BaseStock, intent.Contribution) with { BasedOnTransactionId = write.BasedOnTransactionId };
                ledger = ledger.RecordWrite(landed, intent.Stock, now);
                continue;
            }

            if (rows.Intent(write.Sku) is { } uncertain && uncertain.BaseStock != stockNow)
            {
                problems[write.Sku] = Uncertain(write.Sku, uncertain, stockNow);
                continue;
            }

            current[write.Sku] = stockNow;
            toSend.Add(write);
        }

        if (contribution && toSend.Count > 0)
        {
            await SaveIntentsAsync(rows, toSend, current, cancellationToken).ConfigureAwait(false);
        }

        foreach (var batch in toSend.Chunk(batchSize.Products))
        {
            var ids = batch.ToDictionary(w => w.Sku, w => found[w.Sku].Id, StringComparer.Ordinal);
            var operation = StockWriteMapper.ToSyncOperation("stock", batch, ids, current);
            var result = await shopware.Sync.ExecuteIsolatingFailuresAsync(operation, cancellationToken: cancellationToken).ConfigureAwait(false);
            var written = now;
            foreach (var index in result.WrittenIndexes)
            {
                var write = batch[index];
                ledger = ledger.RecordWrite(write, write.StockToWrite(current.GetValueOrDefault(write.Sku)), written);
                if (rows.Ledger[write.Sku].ChangedSince is { } since)
                {
                    telemetry.Lag("stock", (clock.GetCurrentInstant() - since).ToTimeSpan());
                }
            }

            foreach (var rejected in result.Rejected)
            {
                problems[batch[rejected.Index].Sku] = Rejected(batch[rejected.Index].Sku, rejected);
            }

            telemetry.StockWritten("written", result.WrittenIndexes.Count);
            telemetry.StockWritten("rejected", result.Rejected.Count);
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await rows.SaveAsync(unit, ledger, cancellationToken).ConfigureAwait(false);
        if (contribution)
        {
            foreach (var sku in current.Keys)
            {
                await rows.SaveIntentAsync(unit, sku, null, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var (sku, skuItems) in itemBySku)
        {
            foreach (var item in skuItems)
            {
                if (problems.TryGetValue(sku, out var problem))
                {
                    await unit.Exceptions.RecordAsync(problem with { WorkItemKey = item.Key }, cancellationToken).ConfigureAwait(false);
                    await unit.WorkItems.ParkAsync(item.Lease!, problem.Message, cancellationToken).ConfigureAwait(false);
                    telemetry.ExceptionRecorded(problem.ReasonCode);
                }
                else
                {
                    await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        activity?.SetTag("written", toSend.Count - problems.Count);
    }

    private async Task SaveIntentsAsync(StockLedgerRows rows, List<StockWrite> writes, Dictionary<string, int> current, CancellationToken cancellationToken)
    {
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        foreach (var write in writes)
        {
            var baseStock = current[write.Sku];
            var intent = new ContributionIntent(write.StockToWrite(baseStock), baseStock, write.ContributionAfter ?? 0);
            await rows.SaveIntentAsync(unit, write.Sku, intent, cancellationToken).ConfigureAwait(false);
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private ExceptionReport MissingProduct(string productNumber) => new(
        ReasonCodes.MissingProductMapping,
        OwningTeam.Ecommerce,
        new EntityReference("sku", productNumber),
        $"Stock of SKU '{stock.Topology.Skus.ToSitoo(productNumber)}' moved in Sitoo, but no Shopware product has the product number '{productNumber}'.",
        "Create the product in Shopware with this product number, or map the SKU to an existing number (Connectors:Sync:Stock:SkuOverrides); then retry.");

    private static ExceptionReport Uncertain(string sku, ContributionIntent intent, int stockNow) => new(
        ReasonCodes.UncertainStockWrite,
        OwningTeam.Ecommerce,
        new EntityReference("sku", sku),
        string.Create(
            CultureInfo.InvariantCulture,
            $"A stock write for '{sku}' ({intent.BaseStock} → {intent.Stock}) was interrupted, and Shopware's stock is now {stockNow}: whether it landed cannot be told."),
        "Count or check the product's stock in Shopware and correct it there; then resolve this record and retry.");

    private static ExceptionReport Rejected(string sku, ShopwareSyncRejectedRow row)
    {
        var error = row.Errors.Count > 0 ? row.Errors[0] : null;
        return new ExceptionReport(
            ReasonCodes.ApiRejected,
            OwningTeam.Ecommerce,
            new EntityReference("sku", sku),
            $"Shopware refused the stock of '{sku}': {error?.Detail ?? "no reason given"}",
            "Correct the product in Shopware (the field the error names), then retry.",
            RemoteError: new RemoteError("shopware", 400, error?.Code, error?.Detail ?? "rejected", error?.SourcePointer));
    }
}

/// <summary>At most this many products per Shopware sync request (<c>Stock:WriteBatchSize</c>).</summary>
/// <param name="Products">The batch size.</param>
internal sealed record StockWriteBatch(int Products);
