using Connectors.SampleWorker.Demo;
using Connectors.Sync.Engine;
using Connectors.Sync.Reconciliation;
using Connectors.Sync.State;

namespace Connectors.SampleWorker;

/// <summary>Ends a run: lets the engine finish what is queued, then sums up what happened.</summary>
internal sealed class RunFinisher(IServiceProvider services, DemoWorld? world, DemoTraffic? demo)
{
    private readonly IConnectorStore _store = services.GetRequiredService<IConnectorStore>();

    /// <summary>Waits until the inbox is read, no work is due and the simulators have nothing left to deliver.</summary>
    public async Task DrainAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        var quietChecks = 0;
        while (DateTimeOffset.UtcNow < deadline && quietChecks < 3)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var inbox = await _store.Inbox.ListUnprocessedAsync(1, cancellationToken);
            var queued = (await _store.WorkItems.CountPendingByLaneAsync(cancellationToken)).Values.Sum();
            var parked = (await _store.WorkItems.ListAsync(new WorkItemFilter(State: WorkItemState.Parked, MaxCount: 1000), cancellationToken)).Count;
            var undelivered = world is null ? 0 : world.Pos.PendingEventCount + world.Shop.Webhooks.PendingCount;
            quietChecks = inbox.Count == 0 && queued - parked <= 0 && undelivered == 0 ? quietChecks + 1 : 0;
        }
    }

    /// <summary>
    /// Runs a final full reconciliation (healing what drifted), then sums up: the drift counted afterwards is what
    /// reconciliation could not heal.
    /// </summary>
    public async Task<RunSummary> SummarizeAsync(TrafficCounts? traffic, ConnectorMeterTotals totals, TimeSpan duration, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ReconciliationRunner>().RunNowAsync(cancellationToken);
        var exceptions = await _store.Exceptions.ListAsync(new ExceptionFilter(MaxCount: 10_000), cancellationToken);
        var drifting = world is null || demo is null ? [] : DemoDriftCheck.DriftingSkus(world, demo.Expectation);
        var engine = services.GetRequiredService<ConnectorEngine>();
        return new RunSummary(
            world is null ? "real" : "demo",
            Math.Round(duration.TotalSeconds, 1),
            traffic?.PosSales ?? 0,
            traffic?.OnlineOrders ?? 0,
            traffic?.Returns ?? 0,
            totals.StockWrites,
            new Dictionary<string, long> { ["shopware"] = totals.ApiCalls("shopware"), ["sitoo"] = totals.ApiCalls("sitoo") },
            await CountCompletedAsync("order.export", cancellationToken),
            await CountCompletedAsync("returns.refund", cancellationToken),
            exceptions.GroupBy(e => e.ReasonCode).ToDictionary(g => g.Key, g => g.Count()),
            drifting.Count,
            drifting,
            engine.Telemetry.StockLag.Percentile(50),
            engine.Telemetry.StockLag.Percentile(99),
            traffic?.OversoldUnits,
            engine.Telemetry.RaceCompensations,
            totals.ProductsToSitoo);
    }

    private async Task<int> CountCompletedAsync(string kind, CancellationToken cancellationToken) =>
        (await _store.WorkItems.ListAsync(new WorkItemFilter(kind, WorkItemState.Completed, MaxCount: 1_000_000), cancellationToken)).Count;
}
