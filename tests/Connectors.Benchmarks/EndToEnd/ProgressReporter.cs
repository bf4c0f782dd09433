using System.Diagnostics;
using System.Globalization;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>
/// Prints what the engine has done so far every few seconds, so a run whose engine falls behind shows where: Shopware
/// writes, Sitoo calls by operation, undelivered events and the managed heap.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly Func<string> _describe;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Timer _timer;

    /// <summary>Starts printing <paramref name="describe"/>'s line every <paramref name="interval"/>.</summary>
    public ProgressReporter(Func<string> describe, TimeSpan interval)
    {
        _describe = describe;
        _timer = new Timer(_ => Report(), null, interval, interval);
    }

    /// <summary>A scenario whose simulators and connector both run in this process, described in one line.</summary>
    public static string Describe(StockScenario scenario)
    {
        var sitoo = string.Join(", ", scenario.Pos.Calls.ByOperation.Select(p => $"{ShortName(p.Key)} {p.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Writes.Requests} stock writes ({scenario.Writes.Writes.Count} rows); Sitoo calls {sitoo}; events pending {scenario.Pos.PendingEventCount}; heap {GC.GetTotalMemory(false) / 1048576} MB");
    }

    /// <summary>The last segment of an operation's name.</summary>
    public static string ShortName(string operation) => operation[(operation.LastIndexOf('/') + 1)..];

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void Report() =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {Stopwatch.GetElapsedTime(_started).TotalSeconds,5:0} s: {_describe()}"));
}
