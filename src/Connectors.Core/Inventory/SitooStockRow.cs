namespace Connectors.Core.Inventory;

/// <summary>One Sitoo warehouse item as read from <c>warehouseitems.json</c>.</summary>
/// <param name="Sku">The Sitoo SKU.</param>
/// <param name="Level">Its level in one warehouse.</param>
public readonly record struct SitooStockRow(string Sku, WarehouseStock Level);
