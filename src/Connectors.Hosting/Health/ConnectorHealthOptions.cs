namespace Connectors.Hosting.Health;

/// <summary>When the connector counts as unhealthy; bound from <c>Connectors:Hosting:Health</c>.</summary>
public sealed class ConnectorHealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Connectors:Hosting:Health";

    /// <summary>A source whose last successful poll is older than this is stalled (unhealthy). Default 5 minutes.</summary>
    public TimeSpan PollStalledAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Stock lag (sale → Shopware write, 99th percentile) above this is degraded. Default 60 s.</summary>
    public TimeSpan StockLagThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Due work waiting longer than this is degraded: the engine is not keeping up. Default 10 minutes.</summary>
    public TimeSpan QueueStalledAfter { get; set; } = TimeSpan.FromMinutes(10);
}
