using System.Diagnostics;
using System.Globalization;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>
/// Prints what the engine has done so far every few seconds, so a run whose engine falls behind shows where: Shopware
/// writes, Sitoo calls by operation, undelivered events and the managed heap.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly StockScenario _scenario;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Timer _timer;

    /// <summary>Starts reporting every <paramref name="interval"/>.</summary>
    public ProgressReporter(StockScenario scenario, TimeSpan interval)
    {
        _scenario = scenario;
        _timer = new Timer(_ => Report(), null, interval, interval);
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void Report()
    {
        var sitoo = string.Join(", ", _scenario.Pos.Calls.ByOperation.Select(p => $"{ShortName(p.Key)} {p.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {Stopwatch.GetElapsedTime(_started).TotalSeconds,5:0} s: {_scenario.Writes.Requests} stock writes ({_scenario.Writes.Writes.Count} rows); Sitoo calls {sitoo}; events pending {_scenario.Pos.PendingEventCount}; heap {GC.GetTotalMemory(false) / 1048576} MB"));
    }

    private static string ShortName(string operation) => operation[(operation.LastIndexOf('/') + 1)..];
}
