using System.Diagnostics;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>The sales one rate's drive rang up.</summary>
/// <param name="Sales">Every sale, in the order made.</param>
/// <param name="Elapsed">From the first scheduled sale to the end of the drive.</param>
/// <param name="MaxLag">The longest a sale was rung up after its scheduled time.</param>
internal sealed record DriveResult(IReadOnlyList<SaleObservation> Sales, TimeSpan Elapsed, TimeSpan MaxLag);

/// <summary>
/// Rings up POS sales open loop: sale <c>n</c> is due at <c>n / rate</c> seconds and is made as soon as it is due,
/// whatever the engine is doing. Each sale is one line of 1–2 units of a random SKU at a random store.
/// </summary>
internal static class SaleDriver
{
    /// <summary>Drives sales at <paramref name="rate"/> per second for <paramref name="duration"/>.</summary>
    public static async Task<DriveResult> DriveAsync(StockScenario scenario, int rate, TimeSpan duration, Random random, CancellationToken cancellationToken)
    {
        var skus = scenario.Skus;
        var total = (long)(rate * duration.TotalSeconds);
        var sales = new List<SaleObservation>((int)total);
        var maxLag = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        while (sales.Count < total)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > duration)
            {
                // Out of time: what could not be rung up counts against the achieved rate, not as a late burst.
                break;
            }

            var due = Math.Min(total, (long)(elapsed.TotalSeconds * rate) + 1);
            while (sales.Count < due)
            {
                var scheduled = TimeSpan.FromSeconds((double)sales.Count / rate);
                var lag = Stopwatch.GetElapsedTime(started) - scheduled;
                maxLag = lag > maxLag ? lag : maxLag;
                sales.Add(SellOne(scenario, skus, random));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
        }

        return new DriveResult(sales, Stopwatch.GetElapsedTime(started), maxLag);
    }

    private static SaleObservation SellOne(StockScenario scenario, IReadOnlyList<string> skus, Random random)
    {
        var sku = skus[random.Next(skus.Count)];
        var store = random.Next(scenario.Stores.Count);
        var quantity = Math.Min(random.Next(1, 3), scenario.Remaining(sku, store));
        if (quantity == 0)
        {
            throw new InvalidOperationException($"Store {store} ran out of {sku}; stock the stores deeper for this rate and duration.");
        }

        var timestamp = Stopwatch.GetTimestamp();
        return new SaleObservation(timestamp, sku, scenario.Sell(sku, store, quantity));
    }
}
