using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>
/// POS sales to Shopware stock, end to end over loopback HTTP: for each rate, sales are rung up open loop (on a
/// schedule, never waiting for the engine), then the engine drains; each sale's latency to the first Shopware write
/// that reflects it, the API calls of both systems and the process's memory are measured, and the final stock is checked.
/// </summary>
internal static class EndToEndBenchmark
{
    private static readonly TimeSpan _warmUpTimeout = TimeSpan.FromMinutes(3);
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    /// <summary>Runs every rate, prints the table and writes the JSON results.</summary>
    /// <returns>0 when every sale was reflected and the final stock matched at every rate, else 1.</returns>
    public static async Task<int> RunAsync(EndToEndSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Scenario == EndToEndSettings.FlashScenario)
        {
            return await Flash.FlashBenchmark.RunAsync(settings, cancellationToken).ConfigureAwait(false);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"e2e: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {settings.Instances} instance(s) on {(settings.UsesPostgreSql ? "PostgreSQL" : "SQLite")}, simulators {(settings.SimulatorsInOwnProcess ? "in their own process" : "in process")}, {settings.Skus} SKUs × {settings.Stores} stores, {settings.Duration.TotalSeconds} s per rate, events every {settings.EventDeliveryInterval.TotalMilliseconds} ms"));
        var results = new List<RateResult>();
        foreach (var rate in settings.Rates)
        {
            results.Add(await RunRateAsync(settings, rate, cancellationToken).ConfigureAwait(false));
            Console.WriteLine(ResultTable.Format(results));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(settings.OutputPath)!);
        await File.WriteAllTextAsync(settings.OutputPath, JsonSerializer.Serialize(new { Settings = Describe(settings), Results = results }, _json), cancellationToken)
            .ConfigureAwait(false);
        Console.WriteLine("Results: " + settings.OutputPath);
        return results.All(r => r.Unreflected == 0 && r.StockMismatches == 0) ? 0 : 1;
    }

    private static async Task<RateResult> RunRateAsync(EndToEndSettings settings, int rate, CancellationToken cancellationToken)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- {rate} sales/s: starting"));
        IStockWorld world = settings.SimulatorsInOwnProcess
            ? await SimulatorProcessWorld.StartAsync(settings, seed: rate, cancellationToken).ConfigureAwait(false)
            : await InProcessWorld.StartAsync(settings, seed: rate, cancellationToken).ConfigureAwait(false);
        await using var disposeWorld = world.ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var engineRun = Task.WhenAll(world.Engines.Select(engine => Task.Run(() => engine.RunAsync(stop.Token), CancellationToken.None)));
        try
        {
            var warmUp = await WaitUntilAsync(world.InStepAsync, _warmUpTimeout, cancellationToken).ConfigureAwait(false);
            if (warmUp is null)
            {
                throw new InvalidOperationException("The engine did not bring Shopware's stock in step with Sitoo during the warm-up.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   warm-up done in {warmUp.Value.TotalSeconds:0.0} s; driving"));
            world.Writes.Clear();
            var before = await world.CallsAsync(cancellationToken).ConfigureAwait(false);
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            using var sampler = new ResourceSampler();
            using var progress = new ProgressReporter(world.Progress, TimeSpan.FromSeconds(10));

            var simulated = await world.DriveAsync(rate, settings.Duration, cancellationToken).ConfigureAwait(false);
            var drive = simulated.Drive;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {drive.Sales.Count} sales in {drive.Elapsed.TotalSeconds:0.0} s; draining"));
            var drain = await WaitUntilAsync(world.InStepAsync, settings.DrainTimeout, cancellationToken).ConfigureAwait(false);

            // Stopping first makes the call counts final: nothing moves between the counts and the stock check.
            await stop.CancelAsync().ConfigureAwait(false);
            await engineRun.ConfigureAwait(false);
            await world.StopEventDeliveryAsync(cancellationToken).ConfigureAwait(false);
            sampler.Dispose();
            progress.Dispose();
            var reflection = SaleReflection.Match(drive.Sales, world.Writes.Writes);
            var after = await world.CallsAsync(cancellationToken).ConfigureAwait(false);
            var shop = Difference(after.Shopware, before.Shopware);
            var pos = Difference(after.Sitoo, before.Sitoo);
            var sales = drive.Sales.Count;
            var ownProcess = settings.SimulatorsInOwnProcess;
            return new RateResult
            {
                TargetRate = rate,
                DriveSeconds = drive.Elapsed.TotalSeconds,
                Sales = sales,
                AchievedRate = sales / drive.Elapsed.TotalSeconds,
                MaxDriverLagMs = drive.MaxLag.TotalMilliseconds,
                LatencyP50Ms = reflection.Percentile(50),
                LatencyP99Ms = reflection.Percentile(99),
                LatencyMaxMs = reflection.Percentile(100),
                Unreflected = reflection.Unreflected,
                DrainSeconds = drain?.TotalSeconds,
                StockMismatches = await world.MismatchesAsync(cancellationToken).ConfigureAwait(false),
                ShopwareCalls = shop.Operations.Values.Sum(),
                ShopwareStockWriteRequests = world.Writes.Requests,
                StockRowsWritten = world.Writes.Writes.Count,
                ShopwareCallsPerSale = (double)shop.Operations.Values.Sum() / sales,
                NaiveShopwareCalls = 2 * sales,
                SitooCalls = pos.Operations.Values.Sum(),
                SitooCallsPerSale = (double)pos.Operations.Values.Sum() / sales,
                ShopwareCallsByOperation = shop.Operations,
                SitooCallsByOperation = pos.Operations,
                CallsByStatus = shop.Statuses.Concat(pos.Statuses)
                    .GroupBy(p => p.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal),
                EventDeliveries = after.EventAttempts - before.EventAttempts,
                PeakWorkingSetMb = sampler.PeakWorkingSet / 1048576.0,
                PeakManagedHeapMb = sampler.PeakHeap / 1048576.0,
                AllocatedMb = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0,
                ConnectorPeakWorkingSetMb = ownProcess ? sampler.PeakWorkingSet / 1048576.0 : null,
                ConnectorPeakManagedHeapMb = ownProcess ? sampler.PeakHeap / 1048576.0 : null,
                SimulatorsPeakWorkingSetMb = simulated.PeakWorkingSetMb,
                SimulatorsPeakManagedHeapMb = simulated.PeakManagedHeapMb,
            };
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await engineRun.ConfigureAwait(false);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; returns how long that took, or null on timeout.</summary>
    internal static Task<TimeSpan?> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilAsync(_ => Task.FromResult(condition()), timeout, cancellationToken);

    /// <summary>Polls <paramref name="condition"/> until it holds; returns how long that took, or null on timeout.</summary>
    internal static async Task<TimeSpan?> WaitUntilAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition(cancellationToken).ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private static CallCounts Difference(CallCounts after, CallCounts before) =>
        new(Subtract(after.Operations, before.Operations), Subtract(after.Statuses, before.Statuses));

    private static Dictionary<string, int> Subtract(IReadOnlyDictionary<string, int> after, IReadOnlyDictionary<string, int> before) =>
        after.Select(p => (p.Key, Count: p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Count > 0)
            .OrderByDescending(p => p.Count)
            .ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal);

    private static object Describe(EndToEndSettings settings) => new
    {
        settings.Rates,
        DurationSeconds = settings.Duration.TotalSeconds,
        settings.Skus,
        settings.Stores,
        settings.Instances,
        Store = settings.UsesPostgreSql ? "postgres" : "sqlite",
        EventDeliveryIntervalMs = settings.EventDeliveryInterval.TotalMilliseconds,
        ShopwareLatencyMs = new[] { StockScenario.ShopwareLatency.Min.TotalMilliseconds, StockScenario.ShopwareLatency.Max.TotalMilliseconds },
        SitooLatencyMs = new[] { StockScenario.SitooLatency.Min.TotalMilliseconds, StockScenario.SitooLatency.Max.TotalMilliseconds },
        settings.SimulatorsInOwnProcess,
        Environment.ProcessorCount,
        Runtime = RuntimeInformation.FrameworkDescription,
    };
}
