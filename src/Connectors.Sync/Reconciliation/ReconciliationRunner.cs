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

    /// <summary>The pipeline name of the incremental runs (SKUs Sitoo changed recently) in the run history.</summary>
    public const string IncrementalPipeline = "reconciliation.incremental";

    private const int SkusPerCommit = 200;
    private const int MaxSaveAttempts = 3;
    private readonly IConnectorStore _store;
    private readonly ShopwareStockReader _shopware;
    private readonly SitooStockReader _sitoo;
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
        StockSyncOptions stock,
        StockWriteQueue writes,
        bool heal,
        IClock clock,
        EngineTelemetry telemetry)
    {
        _store = store;
        _shopware = shopware;
        _sitoo = sitoo;
        _stock = stock;
        _writes = writes;
        _heal = heal;
        _clock = clock;
        _telemetry = telemetry;
    }

    /// <summary>Runs one full reconciliation now (waiting for one already running in this process).</summary>
    /// <param name="cancellationToken">Stops the run; what was committed stays, and the next run repeats the rest.</param>
    /// <returns>The drift report, also saved as <see cref="DriftReportSnapshot"/>.</returns>
    public Task<DriftReport> RunNowAsync(CancellationToken cancellationToken) => RunAsync(Pipeline, since: null, cancellationToken);

    /// <summary>
    /// Reconciles the SKUs whose Sitoo warehouse items (<c>datelastmodifiedfrom</c>) or Shopware products (<c>updatedAt</c>)
    /// changed since <paramref name="since"/>: a frequent, cheap check that catches a lost transaction or someone else's
    /// stock write within minutes. The drift report of the last full run is kept.
    /// </summary>
    /// <param name="since">Items changed from this moment on are read.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The differences among those SKUs.</returns>
    public Task<DriftReport> RunIncrementalAsync(Instant since, CancellationToken cancellationToken) => RunAsync(IncrementalPipeline, since, cancellationToken);

    private async Task<DriftReport> RunAsync(string pipeline, Instant? since, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = EngineTelemetry.Activities.StartActivity("stock.reconcile");
            activity?.SetTag("pipeline", pipeline);
            var run = await _store.Runs.StartAsync(pipeline, cancellationToken).ConfigureAwait(false);
            try
            {
                var (report, counts, partial) = await ReconcileAsync(since, cancellationToken).ConfigureAwait(false);
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

    private async Task<(DriftReport Report, Dictionary<string, long> Counts, bool Partial)> ReconcileAsync(Instant? since, CancellationToken cancellationToken)
    {
        // Read order (ADR 0001): Shopware, then the ledger, then Sitoo.
        IReadOnlyCollection<string>? scope = since is { } from
            ? [.. (await _sitoo.ChangedSkusAsync(from, cancellationToken).ConfigureAwait(false))
                .Union(await _shopware.ChangedSkusAsync(from, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal)]
            : null;
        var shopware = await _shopware.ReadAsync(_clock.GetCurrentInstant(), scope, cancellationToken).ConfigureAwait(false);
        var skus = scope ?? await LedgerSkus.ListAsync(_store, cancellationToken).ConfigureAwait(false);
        var rows = await StockLedgerRows.LoadAsync(_store, skus.Union(shopware.Snapshot.Products.Keys, StringComparer.Ordinal), cancellationToken)
            .ConfigureAwait(false);
        var demand = Demand(rows, shopware.Sales);
        var sitooReadAt = _clock.GetCurrentInstant();
        var sitoo = await _sitoo.ReadAsync(scope, cancellationToken).ConfigureAwait(false);

        // The items read are the freshest levels, reserved quantities included, which transactions never carry; the
        // connector's own web orders are online demand already, so their reservations are not taken off again.
        var levels = OthersReservations(sitoo.Rows, rows, sitooReadAt);
        if (_stock.Topology.Mode == StockMode.Projection)
        {
            var held = levels.Select(row => _stock.Topology.Skus.ToShopware(row.Sku)).ToHashSet(StringComparer.Ordinal);
            levels.AddRange(await _sitoo.EmptyLevelsAsync([.. shopware.Snapshot.Products.Keys.Where(sku => !held.Contains(sku))], cancellationToken)
                .ConfigureAwait(false));
        }

        var observed = rows.Ledger.ObserveLevels(levels, _stock.Topology);
        var snapshot = new SitooStockSnapshot(sitooReadAt, levels);
        var now = _clock.GetCurrentInstant();
        var input = new ReconciliationInput(shopware.Snapshot, snapshot, demand, observed) { InFlight = InFlight(rows.Ledger, levels) };
        var result = StockReconciler.Reconcile(input, _stock, now);

        // Heals go through the stock writer, which reads Shopware's stock and sales right before and after its write. In
        // contribution mode it also re-applies the stores' share where someone else's write (an ERP) dropped it.
        var foreign = ForeignWrites(rows, shopware);
        var handOver = _heal ? result.Writes.Select(write => write.Sku).Union(foreign, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal) : [];
        var conflicts = await SaveLedgerAsync(rows.Ledger, result.Ledger, handOver, now, cancellationToken).ConfigureAwait(false);
        var problems = result.Report.Differences
            .Where(d => d.Class == DifferenceClass.MissingInShopware)
            .Select(d => ReconciliationProblems.MissingProduct(d.Sku, _stock.Topology.Skus, d.SitooQuantity ?? 0m))
            .ToList();
        await SaveReportAsync(since is null ? result.Report : null, handOver.Count, problems, cancellationToken).ConfigureAwait(false);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["products"] = shopware.Snapshot.Products.Count,
            ["sitooSkus"] = snapshot.Count,
            ["differences"] = result.Report.Differences.Count,
            ["handedToStockWriter"] = handOver.Count,
            ["foreignWrites"] = foreign.Count,
            ["unreadable"] = shopware.Unreadable.Count + sitoo.Unreadable,
            ["ledgerConflicts"] = conflicts,
        };
        foreach (var (kind, count) in result.Report.CountByClass())
        {
            counts["class." + kind] = count;
        }

        return (result.Report, counts, shopware.Unreadable.Count + sitoo.Unreadable > 0);
    }

    /// <summary>
    /// Online demand per SKU as of the Shopware read: what the ledger holds plus the sales counter's movement since the
    /// stock writer last read it (orders it has not seen yet), so an order in flight is not taken for drift.
    /// </summary>
    private Dictionary<string, OnlineDemand> Demand(StockLedgerRows rows, IReadOnlyDictionary<string, int> sales)
    {
        var demand = new Dictionary<string, OnlineDemand>(StringComparer.Ordinal);
        if (_stock.Topology.Mode != StockMode.Projection)
        {
            return demand;
        }

        var now = _clock.GetCurrentInstant();
        foreach (var (sku, counter) in sales)
        {
            if (rows.Sales(sku) is { } state)
            {
                // A drop of the counter stays demand until its cancel is read (OnlineSalesState.Unconfirmed).
                var quantity = Math.Max(0m, state.Unattributed + state.Unconfirmed + Math.Max(0, counter - state.SalesSeen));
                if (quantity > 0)
                {
                    demand[sku] = new OnlineDemand(quantity, now);
                }
            }
        }

        return demand;
    }

    /// <summary>Contribution mode: SKUs whose Shopware stock moved by more than their orders explain since the stock writer's last reading.</summary>
    private List<string> ForeignWrites(StockLedgerRows rows, ShopwareStockRead shopware)
    {
        if (_stock.Topology.Mode != StockMode.Contribution)
        {
            return [];
        }

        return [.. shopware.Sales
            .Where(pair => rows.Sales(pair.Key) is { } state
                && state.Observe(new ShopwareStockReading(shopware.Snapshot.Products[pair.Key].Stock, pair.Value), trackDemand: false, _clock.GetCurrentInstant()).ForeignWrite)
            .Select(pair => pair.Key)];
    }

    /// <summary>The rows read from Sitoo with the connector's own web orders' reservations left out.</summary>
    private List<SitooStockRow> OthersReservations(IReadOnlyList<SitooStockRow> read, StockLedgerRows rows, Instant readAt)
    {
        var adjusted = new List<SitooStockRow>(read.Count);
        foreach (var row in read)
        {
            var ours = WebOrderHold.ReservedBy(rows.WebOrders(_stock.Topology.Skus.ToShopware(row.Sku)), row.Level.WarehouseId, readAt);
            var others = Math.Max(0m, row.Level.Reserved - ours);
            adjusted.Add(ours == 0 ? row : row with { Level = row.Level with { Reserved = others, Available = row.Level.Total - others } });
        }

        return adjusted;
    }

    /// <summary>SKUs with a stock write pending or a Sitoo level the ledger has not reached yet (a transaction not applied).</summary>
    private HashSet<string> InFlight(StockLedger ledger, List<SitooStockRow> levels)
    {
        var inFlight = ledger.Skus.Where(pair => pair.Value.ChangedSince is not null).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var row in levels)
        {
            var sku = _stock.Topology.Skus.ToShopware(row.Sku);
            var known = ledger[sku].Locations.FirstOrDefault(level => level.WarehouseId == row.Level.WarehouseId);
            if (known.Total != row.Level.Total)
            {
                inFlight.Add(sku);
            }
        }

        return inFlight;
    }

    /// <summary>
    /// Saves the changed SKUs a chunk at a time, and marks and queues every SKU to heal for the stock writer. A SKU whose
    /// rows another writer changed since they were read (a transaction applied, a stock write made) keeps that writer's
    /// state; it is still marked for the stock writer if it needed healing.
    /// </summary>
    /// <returns>How many SKUs another writer had changed.</returns>
    private async Task<int> SaveLedgerAsync(StockLedger read, StockLedger reconciled, HashSet<string> heal, Instant now, CancellationToken cancellationToken)
    {
        var changed = reconciled.Skus
            .Where(pair => !read[pair.Key].Equals(pair.Value) || heal.Contains(pair.Key))
            .Select(pair => pair.Key)
            .Union(heal, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var conflicts = 0;
        foreach (var chunk in changed.Chunk(SkusPerCommit))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    conflicts += await SaveChunkAsync(chunk, read, reconciled, heal, now, cancellationToken).ConfigureAwait(false);
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

    private async Task<int> SaveChunkAsync(
        string[] chunk, StockLedger read, StockLedger reconciled, HashSet<string> heal, Instant now, CancellationToken cancellationToken)
    {
        var unit = await _store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var fresh = await StockLedgerRows.LoadAsync(unit, chunk, cancellationToken).ConfigureAwait(false);
        var merged = fresh.Ledger;
        var conflicts = 0;
        foreach (var sku in chunk)
        {
            var current = fresh.Ledger[sku];
            var unchanged = current.Equals(read[sku]);
            conflicts += unchanged ? 0 : 1;
            var entry = unchanged ? reconciled[sku] : current;
            if (heal.Contains(sku))
            {
                entry = entry with { ChangedSince = entry.ChangedSince ?? now };
            }

            merged = merged with { Skus = merged.Skus.SetItem(sku, entry) };
        }

        await fresh.SaveAsync(unit, merged, cancellationToken).ConfigureAwait(false);
        await _writes.EnqueueAsync(unit, chunk.Where(heal.Contains), now, cancellationToken).ConfigureAwait(false);

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        return conflicts;
    }

    private async Task SaveReportAsync(DriftReport? report, int healed, IReadOnlyList<ExceptionReport> problems, CancellationToken cancellationToken)
    {
        var unit = await _store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await unit.Exceptions.RecordAsync(problem, cancellationToken).ConfigureAwait(false);
        }

        if (report is not null)
        {
            await unit.Snapshots.SaveAsync(DriftReportSnapshot, DriftReportDocument.From(report, healed).ToJson(), cancellationToken).ConfigureAwait(false);
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var problem in problems)
        {
            _telemetry.ExceptionRecorded(problem.ReasonCode);
        }
    }
}
