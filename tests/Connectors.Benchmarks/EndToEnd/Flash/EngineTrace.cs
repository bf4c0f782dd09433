using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Connectors.Sync.Engine;

namespace Connectors.Benchmarks.EndToEnd.Flash;

/// <summary>
/// Listens to the engine's traces (<see cref="EngineTelemetry.ActivitySourceName"/>) and keeps, per activity name, how
/// many ended, their total and longest duration: where a pass spends its time.
/// </summary>
internal sealed class EngineTrace : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, Totals> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Activity, long> _running = new();

    public EngineTrace()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity => _running[activity] = Stopwatch.GetTimestamp(),
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Forgets what was seen so far (e.g. the warm-up).</summary>
    public void Clear() => _totals.Clear();

    /// <summary>Per activity name: count, total and longest duration in seconds, and how long the ones still running have run.</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var described = _totals.OrderByDescending(p => p.Value.TotalMs).ToDictionary(
            p => p.Key,
            p => string.Create(CultureInfo.InvariantCulture, $"{p.Value.Count}×, total {p.Value.TotalMs / 1000:0.0} s, longest {p.Value.MaxMs / 1000:0.0} s"),
            StringComparer.Ordinal);
        foreach (var (activity, started) in _running)
        {
            var key = activity.OperationName + " (still running)";
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            described[key] = described.TryGetValue(key, out var more)
                ? more + string.Create(CultureInfo.InvariantCulture, $", {seconds:0.0} s")
                : string.Create(CultureInfo.InvariantCulture, $"for {seconds:0.0} s");
        }

        return described;
    }

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        _running.TryRemove(activity, out _);
        var ms = activity.Duration.TotalMilliseconds;
        _totals.AddOrUpdate(activity.OperationName, _ => new Totals(1, ms, ms), (_, t) => new Totals(t.Count + 1, t.TotalMs + ms, Math.Max(t.MaxMs, ms)));
    }

    private sealed record Totals(int Count, double TotalMs, double MaxMs);
}
