using Connectors.Sync.Engine;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>API calls one simulator answered, by operation and by status code.</summary>
/// <param name="Operations">Calls by operation.</param>
/// <param name="Statuses">Calls by status code.</param>
internal sealed record CallCounts(IReadOnlyDictionary<string, int> Operations, IReadOnlyDictionary<string, int> Statuses);

/// <summary>What both simulators have answered and pushed so far.</summary>
/// <param name="Shopware">The Shopware simulator's calls.</param>
/// <param name="Sitoo">The Sitoo simulator's calls.</param>
/// <param name="EventAttempts">Events SPI delivery attempts.</param>
internal sealed record SimulatorCalls(CallCounts Shopware, CallCounts Sitoo, int EventAttempts);

/// <summary>A drive's sales and, when the simulators run in a process of their own, that process's peak memory.</summary>
/// <param name="Drive">The sales.</param>
/// <param name="PeakWorkingSetMb">The simulators' process's peak working set during the drive, or null in process.</param>
/// <param name="PeakManagedHeapMb">The simulators' process's peak managed heap during the drive, or null in process.</param>
internal sealed record SimulatorDrive(DriveResult Drive, double? PeakWorkingSetMb, double? PeakManagedHeapMb);

/// <summary>
/// One rate's world: both simulators with the catalogue and the sale driver, and the connector hosted in this
/// process. The simulators push their Sitoo events from the start until <see cref="StopEventDeliveryAsync"/>.
/// </summary>
internal interface IStockWorld : IAsyncDisposable
{
    /// <summary>The stock values the connector wrote to Shopware, timestamped in this process.</summary>
    ShopwareStockWriteLog Writes { get; }

    /// <summary>Every connector instance's engine, not running until the caller runs it.</summary>
    IReadOnlyList<ConnectorEngine> Engines { get; }

    /// <summary>Whether Shopware shows the stock the driver expects for every SKU.</summary>
    Task<bool> InStepAsync(CancellationToken cancellationToken);

    /// <summary>Rings up sales open loop at <paramref name="rate"/> per second for <paramref name="duration"/>.</summary>
    Task<SimulatorDrive> DriveAsync(int rate, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>The simulators' call counts so far.</summary>
    Task<SimulatorCalls> CallsAsync(CancellationToken cancellationToken);

    /// <summary>How many SKUs' Shopware stock differs from the stores' available stock summed.</summary>
    Task<int> MismatchesAsync(CancellationToken cancellationToken);

    /// <summary>Stops pushing Sitoo events, so the counts read afterwards are final.</summary>
    Task StopEventDeliveryAsync(CancellationToken cancellationToken);

    /// <summary>A progress line on what this process can see.</summary>
    string Progress();
}
