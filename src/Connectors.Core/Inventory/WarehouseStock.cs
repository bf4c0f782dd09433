namespace Connectors.Core.Inventory;

/// <summary>One SKU's stock level in one Sitoo warehouse (a Sitoo warehouse item).</summary>
/// <param name="WarehouseId">The Sitoo <c>warehouseid</c>.</param>
/// <param name="Total">On hand (<c>decimaltotal</c>).</param>
/// <param name="Reserved">Reserved by orders (<c>decimalreserved</c>).</param>
/// <param name="Available">Free to sell (<c>decimalavailable</c>, normally total − reserved).</param>
public readonly record struct WarehouseStock(int WarehouseId, decimal Total, decimal Reserved, decimal Available);
