using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Sync.Engine;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Reconciliation;

/// <summary>
/// Applies a reconciliation's writes the way the stock writer does: absolute values and closeout flags go straight
/// to Shopware through the sync API (bad rows isolated) and are recorded in the ledger; contribution deltas are
/// handed to the stock writer, whose stored intent makes a delta safe against a crash between write and commit.
/// </summary>
internal sealed class ReconciliationHealer(IShopwareAdminClient shopware, int batchSize, EngineTelemetry telemetry)
{
    private static readonly Dictionary<string, int> NoCurrentStock = new(StringComparer.Ordinal);

    public async Task<HealOutcome> HealAsync(
        IReadOnlyList<StockWrite> writes, IReadOnlyDictionary<string, string> productIds, StockLedger ledger, Instant now, CancellationToken cancellationToken)
    {
        var direct = new List<StockWrite>();
        var handedOver = new List<string>();
        foreach (var write in writes)
        {
            if (write.Kind != StockWriteKind.Delta)
            {
                direct.Add(write);
                continue;
            }

            // The stock writer plans the same delta from the ledger once the SKU is marked as changed.
            handedOver.Add(write.Sku);
            var entry = ledger[write.Sku];
            ledger = ledger with { Skus = ledger.Skus.SetItem(write.Sku, entry with { ChangedSince = entry.ChangedSince ?? now }) };
            if (write.SetCloseout)
            {
                direct.Add(StockWrite.CloseoutOnly(write.Sku));
            }
        }

        var written = 0;
        var problems = new List<ExceptionReport>();
        foreach (var batch in direct.Chunk(batchSize))
        {
            var operation = StockWriteMapper.ToSyncOperation("reconcile", batch, productIds, NoCurrentStock);
            var result = await shopware.Sync.ExecuteIsolatingFailuresAsync(operation, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var index in result.WrittenIndexes)
            {
                ledger = ledger.RecordWrite(batch[index], batch[index].StockToWrite(0), now);
            }

            foreach (var rejected in result.Rejected)
            {
                problems.Add(ReconciliationProblems.Rejected(batch[rejected.Index].Sku, rejected));
            }

            written += result.WrittenIndexes.Count;
            telemetry.StockWritten("reconciled", result.WrittenIndexes.Count);
            telemetry.StockWritten("rejected", result.Rejected.Count);
        }

        return new HealOutcome(ledger, written, handedOver, problems);
    }
}

/// <summary>What healing did.</summary>
/// <param name="Ledger">The ledger with the accepted writes recorded and handed-over SKUs marked as changed.</param>
/// <param name="Written">Products Shopware accepted a write for.</param>
/// <param name="HandedOver">SKUs whose contribution delta the stock writer applies.</param>
/// <param name="Problems">Rows Shopware refused.</param>
internal sealed record HealOutcome(StockLedger Ledger, int Written, IReadOnlyList<string> HandedOver, IReadOnlyList<ExceptionReport> Problems);
