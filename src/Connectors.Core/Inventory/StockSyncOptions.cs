namespace Connectors.Core.Inventory;

/// <summary>The stock topology and the policies applied to it. Replace a policy to change a rule.</summary>
/// <param name="Topology">Locations and SKU mapping.</param>
public sealed record StockSyncOptions(StockTopology Topology)
{
    /// <summary>Turns Sitoo levels into an online quantity; <see cref="BufferedAvailabilityPolicy"/> by default.</summary>
    public IStockAvailabilityPolicy Availability { get; init; } = BufferedAvailabilityPolicy.Instance;

    /// <summary>Decides about store-stocked non-closeout products; warns by default.</summary>
    public ICloseoutPolicy Closeout { get; init; } = FixedCloseoutPolicy.Warn;
}
