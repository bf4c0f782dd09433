using System.Globalization;
using Connectors.Core.Inventory;
using Connectors.Sitoo.Models;

namespace Connectors.Sync.Mapping;

/// <summary>Sitoo warehouse items (<c>warehouseitems.json</c>) as the Core's stock rows.</summary>
internal static class WarehouseStockMapper
{
    /// <summary>
    /// Translates one item read from the warehouse <paramref name="warehouseId"/>. Sitoo leaves out
    /// <c>warehouseid</c> in its item lists, so the caller names the warehouse it read. A missing
    /// <c>decimalreserved</c> counts as nothing reserved and a missing <c>decimalavailable</c> as total − reserved,
    /// the relation every Sitoo example shows.
    /// </summary>
    /// <exception cref="MappingException">No SKU, no <c>decimaltotal</c>, or the item belongs to another warehouse.</exception>
    public static SitooStockRow ToStockRow(SitooWarehouseItem item, int warehouseId)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entity = string.Create(CultureInfo.InvariantCulture, $"Sitoo warehouse item '{item.Sku}' of warehouse {warehouseId}");
        if (string.IsNullOrWhiteSpace(item.Sku))
        {
            throw new MappingException(entity, "sku", item.Sku, "a stock row without SKU cannot be joined to a product");
        }

        if (item.WarehouseId is { } own && own != warehouseId)
        {
            throw new MappingException(entity, "warehouseid", own, "the item was read as part of another warehouse");
        }

        var total = item.DecimalTotal
            ?? throw new MappingException(entity, "decimaltotal", null, "the on-hand level is required; request it with fields=");
        var reserved = item.DecimalReserved ?? 0m;
        var available = item.DecimalAvailable ?? total - reserved;
        return new SitooStockRow(item.Sku, new WarehouseStock(warehouseId, total, reserved, available));
    }
}
