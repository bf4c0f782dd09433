using System.Globalization;
using System.Text;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>The results as a Markdown table, ready for docs/performance.md.</summary>
internal static class ResultTable
{
    /// <summary>
    /// One row per rate. The peak working set and heap are this process's: the connector's own when the simulators ran
    /// in their own process, whose working set is the last column.
    /// </summary>
    public static string Format(IEnumerable<RateResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| Target/s | Achieved/s | Sales | p50 ms | p99 ms | max ms | Unreflected | Drain s | Mismatches | Shopware calls (writes) | per sale | naive | Sitoo calls | per sale | Peak WS MB | Peak heap MB | Simulators' WS MB |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.TargetRate} | {r.AchievedRate:0.0} | {r.Sales} | {r.LatencyP50Ms:0} | {r.LatencyP99Ms:0} | {r.LatencyMaxMs:0} | {r.Unreflected} | {(r.DrainSeconds is { } drain ? drain.ToString("0.0", CultureInfo.InvariantCulture) : "never")} | {r.StockMismatches} | {r.ShopwareCalls} ({r.ShopwareStockWriteRequests}) | {r.ShopwareCallsPerSale:0.0000} | {r.NaiveShopwareCalls} | {r.SitooCalls} | {r.SitooCallsPerSale:0.0000} | {r.PeakWorkingSetMb:0} | {r.PeakManagedHeapMb:0} | {(r.SimulatorsPeakWorkingSetMb is { } simulators ? simulators.ToString("0", CultureInfo.InvariantCulture) : "in process")} |"));
        }

        return table.ToString();
    }
}
