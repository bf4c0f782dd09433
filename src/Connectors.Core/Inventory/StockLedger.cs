using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;

namespace Connectors.Core.Inventory;

/// <summary>
/// The durable stock memory: per SKU the Sitoo levels, what was last written to Shopware, the applied
/// store contribution and open differences; plus which transactions were already applied.
/// </summary>
/// <remarks>
/// A plain immutable value: every operation returns a new ledger, so the engine can persist it as a
/// whole or diff it. Two ledgers with the same content are equal.
/// </remarks>
public sealed record StockLedger
{
    /// <summary>A ledger that has seen nothing.</summary>
    public static StockLedger Empty { get; } = new();

    /// <summary>Entries by Shopware product number (ordinal).</summary>
    public ImmutableDictionary<string, SkuLedgerEntry> Skus { get; init; } =
        ImmutableDictionary.Create<string, SkuLedgerEntry>(StringComparer.Ordinal);

    /// <summary>Ids of applied transactions at or above <see cref="ForgottenBelow"/>.</summary>
    public ImmutableHashSet<long> AppliedTransactionIds { get; init; } = [];

    /// <summary>Transactions with a lower id count as applied; see <see cref="ForgetTransactionsBelow"/>.</summary>
    public long ForgottenBelow { get; init; }

    /// <summary>The entry of a SKU, or <see cref="SkuLedgerEntry.Empty"/>.</summary>
    public SkuLedgerEntry this[string sku] => Skus.TryGetValue(sku, out var entry) ? entry : SkuLedgerEntry.Empty;

    /// <summary>Whether a transaction was already applied (or lies below the forgotten horizon).</summary>
    public bool HasApplied(long transactionId) =>
        transactionId < ForgottenBelow || AppliedTransactionIds.Contains(transactionId);

    /// <summary>
    /// Applies Sitoo warehouse transactions idempotently by id. Webhook and poll copies, retries and
    /// out-of-order deliveries of the same facts leave the same ledger.
    /// </summary>
    /// <param name="transactions">The transactions, in any order, duplicates allowed.</param>
    /// <param name="topology">Locations (unknown warehouses are reported, not applied) and SKU mapping.</param>
    public TransactionBatchResult Apply(IEnumerable<WarehouseTransaction> transactions, StockTopology topology)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(topology);

        var applied = AppliedTransactionIds.ToBuilder();
        var touched = new Dictionary<string, SkuWork>(StringComparer.Ordinal);
        var outcomes = new List<TransactionOutcome>();
        foreach (var transaction in transactions)
        {
            if (transaction.TransactionId < ForgottenBelow || !applied.Add(transaction.TransactionId))
            {
                outcomes.Add(new(transaction.TransactionId, TransactionOutcomeKind.Duplicate));
                continue;
            }

            if (!topology.TryGetWarehouse(transaction.WarehouseId, out _))
            {
                outcomes.Add(new(transaction.TransactionId, TransactionOutcomeKind.UnknownLocation));
                continue;
            }

            foreach (var line in transaction.Lines)
            {
                var sku = topology.Skus.ToShopware(line.Sku);
                ref var work = ref CollectionsMarshal.GetValueRefOrAddDefault(touched, sku, out var exists);
                if (!exists)
                {
                    work = new SkuWork(this[sku]);
                }

                work!.Apply(transaction, line);
            }

            outcomes.Add(new(transaction.TransactionId, TransactionOutcomeKind.Applied));
        }

        var skus = Skus.ToBuilder();
        var changes = new List<SkuStockChange>(touched.Count);
        foreach (var (sku, work) in touched.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            skus[sku] = work.ToEntry();
            changes.Add(new SkuStockChange(sku, work.NetQuantity, work.LineCount));
        }

        var ledger = this with { Skus = skus.ToImmutable(), AppliedTransactionIds = applied.ToImmutable() };
        return new TransactionBatchResult(ledger, outcomes, changes);
    }

    /// <summary>
    /// Takes warehouse items read from Sitoo as the current levels (and the only source of reserved
    /// quantities). Warehouses outside the topology are skipped.
    /// </summary>
    public StockLedger ObserveLevels(IEnumerable<SitooStockRow> rows, StockTopology topology)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(topology);
        var skus = Skus.ToBuilder();
        foreach (var row in rows)
        {
            if (!topology.TryGetWarehouse(row.Level.WarehouseId, out _))
            {
                continue;
            }

            var sku = topology.Skus.ToShopware(row.Sku);
            var entry = skus.TryGetValue(sku, out var existing) ? existing : SkuLedgerEntry.Empty;
            skus[sku] = entry.WithObservation(row.Level);
        }

        return this with { Skus = skus.ToImmutable() };
    }

    /// <summary>
    /// Records a write that Shopware accepted: the value written (echo suppression), the contribution now
    /// applied, and, unless newer transactions arrived meanwhile, that the SKU is up to date.
    /// </summary>
    /// <param name="write">The planned write.</param>
    /// <param name="writtenStock">The stock value actually sent (ignored for a closeout-only write).</param>
    /// <param name="at">When Shopware accepted it.</param>
    public StockLedger RecordWrite(StockWrite write, int writtenStock, Instant at)
    {
        ArgumentNullException.ThrowIfNull(write);
        var entry = this[write.Sku];
        var upToDate = write.BasedOnTransactionId is { } basedOn && basedOn >= entry.LatestTransactionId();
        if (write.Kind == StockWriteKind.CloseoutOnly)
        {
            return this;
        }

        var updated = entry with
        {
            LastWrittenStock = writtenStock,
            LastWrittenAt = at,
            AppliedContribution = write.ContributionAfter ?? entry.AppliedContribution,
            ChangedSince = upToDate ? null : entry.ChangedSince,
        };
        return this with { Skus = Skus.SetItem(write.Sku, updated) };
    }

    /// <summary>
    /// Drops remembered ids below a horizon, which from then on count as applied. Safe once the poll
    /// cursor (ascending <c>warehousetransactionid</c>) has passed it.
    /// </summary>
    public StockLedger ForgetTransactionsBelow(long transactionId) =>
        transactionId <= ForgottenBelow
            ? this
            : this with
            {
                ForgottenBelow = transactionId,
                AppliedTransactionIds = AppliedTransactionIds.Except(AppliedTransactionIds.Where(id => id < transactionId)),
            };

    /// <summary>One SKU's entry while a batch is applied: levels stay mutable until the batch ends.</summary>
    private sealed class SkuWork(SkuLedgerEntry original)
    {
        private readonly List<LocationLevel> _levels = [.. original.Locations];
        private Instant? _changedSince = original.ChangedSince;

        public decimal NetQuantity { get; private set; }

        public int LineCount { get; private set; }

        /// <summary>The newest transaction's level wins per warehouse; the earliest change time is kept.</summary>
        public void Apply(WarehouseTransaction transaction, WarehouseTransactionLine line)
        {
            NetQuantity += line.Quantity;
            LineCount++;
            if (_changedSince is not { } since || transaction.CreatedAt < since)
            {
                _changedSince = transaction.CreatedAt;
            }

            var index = 0;
            while (index < _levels.Count && _levels[index].WarehouseId < transaction.WarehouseId)
            {
                index++;
            }

            if (index == _levels.Count || _levels[index].WarehouseId != transaction.WarehouseId)
            {
                _levels.Insert(index, new LocationLevel(transaction.WarehouseId, line.LevelAfter, 0m, transaction.TransactionId));
            }
            else if (_levels[index].LastTransactionId <= transaction.TransactionId)
            {
                _levels[index] = _levels[index] with { Total = line.LevelAfter, LastTransactionId = transaction.TransactionId };
            }
        }

        public SkuLedgerEntry ToEntry() => original with { Locations = [.. _levels], ChangedSince = _changedSince };
    }

    /// <inheritdoc />
    public bool Equals(StockLedger? other) =>
        other is not null
        && ForgottenBelow == other.ForgottenBelow
        && AppliedTransactionIds.SetEquals(other.AppliedTransactionIds)
        && Skus.Count == other.Skus.Count
        && Skus.All(pair => other.Skus.TryGetValue(pair.Key, out var entry) && pair.Value.Equals(entry));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ForgottenBelow, AppliedTransactionIds.Count, Skus.Count);
}
