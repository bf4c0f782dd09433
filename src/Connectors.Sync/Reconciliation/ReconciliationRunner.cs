using Connectors.Core.Inventory;
using Connectors.Core.Reconciliation;
using Connectors.Sync.Engine;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Reconciliation;

/// <summary>
/// Runs a full stock reconciliation: compares every SKU's Shopware stock with what the Sitoo pool, the topology and
/// the open online demand say it should be, heals drift (when <c>Connectors:Sync:Reconciliation:Heal</c> is on),
/// applies the closeout policy, reports unmapped SKUs as exceptions and saves the drift report. The engine runs it
/// on schedule (<c>FullEvery</c>); a host may also run one on demand or at exit.
/// </summary>
/// <remarks>
/// Read order matters (ADR 0001): Shopware first, then the ledger's open demand, then Sitoo. An online order placed
/// or exported while the run reads is then counted at most twice (deducted and demanded, or demanded and reserved),
/// never zero times, so the run may show less than it should until the next run, but never undoes an order.
/// A heal write does not wait for the stock writer's per-SKU order, so another instance's write may cross it; the
/// stock writer therefore writes each healed SKU's current target once more, in order (one extra write per heal).
/// </remarks>
public sealed class ReconciliationRunner : IDisposable
{
    /// <summary>The snapshot name the latest drift report is saved under.</summary>
    public const string DriftReportSnapshot = "drift-report";

    /// <summary>The pipeline name of its runs in the run history.</summary>
    public const string Pipeline = "reconciliation.full";

    private const int SkusPerCommit = 200;
    private const int MaxSaveAttempts = 3;
    private readonly IConnectorStore _store;
    private readonly ShopwareStockReader _shopware;
    private readonly SitooStockReader _sitoo;
    private readonly ReconciliationHealer _healer;
    private readonly StockSyncOptions _stock;
    private readonly StockWriteQueue _writes;
    private readonly bool _heal;
    private readonly IClock _clock;
    private readonly EngineTelemetry _telemetry;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    internal ReconciliationRunner(
        IConnectorStore store,
        ShopwareStockReader shopware,
        SitooStockReader sitoo,
        ReconciliationHealer healer,
        StockSyncOptions stock,
        StockWriteQueue writes,
        bool heal,
        IClock clock,
        EngineTelemetry telemetry)
    {
        _store = store;
        _shopware = shopware;
        _sitoo = sitoo;
        _healer = healer;
        _stock = stock;
        _writes = writes;
        _heal = heal;
        _clock = clock;
        _telemetry = telemetry;
    }

    /// <summary>Runs one full reconciliation now (waiting for one already running in this process).</summary>
    /// <param name="cancellationToken">Stops the run; what was committed stays, and the next run repeats the rest.</param>
    /// <returns>The drift report, also saved as <see cref="DriftReportSnapshot"/>.</returns>
    public async Task<DriftReport> RunNowAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = EngineTelemetry.Activities.StartActivity("stock.reconcile");
            var run = await _store.Runs.StartAsync(Pipeline, cancellationToken).ConfigureAwait(false);
            try
            {
                var (report, counts, partial) = await ReconcileAsync(cancellationToken).ConfigureAwait(false);
                await _store.Runs.FinishAsync(run.Id, partial ? RunOutcome.PartiallySucceeded : RunOutcome.Succeeded, counts, null, cancellationToken)
                    .ConfigureAwait(false);
                activity?.SetTag("differences", report.Differences.Count);
                return report;
            }
            catch (Exception failure)
            {
                var outcome = failure is OperationCanceledException ? RunOutcome.Cancelled : RunOutcome.Failed;
                await _store.Runs.FinishAsync(run.Id, outcome, new Dictionary<string, long>(), failure.Message, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _oneAtATime.Dispose();

    private async Task<(DriftReport Report, Dictionary<string, long> Counts, bool Partial)> ReconcileAsync(CancellationToken cancellationToken)
    {
        var shopware = await _shopware.ReadAsync(_clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        var skus = await LedgerSkus.ListAsync(_store, cancellationToken).ConfigureAwait(false);
        var rows = await StockLedgerRows.LoadAsync(_store, skus.Union(shopware.Snapshot.Products.Keys, StringComparer.Ordinal), cancellationToken)
            .ConfigureAwait(false);
        var demand = rows.Demand(_clock.GetCurrentInstant());
        var sitooReadAt = _clock.GetCurrentInstant();
        var sitoo = await _sitoo.ReadAsync(cancellationToken).ConfigureAwait(false);

        // The items read are the freshest levels, reserved quantities included, which transactions never carry.
        var observed = rows.Ledger.ObserveLevels(sitoo.Rows, _stock.Topology);
        var snapshot = new SitooStockSnapshot(sitooReadAt, sitoo.Rows);
        var now = _clock.GetCurrentInstant();
        var result = StockReconciler.Reconcile(new ReconciliationInput(shopware.Snapshot, snapshot, demand, observed), _stock, now);
        var heal = _heal
            ? await _healer.HealAsync(result.Writes, shopware.ProductIds, result.Ledger, now, cancellationToken).ConfigureAwait(false)
            : new HealOutcome(result.Ledger, new HashSet<string>(), 0, new HashSet<string>(), []);

        var conflicts = await SaveLedgerAsync(rows.Ledger, heal, now, cancellationToken).ConfigureAwait(false);
        var problems = heal.Problems.Concat(result.Report.Differences
            .Where(d => d.Class == DifferenceClass.MissingInShopware)
            .Select(d => ReconciliationProblems.MissingProduct(d.Sku, _stock.Topology.Skus, d.SitooQuantity ?? 0m)))
            .ToList();
        await SaveReportAsync(result.Report, heal.Written + heal.HandedOver.Count, problems, cancellationToken).ConfigureAwait(false);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["products"] = shopware.Snapshot.Products.Count,
            ["sitooSkus"] = snapshot.Count,
            ["differences"] = result.Report.Differences.Count,
            ["written"] = heal.Written,
            ["handedToStockWriter"] = heal.HandedOver.Count,
            ["rejected"] = heal.Problems.Count,
            ["unreadable"] = shopware.Unreadable.Count + sitoo.Unreadable,
            ["ledgerConflicts"] = conflicts,
        };
        foreach (var (kind, count) in result.Report.CountByClass())
        {
            counts["class." + kind] = count;
        }

        return (result.Report, counts, heal.Problems.Count > 0 || shopware.Unreadable.Count + sitoo.Unreadable > 0);
    }

    /// <summary>
    /// Saves the changed SKUs a chunk at a time, and queues the stock writer for every SKU this run wrote or handed
    /// over: it works each SKU in order, so it confirms a heal that raced one of its own writes. A SKU whose rows
    /// another writer changed since they were read (a transaction applied, a stock write made) keeps that writer's
    /// state, only marked for the stock writer if this run wrote its stock.
    /// </summary>
    /// <returns>How many SKUs another writer had changed.</returns>
    private async Task<int> SaveLedgerAsync(StockLedger read, HealOutcome heal, Instant now, CancellationToken cancellationToken)
    {
        var changed = heal.Ledger.Skus
            .Where(pair => !read[pair.Key].Equals(pair.Value))
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        var conflicts = 0;
        foreach (var chunk in changed.Chunk(SkusPerCommit))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    conflicts += await SaveChunkAsync(chunk, read, heal, now, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (LedgerConflictException) when (attempt < MaxSaveAttempts)
                {
                    // Another instance committed between our read and our write (PostgreSQL): read the chunk again.
                }
            }
        }

        return conflicts;
    }

    private async Task<int> SaveChunkAsync(string[] chunk, StockLedger read, HealOutcome heal, Instant now, CancellationToken cancellationToken)
    {
        var unit = await _store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var fresh = await StockLedgerRows.LoadAsync(unit, chunk, cancellationToken).ConfigureAwait(false);
        var merged = fresh.Ledger;
        var toWrite = new List<string>();
        var conflicts = 0;
        foreach (var sku in chunk)
        {
            var current = fresh.Ledger[sku];
            if (current.Equals(read[sku]))
            {
                merged = merged with { Skus = merged.Skus.SetItem(sku, heal.Ledger[sku]) };
                if (heal.HandedOver.Contains(sku) || heal.WrittenStock.Contains(sku))
                {
                    toWrite.Add(sku);
                }

                continue;
            }

            conflicts++;
            if (heal.WrittenStock.Contains(sku))
            {
                merged = merged with { Skus = merged.Skus.SetItem(sku, ReconciliationHealer.Unconfirmed(current, now)) };
                toWrite.Add(sku);
            }
        }

        await fresh.SaveAsync(unit, merged, cancellationToken).ConfigureAwait(false);
        foreach (var sku in toWrite)
        {
            await _writes.EnqueueAsync(unit, sku, now, cancellationToken).ConfigureAwait(false);
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        return conflicts;
    }

    private async Task SaveReportAsync(DriftReport report, int healed, IReadOnlyList<ExceptionReport> problems, CancellationToken cancellationToken)
    {
        var unit = await _store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await unit.Exceptions.RecordAsync(problem, cancellationToken).ConfigureAwait(false);
        }

        await unit.Snapshots.SaveAsync(DriftReportSnapshot, DriftReportDocument.From(report, healed).ToJson(), cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var problem in problems)
        {
            _telemetry.ExceptionRecorded(problem.ReasonCode);
        }
    }
}
