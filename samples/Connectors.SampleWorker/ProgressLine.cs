using System.Globalization;
using Connectors.SampleWorker.Demo;
using Connectors.Sync.Engine;
using Connectors.Sync.State;

namespace Connectors.SampleWorker;

/// <summary>A live one-line status in the console (a new line every few seconds when output is redirected).</summary>
internal sealed class ProgressLine(TrafficCounts? traffic, ConnectorMeterTotals totals, ConnectorEngine engine, IConnectorStore store)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var redirected = Console.IsOutputRedirected;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(redirected ? 5 : 1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var line = await DescribeAsync(cancellationToken);
                if (redirected)
                {
                    Console.WriteLine(line);
                }
                else
                {
                    Console.Write("\r" + line.PadRight(Math.Max(0, Console.WindowWidth - 1)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        if (!redirected)
        {
            Console.WriteLine();
        }
    }

    private async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var queue = (await store.WorkItems.CountPendingByLaneAsync(cancellationToken)).Values.Sum();
        var open = (await store.Exceptions.ListAsync(new ExceptionFilter(Status: ExceptionStatus.Open, MaxCount: 1000), cancellationToken)).Count;
        var p99 = engine.Telemetry.StockLag.Percentile(99);
        var demand = traffic is null ? "" : $"sales {traffic.PosSales} · online {traffic.OnlineOrders} (oversold {traffic.OversoldUnits}) · returns {traffic.Returns} · ";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{demand}stock writes {totals.StockWrites} · queue {queue} · open exceptions {open} · stock lag p99 {(p99 is { } ms ? $"{ms:F0} ms" : "–")}");
    }
}
