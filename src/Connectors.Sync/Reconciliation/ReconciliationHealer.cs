using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Sync.Engine;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Reconciliation;

/// <summary>
/// Applies a reconciliation's writes through the stock writer's path: absolute values and closeout flags go straight
/// to Shopware through the sync API (bad rows isolated), and each written SKU is queued for the stock writer to
/// confirm in its per-SKU order; contribution deltas are handed to the stock writer entirely, whose stored intent
/// makes a delta safe against a crash between write and commit.
/// </summary>
internal sealed class ReconciliationHealer(IShopwareAdminClient shopware, int batchSize, EngineTelemetry telemetry)
{
    private static readonly Dictionary<string, int> NoCurrentStock = new(StringComparer.Ordinal);

    public async Task<HealOutcome> HealAsync(
        IReadOnlyList<StockWrite> writes, IReadOnlyDictionary<string, string> productIds, StockLedger ledger, Instant now, CancellationToken cancellationToken)
    {
        var direct = new List<StockWrite>();
        var handedOver = new HashSet<string>(StringComparer.Ordinal);
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

        var written = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<ExceptionReport>();
        foreach (var batch in direct.Chunk(batchSize))
        {
            var operation = StockWriteMapper.ToSyncOperation("reconcile", batch, productIds, NoCurrentStock);
            var result = await shopware.Sync.ExecuteIsolatingFailuresAsync(operation, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var index in result.WrittenIndexes)
            {
                var write = batch[index];
                ledger = ledger.RecordWrite(write, write.StockToWrite(0), now);
                if (write.Kind == StockWriteKind.Absolute)
                {
                    written.Add(write.Sku);
                    ledger = ledger with { Skus = ledger.Skus.SetItem(write.Sku, Unconfirmed(ledger[write.Sku], now)) };
                }
            }

            foreach (var rejected in result.Rejected)
            {
                problems.Add(ReconciliationProblems.Rejected(batch[rejected.Index].Sku, rejected));
            }

            telemetry.StockWritten("reconciled", result.WrittenIndexes.Count);
            telemetry.StockWritten("rejected", result.Rejected.Count);
        }

        return new HealOutcome(ledger, written, direct.Count - problems.Count, handedOver, problems);
    }

    /// <summary>
    /// A stock write made outside the stock writer's per-SKU order may have been overtaken by (or overtaken) one of
    /// its writes: forget the value as "last written" and mark the SKU as changed, so the stock writer, in order,
    /// writes the current target once more instead of skipping it as already written.
    /// </summary>
    public static SkuLedgerEntry Unconfirmed(SkuLedgerEntry entry, Instant now) =>
        entry with { LastWrittenStock = null, ChangedSince = entry.ChangedSince ?? now };
}

/// <summary>What healing did.</summary>
/// <param name="Ledger">The ledger with the accepted writes recorded and handed-over SKUs marked as changed.</param>
/// <param name="WrittenStock">The SKUs whose stock Shopware accepted; the stock writer confirms each.</param>
/// <param name="Written">Products Shopware accepted a write for (stock or closeout flag).</param>
/// <param name="HandedOver">SKUs whose contribution delta the stock writer applies.</param>
/// <param name="Problems">Rows Shopware refused.</param>
internal sealed record HealOutcome(
    StockLedger Ledger, IReadOnlySet<string> WrittenStock, int Written, IReadOnlySet<string> HandedOver, IReadOnlyList<ExceptionReport> Problems);
