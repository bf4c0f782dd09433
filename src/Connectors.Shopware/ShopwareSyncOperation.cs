using System.Text.Json.Nodes;

namespace Connectors.Shopware;

/// <summary>What a sync operation does with its rows.</summary>
public enum ShopwareSyncAction
{
    /// <summary>Create or update each row.</summary>
    Upsert,

    /// <summary>Delete the rows named by their primary keys.</summary>
    Delete,
}

/// <summary>One absolute stock value for the product (variant) with this product number.</summary>
/// <param name="ProductNumber">The SKU, resolved by Shopware's <c>product.number</c> resolver (6.5.2.0+).</param>
/// <param name="Stock">The new stock.</param>
public sealed record ShopwareStockUpdate(string ProductNumber, int Stock);

/// <summary>One operation of a <c>/_action/sync</c> request: an entity, an action and its rows.</summary>
public sealed class ShopwareSyncOperation
{
    private ShopwareSyncOperation(string key, string entity, ShopwareSyncAction action, IReadOnlyList<JsonObject> payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        if (key.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("An operation key must not contain '/': Shopware reports errors as /{key}/{index}/{field}.", nameof(key));
        }

        Key = key;
        Entity = entity;
        Action = action;
        Payload = payload;
    }

    /// <summary>Name of the operation; Shopware error pointers start with it.</summary>
    public string Key { get; }

    /// <summary>Entity name, e.g. <c>product</c>.</summary>
    public string Entity { get; }

    /// <summary>Upsert or delete.</summary>
    public ShopwareSyncAction Action { get; }

    /// <summary>The rows (upsert) or primary keys (delete).</summary>
    public IReadOnlyList<JsonObject> Payload { get; }

    /// <summary>
    /// Whether sending the operation twice has the same effect as once: deletes, and upserts whose rows all carry an
    /// <c>id</c> (a literal id or a resolver). Only such requests are retried automatically.
    /// </summary>
    public bool IsIdempotent => Action == ShopwareSyncAction.Delete || Payload.All(row => row["id"] is not null);

    /// <summary>Upserts rows of an entity. The rows are copied.</summary>
    public static ShopwareSyncOperation Upsert(string key, string entity, IEnumerable<JsonObject> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new(key, entity, ShopwareSyncAction.Upsert, [.. rows.Select(r => (JsonObject)r.DeepClone())]);
    }

    /// <summary>Deletes entities by id.</summary>
    public static ShopwareSyncOperation Delete(string key, string entity, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new(key, entity, ShopwareSyncAction.Delete, [.. ids.Select(id => new JsonObject { ["id"] = id })]);
    }

    /// <summary>Sets absolute stock values addressed by product number, with no id lookup.</summary>
    public static ShopwareSyncOperation StockUpdates(string key, IEnumerable<ShopwareStockUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        return new(key, "product", ShopwareSyncAction.Upsert, [.. updates.Select(StockRow)]);
    }

    internal ShopwareSyncOperation WithPayload(IReadOnlyList<JsonObject> rows) => new(Key, Entity, Action, rows);

    internal JsonObject ToJson() => new()
    {
        ["key"] = Key,
        ["entity"] = Entity,
        ["action"] = Action == ShopwareSyncAction.Delete ? "delete" : "upsert",
        ["payload"] = new JsonArray([.. Payload.Select(row => (JsonNode?)row.DeepClone())]),
    };

    private static JsonObject StockRow(ShopwareStockUpdate update)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(update.ProductNumber, nameof(update));
        return new JsonObject
        {
            ["id"] = new JsonObject { ["resolver"] = "product.number", ["value"] = update.ProductNumber },
            ["stock"] = update.Stock,
        };
    }
}
