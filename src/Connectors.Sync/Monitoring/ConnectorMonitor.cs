using Connectors.Core.Finance;
using Connectors.Core.Reconciliation;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.Reconciliation;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>
/// The read model behind dashboards and status pages: the latest drift report, stalled work, sync lag, queue depth,
/// open problems, run history and the finance journal. Every call reads the shared store (or, for the journal, Sitoo),
/// so any instance answers for all of them; only the stock lag percentiles are this process's own samples.
/// </summary>
public sealed class ConnectorMonitor
{
    private const int ExceptionsCounted = 10_000;
    private const int StalledListed = 100;
    private readonly IConnectorStore _store;
    private readonly EngineTelemetry _telemetry;
    private readonly IClock _clock;
    private readonly OrderSyncSettings _orders;
    private readonly FinanceJournalReader _finance;
    private readonly SettlementReader _settlement;
    private readonly SyncLagQuery _lag;

    internal ConnectorMonitor(
        IConnectorStore store, EngineTelemetry telemetry, IClock clock, OrderSyncSettings orders, FinanceJournalReader finance, SettlementReader settlement, SyncLagQuery lag)
    {
        _settlement = settlement;
        _store = store;
        _telemetry = telemetry;
        _clock = clock;
        _orders = orders;
        _finance = finance;
        _lag = lag;
    }

    /// <summary>The drift report of the latest full reconciliation.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report, or <see langword="null"/> before the first reconciliation.</returns>
    public async Task<DriftReport?> LatestDriftReportAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _store.Snapshots.LoadAsync(ReconciliationRunner.DriftReportSnapshot, cancellationToken).ConfigureAwait(false);
        return snapshot is null ? null : DriftReportDocument.Parse(snapshot.Body).ToReport();
    }

    /// <summary>What the latest completeness check found: orders and returns the polls passed over, queued again.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report, or <see langword="null"/> before the first check.</returns>
    public async Task<Completeness.CompletenessReport?> LatestCompletenessReportAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _store.Snapshots.LoadAsync(Completeness.CompletenessReport.SnapshotName, cancellationToken).ConfigureAwait(false);
        return snapshot is null ? null : Completeness.CompletenessReportDocument.Parse(snapshot.Body);
    }

    /// <summary>
    /// Online orders placed but not exported to Sitoo, and store returns not refunded in Shopware, for longer than
    /// <c>Connectors:Sync:Orders:StalledAfter</c> or passed over by a poll (<see cref="LatestCompletenessReportAsync"/>):
    /// still retrying or parked, oldest first.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <remarks>Lists up to 100 items per kind and state (pending, parked); a longer backlog is an incident of its own.</remarks>
    public async Task<IReadOnlyList<StalledWork>> StalledWorkAsync(CancellationToken cancellationToken)
    {
        var completeness = await LatestCompletenessReportAsync(cancellationToken).ConfigureAwait(false);
        var requeued = completeness is null ? [] : completeness.Orders.Requeued.Concat(completeness.Returns.Requeued).Select(missed => missed.WorkItemKey);
        return await StalledWorkQuery.ListAsync(_store, _clock.GetCurrentInstant(), Duration.FromTimeSpan(_orders.StalledAfter), StalledListed, requeued, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The lag of each polling pipeline: its cursor's age and the time since its last successful read.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<IReadOnlyList<PipelineLag>> SyncLagAsync(CancellationToken cancellationToken) =>
        _lag.ListAsync(_store, _clock.GetCurrentInstant(), cancellationToken);

    /// <summary>The stock lag (Sitoo change → Shopware write) percentiles of this process over the last 15 minutes.</summary>
    public StockLagSummary StockLag() =>
        new(_telemetry.StockLag.Count, _telemetry.StockLag.Percentile(50), _telemetry.StockLag.Percentile(99));

    /// <summary>Work items waiting per lane (<c>stock</c>, <c>orders</c>, <c>background</c>).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<IReadOnlyDictionary<string, int>> QueueDepthAsync(CancellationToken cancellationToken) =>
        _store.WorkItems.CountPendingByLaneAsync(cancellationToken);

    /// <summary>Open problems by reason and owning team, most first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <remarks>Counts up to 10,000 records per status; beyond that the list itself is the better view.</remarks>
    public async Task<IReadOnlyList<ExceptionCount>> ExceptionCountsAsync(CancellationToken cancellationToken)
    {
        var open = await _store.Exceptions.ListAsync(new ExceptionFilter(Status: ExceptionStatus.Open, MaxCount: ExceptionsCounted), cancellationToken)
            .ConfigureAwait(false);
        var retrying = await _store.Exceptions.ListAsync(new ExceptionFilter(Status: ExceptionStatus.Retrying, MaxCount: ExceptionsCounted), cancellationToken)
            .ConfigureAwait(false);
        return [.. open.Concat(retrying)
            .GroupBy(record => (record.ReasonCode, record.Team))
            .Select(group => new ExceptionCount(group.Key.ReasonCode, group.Key.Team, group.Count()))
            .OrderByDescending(count => count.Open)
            .ThenBy(count => count.ReasonCode, StringComparer.Ordinal)
            .ThenBy(count => count.Team)];
    }

    /// <summary>Pipeline runs (polls, reconciliations), newest first.</summary>
    /// <param name="pipeline">Only this pipeline's, e.g. <see cref="ReconciliationRunner.Pipeline"/>; <see langword="null"/> for all.</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<IReadOnlyList<PipelineRun>> RunHistoryAsync(string? pipeline, int maxCount, CancellationToken cancellationToken) =>
        _store.Runs.ListAsync(pipeline, maxCount, cancellationToken);

    /// <summary>
    /// The finance journal of the query's days: Sitoo orders (POS receipts, returns and exported online orders) booked
    /// per store and local day in the store's time zone (<see cref="FinanceJournalSettings"/>). Cancelled orders are left out.
    /// </summary>
    /// <param name="query">The days and optionally one store.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <remarks>
    /// Cost: one Sitoo call per page of the orders placed in the days (<c>orderdatefrom</c>/<c>orderdateto</c>, widened by
    /// the time zones' offsets), plus one read of each original order a return of the days refers to.
    /// </remarks>
    public Task<FinanceJournalReport> FinanceJournalAsync(FinanceJournalQuery query, CancellationToken cancellationToken) =>
        _finance.ReadAsync(query, cancellationToken);

    /// <summary>Builds the finance journal and writes its rows as CSV (<see cref="FinanceJournalCsv.WriteRowsAsync"/>).</summary>
    /// <param name="query">The days and optionally one store.</param>
    /// <param name="writer">Where the CSV goes; not flushed or closed.</param>
    /// <param name="cancellationToken">Cancels the read and the writing.</param>
    /// <returns>The journal written.</returns>
    public async Task<FinanceJournalReport> WriteFinanceJournalCsvAsync(FinanceJournalQuery query, TextWriter writer, CancellationToken cancellationToken)
    {
        var report = await _finance.ReadAsync(query, cancellationToken).ConfigureAwait(false);
        await FinanceJournalCsv.WriteRowsAsync(report.Journal, writer, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>
    /// The daily settlement: per store (and the online channel), local day and currency, the turnover against the
    /// payments by method, every difference listed with its cause (unpaid, refund not settled, rounding, order missing).
    /// Turnover − payments = Σ differences, always.
    /// </summary>
    /// <param name="query">The days and optionally one store.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<IReadOnlyList<SettlementDay>> SettlementAsync(FinanceJournalQuery query, CancellationToken cancellationToken) =>
        _settlement.ReadAsync(query, cancellationToken);

    /// <summary>Builds the settlement and writes it as CSV (<see cref="SettlementCsv.WriteAsync"/>).</summary>
    /// <param name="query">The days and optionally one store.</param>
    /// <param name="writer">Where the CSV goes; not flushed or closed.</param>
    /// <param name="cancellationToken">Cancels the read and the writing.</param>
    public async Task<IReadOnlyList<SettlementDay>> WriteSettlementCsvAsync(FinanceJournalQuery query, TextWriter writer, CancellationToken cancellationToken)
    {
        var days = await _settlement.ReadAsync(query, cancellationToken).ConfigureAwait(false);
        await SettlementCsv.WriteAsync(days, writer, cancellationToken).ConfigureAwait(false);
        return days;
    }
}
