namespace Connectors.Benchmarks.EndToEnd;

/// <summary>What one rate's run measured; written to the JSON results as is.</summary>
internal sealed record RateResult
{
    public required int TargetRate { get; init; }

    public required double DriveSeconds { get; init; }

    public required int Sales { get; init; }

    /// <summary>Sales per second actually rung up (below the target when the driver could not keep up).</summary>
    public required double AchievedRate { get; init; }

    /// <summary>How late the driver rang up its most delayed sale against the schedule.</summary>
    public required double MaxDriverLagMs { get; init; }

    public required double LatencyP50Ms { get; init; }

    public required double LatencyP99Ms { get; init; }

    public required double LatencyMaxMs { get; init; }

    /// <summary>Sales no Shopware write reflected by the end; must be 0.</summary>
    public required int Unreflected { get; init; }

    /// <summary>From the last sale until Shopware showed every SKU's expected stock; null when it never did.</summary>
    public required double? DrainSeconds { get; init; }

    /// <summary>SKUs whose Shopware stock differs from the stores' available sum at the end; must be 0.</summary>
    public required int StockMismatches { get; init; }

    public required int ShopwareCalls { get; init; }

    public required int ShopwareStockWriteRequests { get; init; }

    public required int StockRowsWritten { get; init; }

    public required double ShopwareCallsPerSale { get; init; }

    /// <summary>One product read and one stock write per sale.</summary>
    public required int NaiveShopwareCalls { get; init; }

    public required int SitooCalls { get; init; }

    public required double SitooCallsPerSale { get; init; }

    public required IReadOnlyDictionary<string, int> ShopwareCallsByOperation { get; init; }

    public required IReadOnlyDictionary<string, int> SitooCallsByOperation { get; init; }

    /// <summary>Answers by status code, both systems; anything but 200 means retries or throttling.</summary>
    public required IReadOnlyDictionary<string, int> CallsByStatus { get; init; }

    /// <summary>Events SPI delivery attempts during the run (batches of at most 10 events).</summary>
    public required int EventDeliveries { get; init; }

    /// <summary>This process's peak working set: the connector's alone when the simulators ran in their own process.</summary>
    public required double PeakWorkingSetMb { get; init; }

    public required double PeakManagedHeapMb { get; init; }

    public required double AllocatedMb { get; init; }

    /// <summary>The connector's process's peak working set, when the simulators ran in their own process (else null).</summary>
    public double? ConnectorPeakWorkingSetMb { get; init; }

    /// <summary>The connector's process's peak managed heap, when the simulators ran in their own process (else null).</summary>
    public double? ConnectorPeakManagedHeapMb { get; init; }

    /// <summary>The simulators' and driver's process's peak working set during the drive (null when in process).</summary>
    public double? SimulatorsPeakWorkingSetMb { get; init; }

    /// <summary>The simulators' and driver's process's peak managed heap during the drive (null when in process).</summary>
    public double? SimulatorsPeakManagedHeapMb { get; init; }
}
