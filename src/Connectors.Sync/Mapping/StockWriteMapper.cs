using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Core.Inventory;
using Connectors.Shopware;

namespace Connectors.Sync.Mapping;

/// <summary>The Core's decided stock writes as one Shopware <c>/_action/sync</c> product upsert.</summary>
internal static class StockWriteMapper
{
    /// <summary>
    /// One row per write: <c>stock</c> (absolute, or current + delta) and <c>isCloseout</c> where the write forces it.
    /// Rows name the product by its id where known, else through the <c>product.number</c> resolver (6.5.2.0+), so every
    /// row carries an id and the operation may be retried.
    /// </summary>
    /// <param name="key">The operation key.</param>
    /// <param name="writes">The writes, at most one per SKU.</param>
    /// <param name="productIds">Product ids by product number, where known.</param>
    /// <param name="currentStock">Shopware's stock by product number as re-read just before the write; needed for delta writes.</param>
    /// <exception cref="MappingException">A SKU appears twice, or a delta write has no current stock.</exception>
    public static ShopwareSyncOperation ToSyncOperation(
        string key,
        IReadOnlyList<StockWrite> writes,
        IReadOnlyDictionary<string, string> productIds,
        IReadOnlyDictionary<string, int> currentStock)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(productIds);
        ArgumentNullException.ThrowIfNull(currentStock);
        if (writes.Count == 0)
        {
            throw new ArgumentException("A sync operation needs at least one write.", nameof(writes));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<JsonObject>(writes.Count);
        foreach (var write in writes)
        {
            var entity = $"Stock write for '{write.Sku}'";
            if (!seen.Add(write.Sku))
            {
                throw new MappingException(entity, "sku", write.Sku, "one sync request may write a product only once");
            }

            var row = new JsonObject { ["id"] = Id(write.Sku, productIds) };
            if (write.Kind != StockWriteKind.CloseoutOnly)
            {
                row["stock"] = write.StockToWrite(Current(entity, write, currentStock));
            }

            if (write.SetCloseout)
            {
                row["isCloseout"] = true;
            }

            rows.Add(row);
        }

        return ShopwareSyncOperation.Upsert(key, "product", rows);
    }

    private static JsonNode Id(string sku, IReadOnlyDictionary<string, string> productIds) =>
        productIds.TryGetValue(sku, out var id)
            ? JsonValue.Create(id)
            : new JsonObject { ["resolver"] = "product.number", ["value"] = sku };

    private static int Current(string entity, StockWrite write, IReadOnlyDictionary<string, int> currentStock)
    {
        if (write.Kind != StockWriteKind.Delta)
        {
            return 0;
        }

        return currentStock.TryGetValue(write.Sku, out var current)
            ? current
            : throw new MappingException(
                entity,
                "stock",
                null,
                string.Create(CultureInfo.InvariantCulture, $"a delta of {write.Quantity} needs the stock re-read just before the write"));
    }
}
