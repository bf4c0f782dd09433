using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using NodaTime;

namespace Connectors.Sync.Engine;

/// <summary>
/// The engine's metrics (<see cref="MeterName"/>) and traces (<see cref="ActivitySourceName"/>), for
/// OpenTelemetry or <c>dotnet-counters</c>. Tags never carry secrets or personal data.
/// </summary>
public sealed class EngineTelemetry : IDisposable
{
    /// <summary>The name of the engine's <see cref="Meter"/>.</summary>
    public const string MeterName = "Connectors.Sync";

    /// <summary>The name of the engine's <see cref="ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Connectors.Sync";

    private readonly Meter _meter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _stockWrites;
    private readonly Counter<long> _apiCalls;
    private readonly Counter<long> _exceptions;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _facts;
    private readonly Counter<long> _foreignWrites;
    private readonly Counter<long> _completenessRequeued;
    private readonly Histogram<double> _lag;
    private long _raceCompensations;
    private readonly ConcurrentDictionary<string, int> _queueDepth = new(StringComparer.Ordinal);

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (or a plain meter when none).</summary>
    /// <param name="meterFactory">The host's meter factory; <see langword="null"/> outside dependency injection.</param>
    /// <param name="clock">The clock the lag window moves with; the system clock when <see langword="null"/>.</param>
    public EngineTelemetry(IMeterFactory? meterFactory = null, IClock? clock = null)
    {
        StockLag = new LagSamples(clock ?? SystemClock.Instance);
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _events = _meter.CreateCounter<long>("connectors.events.received", "{event}", "Webhook deliveries stored in the inbox, by source and type.");
        _facts = _meter.CreateCounter<long>("connectors.facts.applied", "{fact}", "Source facts applied (e.g. Sitoo warehouse transactions), by pipeline.");
        _stockWrites = _meter.CreateCounter<long>("connectors.stock.writes", "{product}", "Stock values written to Shopware, by outcome.");
        _apiCalls = _meter.CreateCounter<long>("connectors.api.calls", "{call}", "Calls to Shopware and Sitoo, by system and outcome.");
        _exceptions = _meter.CreateCounter<long>("connectors.exceptions", "{exception}", "Exception records written, by reason.");
        _retries = _meter.CreateCounter<long>("connectors.work.retries", "{attempt}", "Failed attempts scheduled for retry, by work kind.");
        _foreignWrites = _meter.CreateCounter<long>(
            "connectors.stock.foreign_writes", "{product}", "Shopware stock changes made by someone else than the connector or an order, as found before a write.");
        _completenessRequeued = _meter.CreateCounter<long>(
            "connectors.completeness.requeued", "{item}", "Online orders and store returns a poll passed over, queued again by the completeness check, by side.");
        _lag = _meter.CreateHistogram<double>("connectors.sync.lag", "ms", "From a change in the source system to its write in the other, by pipeline.");
        _meter.CreateObservableGauge(
            "connectors.work.queue_depth",
            () => _queueDepth.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("lane", pair.Key))),
            "{item}",
            "Pending work items per lane, as last counted.");
    }

    /// <summary>The traces of passes, polls and handlers.</summary>
    public static ActivitySource Activities { get; } = new(ActivitySourceName);

    /// <summary>
    /// The stock lag (change in Sitoo → written in Shopware) of the last 15 minutes, for status pages, health checks and
    /// summaries. Exporters read the <c>connectors.sync.lag</c> histogram instead.
    /// </summary>
    public LagSamples StockLag { get; }

    internal void EventReceived(string source, string type) =>
        _events.Add(1, new("source", source), new("type", type));

    internal void CompletenessRequeued(string side, int count) => _completenessRequeued.Add(count, new KeyValuePair<string, object?>("side", side));

    internal void FactsApplied(string pipeline, int count) => _facts.Add(count, new KeyValuePair<string, object?>("pipeline", pipeline));

    /// <summary>
    /// Corrective writes made because an online order was placed or cancelled between a stock write's reading and the
    /// write itself (its stock change would otherwise have been overwritten). Also counted in
    /// <c>connectors.stock.writes</c> with the outcome <c>race-compensation</c>.
    /// </summary>
    public long RaceCompensations => Interlocked.Read(ref _raceCompensations);

    internal void RaceCompensated(int count)
    {
        Interlocked.Add(ref _raceCompensations, count);
        StockWritten("race-compensation", count);
    }

    internal void ForeignStockWrite() => _foreignWrites.Add(1);

    internal void DeliveriesAbsorbed(decimal units) => _facts.Add((long)units, new KeyValuePair<string, object?>("pipeline", "stock.web-order-deliveries"));

    internal void StockWritten(string outcome, int count) => _stockWrites.Add(count, new KeyValuePair<string, object?>("outcome", outcome));

    internal void ApiCall(string system, string outcome) => _apiCalls.Add(1, new("system", system), new("outcome", outcome));

    internal void ExceptionRecorded(string reason) => _exceptions.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void WorkRetried(string kind) => _retries.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal void Lag(string pipeline, TimeSpan lag)
    {
        _lag.Record(lag.TotalMilliseconds, new KeyValuePair<string, object?>("pipeline", pipeline));
        if (pipeline == "stock")
        {
            StockLag.Add(lag);
        }
    }

    internal void QueueDepth(IReadOnlyDictionary<string, int> depthByLane)
    {
        foreach (var lane in _queueDepth.Keys.Except(depthByLane.Keys))
        {
            _queueDepth[lane] = 0;
        }

        foreach (var (lane, depth) in depthByLane)
        {
            _queueDepth[lane] = depth;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
