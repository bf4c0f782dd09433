using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectors.Shopware;

/// <summary>What a sync request wrote, grouped by entity name (not by operation key), including child and translation rows.</summary>
/// <param name="Written">Primary keys written per entity: id strings, or objects for mapping and translation entities.</param>
/// <param name="NotFound">Primary keys that were not found, per entity.</param>
/// <param name="Deleted">Primary keys deleted, per entity.</param>
public sealed record ShopwareSyncResult(
    IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Written,
    IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> NotFound,
    IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Deleted)
{
    /// <summary>The plain ids written for an entity (mapping keys are left out).</summary>
    public IReadOnlyList<string> WrittenIds(string entity)
        => Written.TryGetValue(entity, out var keys)
            ? [.. keys.Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!)]
            : [];
}

/// <summary>A row Shopware refused, with the reasons it gave.</summary>
/// <param name="Index">Position of the row in the operation's payload.</param>
/// <param name="Row">The row as it was sent.</param>
/// <param name="Errors">Shopware's errors for it.</param>
public sealed record ShopwareSyncRejectedRow(int Index, JsonObject Row, IReadOnlyList<ShopwareError> Errors)
{
    /// <summary>
    /// The product number the row addressed its product by (the value of a <c>product.number</c> resolver in its
    /// <c>id</c>, as <see cref="ShopwareSyncOperation.StockUpdates"/> writes), or <see langword="null"/> for rows with a plain id.
    /// </summary>
    public string? ProductNumber
        => Row["id"] is JsonObject reference && reference["resolver"]?.GetValueKind() == JsonValueKind.String
            && reference["resolver"]!.GetValue<string>() == "product.number"
            && reference["value"]?.GetValueKind() == JsonValueKind.String
                ? reference["value"]!.GetValue<string>()
                : null;
}

/// <summary>Outcome of a sync that isolated failing rows and wrote the others.</summary>
/// <param name="Results">One result per successful request.</param>
/// <param name="WrittenIndexes">Positions of the rows that were written, ascending.</param>
/// <param name="Rejected">Rows Shopware refused, by position.</param>
public sealed record ShopwareSyncIsolationResult(
    IReadOnlyList<ShopwareSyncResult> Results,
    IReadOnlyList<int> WrittenIndexes,
    IReadOnlyList<ShopwareSyncRejectedRow> Rejected);
