namespace Connectors.Core.Inventory;

/// <summary>What the ledger knows about one SKU in one Sitoo warehouse.</summary>
/// <param name="WarehouseId">The Sitoo <c>warehouseid</c>.</param>
/// <param name="Total">On-hand level from the newest transaction or observation.</param>
/// <param name="Reserved">Reserved quantity from the last observation (transactions do not carry it).</param>
/// <param name="LastTransactionId">The newest transaction applied here; 0 when only observed.</param>
public readonly record struct LocationLevel(int WarehouseId, decimal Total, decimal Reserved, long LastTransactionId)
{
    /// <summary>The level as the availability policy sees it.</summary>
    public WarehouseStock ToWarehouseStock() => new(WarehouseId, Total, Reserved, Total - Reserved);
}
