using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Connectors.Sync.Engine;

namespace Connectors.SampleWorker;

/// <summary>Totals of the engine's counters (stock writes, API calls by system, catalogue products), read from its meter as any exporter would.</summary>
internal sealed class ConnectorMeterTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public ConnectorMeterTotals()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineTelemetry.MeterName && instrument is Counter<long>)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name;
            foreach (var tag in tags)
            {
                if (tag.Key is "system" or "outcome" or "pipeline")
                {
                    key += ";" + tag.Key + "=" + tag.Value;
                }
            }

            _totals.AddOrUpdate(key, value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long StockWrites => Get("connectors.stock.writes;outcome=written");

    /// <summary>Sitoo products the catalogue sync added or changed.</summary>
    public long ProductsToSitoo => Get("connectors.facts.applied;pipeline=catalogue");

    public long ApiCalls(string system) => _totals.Where(p => p.Key.StartsWith("connectors.api.calls;system=" + system + ";", StringComparison.Ordinal)).Sum(p => p.Value);

    public void Dispose() => _listener.Dispose();

    private long Get(string key) => _totals.TryGetValue(key, out var value) ? value : 0;
}
