using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Connectors.Benchmarks.EndToEnd.Flash;

/// <summary>
/// The flash sale, end to end over loopback HTTP: a few hot closeout products with few units, sold online (a shopper orders
/// one unit whenever the shop shows stock) and over the counter in the stores (one unit whenever the shelf has one) at
/// once, open loop at the given rate of attempts, with every store restocked every few seconds. Two worlds get the same
/// attempts at the same moments: one kept in step by the connector (as in the stock scenario), one by the naive loop
/// (<see cref="NaiveStockLoop"/>). Each reports the units it oversold and its oversell exposure (<see cref="FlashWorld"/>).
/// </summary>
internal static class FlashBenchmark
{
    private static readonly TimeSpan _warmUpTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan _sampleEvery = TimeSpan.FromMilliseconds(20);
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    /// <summary>Runs every rate, prints the table and writes the JSON results.</summary>
    /// <returns>0 when the connector's world ended in step at every rate, else 1.</returns>
    public static async Task<int> RunAsync(EndToEndSettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"e2e flash: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {settings.HotSkus} hot SKUs × {settings.Stores} stores, {settings.HotUnits} units per store every {settings.RestockInterval.TotalSeconds} s, {settings.HotSharePercent}% of the attempts on them, {settings.Skus} other SKUs, {settings.Duration.TotalSeconds} s per rate, naive loop every {settings.NaiveInterval.TotalMilliseconds} ms, Sitoo client limit {(settings.SitooRequestsPerSecond is { } rps ? rps.ToString(CultureInfo.InvariantCulture) : "default")}/s"));
        var results = new List<FlashResult>();
        foreach (var rate in settings.Rates)
        {
            results.AddRange(await RunRateAsync(settings, rate, cancellationToken).ConfigureAwait(false));
            Console.WriteLine(Format(results));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(settings.OutputPath)!);
        await File.WriteAllTextAsync(settings.OutputPath, JsonSerializer.Serialize(new { Settings = Describe(settings), Results = results }, _json), cancellationToken)
            .ConfigureAwait(false);
        Console.WriteLine("Results: " + settings.OutputPath);
        return results.Where(r => r.World == "connector").All(r => r.FinalMismatches == 0) ? 0 : 1;
    }

    private static async Task<IReadOnlyList<FlashResult>> RunRateAsync(EndToEndSettings settings, int rate, CancellationToken cancellationToken)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- {rate} attempts/s: starting"));
        var connectorScenario = await StockScenario.StartAsync(settings, seed: rate, cancellationToken).ConfigureAwait(false);
        await using var disposeConnector = connectorScenario.ConfigureAwait(false);
        var naiveScenario = await StockScenario.StartAsync(settings, seed: rate, cancellationToken, withConnector: false).ConfigureAwait(false);
        await using var disposeNaive = naiveScenario.ConfigureAwait(false);
        var connector = new FlashWorld("connector", connectorScenario);
        var naive = new FlashWorld("naive", naiveScenario);
        FlashWorld[] worlds = [connector, naive];
        var skus = connectorScenario.HotSkus;
        var catalogue = connectorScenario.Skus.Except(skus).ToList();
        var naiveLoop = new NaiveStockLoop(naiveScenario, skus, settings.NaiveInterval);

        using var trace = new EngineTrace();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var engines = connectorScenario.Engines;
        var engineRun = Task.WhenAll(engines.Select(engine => Task.Run(() => engine.RunAsync(stop.Token), CancellationToken.None)));
        var delivery = Task.Run(() => connectorScenario.Pos.RunEventDeliveryAsync(settings.EventDeliveryInterval, stop.Token), CancellationToken.None);
        var naiveRun = Task.Run(() => naiveLoop.RunAsync(stop.Token), CancellationToken.None);
        try
        {
            var warmUp = await EndToEndBenchmark.WaitUntilAsync(() => connectorScenario.InStep() && skus.All(sku => naiveScenario.Shop.GetProduct(sku).Stock == naiveScenario.ExpectedStock(sku)), _warmUpTimeout, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The connector or the naive loop did not bring Shopware's stock in step with Sitoo during the warm-up.");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   warm-up done in {warmUp.TotalSeconds:0.0} s; driving"));
            connectorScenario.Writes.Clear();
            trace.Clear();
            var naiveWritesBefore = (naiveLoop.Writes, naiveLoop.Rows);
            var racesBefore = engines.Sum(engine => engine.Telemetry.RaceCompensations);
            var sitooBefore = connectorScenario.Pos.Calls.ByOperation.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var shopwareBefore = connectorScenario.Shop.Calls.ByOperation.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sampler = Task.Run(() => SampleAsync(worlds, skus, sampling.Token), CancellationToken.None);
            using var progress = new ProgressReporter(() => ProgressReporter.Describe(connectorScenario), TimeSpan.FromSeconds(5));
            var drive = await DriveAsync(worlds, skus, catalogue, settings, rate, cancellationToken).ConfigureAwait(false);
            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {drive.Attempts} attempts in {drive.Elapsed.TotalSeconds:0.0} s; draining"));

            var engineTrace = trace.Describe();
            Console.WriteLine("   connector's engine during the drive: " + string.Join("; ", engineTrace.Select(p => p.Key + " " + p.Value)));
            var sitooCalls = Calls(connectorScenario.Pos.Calls.ByOperation, sitooBefore);
            var shopwareCalls = Calls(connectorScenario.Shop.Calls.ByOperation, shopwareBefore);
            var drain = await EndToEndBenchmark.WaitUntilAsync(() => connector.Mismatches(skus).Count == 0, settings.DrainTimeout, cancellationToken).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(engineRun, delivery, naiveRun).ConfigureAwait(false);
            return
            [
                Result(connector, rate, settings.HotUnits, drive, connectorScenario.Writes.Requests, connectorScenario.Writes.Writes.Count,
                    engines.Sum(engine => engine.Telemetry.RaceCompensations) - racesBefore, drain, skus) with { SitooCallsByOperation = sitooCalls, ShopwareCallsByOperation = shopwareCalls, EngineActivities = engineTrace },
                Result(naive, rate, settings.HotUnits, drive, naiveLoop.Writes - naiveWritesBefore.Writes, naiveLoop.Rows - naiveWritesBefore.Rows, null, null, skus),
            ];
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(engineRun, delivery, naiveRun).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Attempt <c>n</c> is due at <c>n / rate</c> seconds. <see cref="EndToEndSettings.HotSharePercent"/> of them are on a
    /// random hot product, online or in a random store (even odds), made in both worlds (in alternating order); the others
    /// are POS sales of 1–2 units across the regular catalogue, made in the connector's world only (they load its stock path;
    /// the naive loop looks at the hot products alone). Every restock interval, every store of both worlds receives more
    /// of each hot product.
    /// </summary>
    private static async Task<FlashDrive> DriveAsync(
        FlashWorld[] worlds, IReadOnlyList<string> skus, List<string> catalogue, EndToEndSettings settings, int rate, CancellationToken cancellationToken)
    {
        var random = new Random(rate);
        var connector = worlds[0].Scenario;
        var total = (long)(rate * settings.Duration.TotalSeconds);
        var attempts = 0L;
        var background = 0;
        var restocks = 0;
        var maxLag = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        while (attempts < total)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > settings.Duration)
            {
                break;
            }

            while ((restocks + 1) * settings.RestockInterval <= elapsed)
            {
                restocks++;
                foreach (var world in worlds)
                {
                    world.Restock(skus, settings.HotUnits);
                }
            }

            var due = Math.Min(total, (long)(elapsed.TotalSeconds * rate) + 1);
            while (attempts < due)
            {
                var lag = Stopwatch.GetElapsedTime(started) - TimeSpan.FromSeconds((double)attempts / rate);
                maxLag = lag > maxLag ? lag : maxLag;
                var store = random.Next(connector.Stores.Count);
                if (random.Next(100) >= settings.HotSharePercent)
                {
                    var item = catalogue[random.Next(catalogue.Count)];
                    var quantity = Math.Min(random.Next(1, 3), connector.Remaining(item, store));
                    if (quantity > 0)
                    {
                        connector.Sell(item, store, quantity);
                        background++;
                    }

                    attempts++;
                    continue;
                }

                var sku = skus[random.Next(skus.Count)];
                var online = random.Next(2) == 0;
                for (var i = 0; i < worlds.Length; i++)
                {
                    var world = worlds[(i + (int)attempts) % worlds.Length];
                    if (online)
                    {
                        world.TryOrderOnline(sku);
                    }
                    else
                    {
                        world.TrySellInStore(sku, store);
                    }
                }

                attempts++;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
        }

        return new FlashDrive((int)attempts, background, restocks, Stopwatch.GetElapsedTime(started), maxLag);
    }

    private static async Task SampleAsync(FlashWorld[] worlds, IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var last = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(_sampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = Stopwatch.GetTimestamp();
                var seconds = Stopwatch.GetElapsedTime(last, now).TotalSeconds;
                last = now;
                foreach (var world in worlds)
                {
                    world.SampleExposure(skus, seconds);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The drive is over.
        }
    }

    private static FlashResult Result(
        FlashWorld world, int rate, int hotUnits, FlashDrive drive, int writeRequests, int rowsWritten, long? races, TimeSpan? drain, IReadOnlyList<string> skus) => new()
        {
            World = world.Name,
            TargetRate = rate,
            DriveSeconds = drive.Elapsed.TotalSeconds,
            Attempts = drive.Attempts,
            BackgroundPosSales = world.Name == "connector" ? drive.BackgroundSales : 0,
            MaxDriverLagMs = drive.MaxLag.TotalMilliseconds,
            UnitsRestocked = (drive.Restocks + 1) * skus.Count * world.Scenario.Stores.Count * hotUnits,
            OnlineAttempts = world.OnlineAttempts,
            OnlineOrders = world.OnlineOrders,
            RefusedAtCheckout = world.Refused,
            PosSales = world.PosSales,
            OversoldUnits = world.OversoldUnits,
            OversoldOrders = world.OversoldOrders,
            ExposureUnitSeconds = world.ExposureUnitSeconds,
            MaxExcessUnits = world.MaxExcess,
            UnderExposureUnitSeconds = world.UnderExposureUnitSeconds,
            StockWriteRequests = writeRequests,
            StockRowsWritten = rowsWritten,
            RaceCompensations = races,
            DrainSeconds = drain?.TotalSeconds,
            FinalMismatches = world.Mismatches(skus).Count,
        };

    /// <summary>One row per world and rate, ready for docs/performance.md.</summary>
    private static string Format(IEnumerable<FlashResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| Writer | Attempts/s | Attempts | Online orders | Hot POS sales | Oversold units (orders) | Exposure unit·s | Max excess | Under-exposure unit·s | Stock writes (rows) | Race compensations | Drain s | Final mismatches |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.World} | {r.TargetRate} | {r.Attempts} | {r.OnlineOrders} | {r.PosSales} | {r.OversoldUnits} ({r.OversoldOrders}) | {r.ExposureUnitSeconds:0.0} | {r.MaxExcessUnits} | {r.UnderExposureUnitSeconds:0.0} | {r.StockWriteRequests} ({r.StockRowsWritten}) | {(r.RaceCompensations is { } races ? races.ToString(CultureInfo.InvariantCulture) : "–")} | {(r.DrainSeconds is { } drain ? drain.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | {r.FinalMismatches} |"));
        }

        return table.ToString();
    }

    // The calls of the drive (and of the first part of the drain), by operation, most first.
    private static Dictionary<string, int> Calls(IReadOnlyDictionary<string, int> after, Dictionary<string, int> before) =>
        after.Select(p => (p.Key, Count: p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Count > 0)
            .OrderByDescending(p => p.Count)
            .ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal);


    private static object Describe(EndToEndSettings settings) => new
    {
        settings.Scenario,
        settings.Rates,
        DurationSeconds = settings.Duration.TotalSeconds,
        settings.HotSkus,
        settings.HotUnits,
        settings.HotSharePercent,
        settings.Skus,
        settings.Stores,
        RestockSeconds = settings.RestockInterval.TotalSeconds,
        NaiveIntervalMs = settings.NaiveInterval.TotalMilliseconds,
        settings.SitooRequestsPerSecond,
        EventDeliveryIntervalMs = settings.EventDeliveryInterval.TotalMilliseconds,
        ExposureSampleMs = _sampleEvery.TotalMilliseconds,
        ShopwareLatencyMs = new[] { StockScenario.ShopwareLatency.Min.TotalMilliseconds, StockScenario.ShopwareLatency.Max.TotalMilliseconds },
        SitooLatencyMs = new[] { StockScenario.SitooLatency.Min.TotalMilliseconds, StockScenario.SitooLatency.Max.TotalMilliseconds },
        Environment.ProcessorCount,
        Runtime = RuntimeInformation.FrameworkDescription,
    };

    private sealed record FlashDrive(int Attempts, int BackgroundSales, int Restocks, TimeSpan Elapsed, TimeSpan MaxLag);
}

/// <summary>What one writer's world measured at one rate; written to the JSON results as is.</summary>
internal sealed record FlashResult
{
    /// <summary><c>connector</c> or <c>naive</c>.</summary>
    public required string World { get; init; }

    public required int TargetRate { get; init; }

    public required double DriveSeconds { get; init; }

    /// <summary>Attempts made (each in both worlds): online while the shop shows stock, in a store while the shelf has a unit.</summary>
    public required int Attempts { get; init; }

    /// <summary>POS sales across the regular catalogue (connector's world only).</summary>
    public required int BackgroundPosSales { get; init; }

    public required double MaxDriverLagMs { get; init; }

    /// <summary>Units the stores received: the opening stock and every restock.</summary>
    public required int UnitsRestocked { get; init; }

    /// <summary>Online attempts made while the shop showed the product in stock.</summary>
    public required int OnlineAttempts { get; init; }

    public required int OnlineOrders { get; init; }

    /// <summary>Orders the shop refused at checkout because the closeout's stock fell to 0 between the look and the checkout.</summary>
    public required int RefusedAtCheckout { get; init; }

    public required int PosSales { get; init; }

    /// <summary>Online units the shop took beyond what the pool could still sell (<see cref="FlashWorld"/>).</summary>
    public required int OversoldUnits { get; init; }

    public required int OversoldOrders { get; init; }

    /// <summary>Units shown beyond what the pool could still sell, times how long, summed over the hot products, during the drive.</summary>
    public required double ExposureUnitSeconds { get; init; }

    /// <summary>The most units, summed over the hot products, the shop showed beyond the pool in one sample.</summary>
    public required int MaxExcessUnits { get; init; }

    /// <summary>Units the pool could still sell that the shop did not show, times how long, during the drive.</summary>
    public required double UnderExposureUnitSeconds { get; init; }

    public required int StockWriteRequests { get; init; }

    public required int StockRowsWritten { get; init; }

    /// <summary>The connector's corrective writes for orders placed between its reading and its write; none for the naive loop.</summary>
    public required long? RaceCompensations { get; init; }

    /// <summary>Connector: from the last attempt until the shop showed what the pool can sell for every hot product.</summary>
    public required double? DrainSeconds { get; init; }

    /// <summary>Hot products whose shop stock is not what the pool can still sell, at the end.</summary>
    public required int FinalMismatches { get; init; }

    /// <summary>Connector: its Sitoo calls from the end of the warm-up to the end of the drive, by operation.</summary>
    public IReadOnlyDictionary<string, int>? SitooCallsByOperation { get; init; }

    /// <summary>Connector: its Shopware calls over the same span, by operation.</summary>
    public IReadOnlyDictionary<string, int>? ShopwareCallsByOperation { get; init; }

    /// <summary>Connector: the engine's traces that ended over the same span, by name (count, total, longest).</summary>
    public IReadOnlyDictionary<string, string>? EngineActivities { get; init; }
}
