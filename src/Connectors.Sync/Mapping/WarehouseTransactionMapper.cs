using System.Globalization;
using Connectors.Core.Inventory;
using Connectors.Sitoo.Models;

namespace Connectors.Sync.Mapping;

/// <summary>Sitoo warehouse transactions (<c>warehousetransactions.json</c>) as the Core's stock facts.</summary>
internal static class WarehouseTransactionMapper
{
    /// <summary>Translates one transaction with its items; every item becomes one line.</summary>
    /// <exception cref="MappingException">The transaction has no <c>datecreated</c>, or an item has no SKU or no <c>decimaltotal</c>.</exception>
    public static WarehouseTransaction ToCore(SitooWarehouseTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var entity = string.Create(CultureInfo.InvariantCulture, $"Sitoo warehouse transaction {transaction.WarehouseTransactionId}");
        var createdAt = transaction.DateCreated
            ?? throw new MappingException(entity, "datecreated", null, "the ledger orders facts by it; request it with fields=");
        var items = transaction.Items ?? [];
        var lines = new WarehouseTransactionLine[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            lines[i] = ToLine(entity, i, items[i]);
        }

        // Unknown numbers are kept: the Core applies them like any other movement.
        return new WarehouseTransaction(
            transaction.WarehouseTransactionId,
            transaction.WarehouseId,
            (WarehouseTransactionType)transaction.TransactionType.Value,
            createdAt,
            lines)
        {
            OrderDeliveryId = transaction.OrderDeliveryId,
        };
    }

    private static WarehouseTransactionLine ToLine(string entity, int index, SitooWarehouseTransactionItem item)
    {
        if (string.IsNullOrWhiteSpace(item.Sku))
        {
            throw new MappingException(entity, Field(index, "sku"), item.Sku, "a movement without SKU cannot be joined to a product");
        }

        var levelAfter = item.DecimalTotal
            ?? throw new MappingException(entity, Field(index, "decimaltotal"), null, "the level after the movement is what the ledger keeps; request it with fields=");
        return new WarehouseTransactionLine(item.Sku, item.DecimalQuantity, levelAfter);
    }

    private static string Field(int index, string name) => string.Create(CultureInfo.InvariantCulture, $"items[{index}].{name}");
}
