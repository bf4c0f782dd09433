using System.Diagnostics;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>One POS sale as the driver rang it up.</summary>
/// <param name="Timestamp">Just before the sale was made in Sitoo (<see cref="Stopwatch.GetTimestamp"/>).</param>
/// <param name="Sku">The SKU sold.</param>
/// <param name="StockAfter">The SKU's stock summed over the stores once this sale is in.</param>
internal sealed record SaleObservation(long Timestamp, string Sku, int StockAfter);

/// <summary>Sale → Shopware write latencies, and how many sales no write reflected.</summary>
/// <param name="LatenciesMs">One latency per reflected sale, ascending.</param>
/// <param name="Unreflected">Sales no write reflected.</param>
internal sealed record SaleReflection(IReadOnlyList<double> LatenciesMs, int Unreflected)
{
    /// <summary>
    /// Stock only falls in this traffic, so a sale is reflected by the first write of its SKU whose value is at most the
    /// stock after that sale: that write was computed from a Sitoo state that held the sale. Both lists are in time order
    /// per SKU, so one forward pass over the writes serves all the sales of a SKU.
    /// </summary>
    public static SaleReflection Match(IReadOnlyList<SaleObservation> sales, IReadOnlyList<StockWriteObservation> writes)
    {
        var writesBySku = writes.GroupBy(w => w.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var latencies = new List<double>(sales.Count);
        var unreflected = 0;
        foreach (var skuSales in sales.GroupBy(s => s.Sku, StringComparer.Ordinal))
        {
            var skuWrites = writesBySku.GetValueOrDefault(skuSales.Key) ?? [];
            var next = 0;
            foreach (var sale in skuSales)
            {
                // The stock after each sale falls, so the first matching write never lies before the previous sale's.
                while (next < skuWrites.Count && skuWrites[next].Stock > sale.StockAfter)
                {
                    next++;
                }

                if (next == skuWrites.Count)
                {
                    unreflected++;
                    continue;
                }

                latencies.Add(Stopwatch.GetElapsedTime(sale.Timestamp, skuWrites[next].Timestamp).TotalMilliseconds);
            }
        }

        latencies.Sort();
        return new SaleReflection(latencies, unreflected);
    }

    /// <summary>The nearest-rank percentile, or 0 when nothing was reflected.</summary>
    public double Percentile(double percent) =>
        LatenciesMs.Count == 0 ? 0 : LatenciesMs[Math.Clamp((int)Math.Ceiling(percent / 100 * LatenciesMs.Count) - 1, 0, LatenciesMs.Count - 1)];
}
