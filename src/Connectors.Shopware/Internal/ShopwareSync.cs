using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectors.Shopware.Internal;

internal sealed class ShopwareSync(IShopwareAdminApi api) : IShopwareSync
{
    public async Task<ShopwareSyncResult> ExecuteAsync(
        IEnumerable<ShopwareSyncOperation> operations, ShopwareSyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var list = operations.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one sync operation is required.", nameof(operations));
        }

        if (list.Select(o => o.Key).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            throw new ArgumentException("Sync operation keys must be distinct.", nameof(operations));
        }

        var body = new JsonArray([.. list.Select(o => (JsonNode?)o.ToJson())]);
        var headers = (options ?? new ShopwareSyncOptions()).ToHeaders();
        var safeToRetry = list.All(o => o.IsIdempotent);
        var document = await ShopwareResponseReader.ReadAsync(
            api.SyncAsync(ShopwareResponseReader.JsonBody(body), headers, safeToRetry, cancellationToken),
            ShopwareJsonContext.Default.JsonObject,
            cancellationToken).ConfigureAwait(false);
        return ToResult(document);
    }

    public async Task<ShopwareSyncIsolationResult> ExecuteIsolatingFailuresAsync(
        ShopwareSyncOperation operation, ShopwareSyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var results = new List<ShopwareSyncResult>();
        var written = new List<int>();
        var rejected = new List<ShopwareSyncRejectedRow>();
        var indexes = Enumerable.Range(0, operation.Payload.Count).ToList();
        var pending = new Stack<List<int>>();
        pending.Push(indexes);

        while (pending.TryPop(out var batch))
        {
            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                var subset = operation.WithPayload([.. batch.Select(i => operation.Payload[i])]);
                results.Add(await ExecuteAsync([subset], options, cancellationToken).ConfigureAwait(false));
                written.AddRange(batch);
            }
            catch (ShopwareApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
            {
                if (batch.Count == 1)
                {
                    rejected.Add(new ShopwareSyncRejectedRow(batch[0], operation.Payload[batch[0]], ex.Errors));
                    continue;
                }

                var blamed = BlamedRows(ex.Errors, operation.Key, batch.Count);
                if (blamed.Count > 0)
                {
                    // The pointers name bad rows: reject them and retry the rest as one batch.
                    foreach (var (local, errors) in blamed)
                    {
                        rejected.Add(new ShopwareSyncRejectedRow(batch[local], operation.Payload[batch[local]], errors));
                    }

                    pending.Push([.. batch.Where((_, local) => !blamed.ContainsKey(local))]);
                }
                else
                {
                    var half = batch.Count / 2;
                    pending.Push(batch[half..]);
                    pending.Push(batch[..half]);
                }
            }
        }

        written.Sort();
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new ShopwareSyncIsolationResult(results, written, rejected);
    }

    /// <summary>
    /// Maps the pointers <c>/{key}/{index}/…</c> of the errors to the rows of the batch they name. A field error names
    /// its row in <c>source.pointer</c>; a resolver error names every unresolved row in one entry, as
    /// <c>meta.parameters</c> <c>pointer-N</c> (see <see cref="ShopwareError.Pointers"/>), and each row gets the part
    /// of it that names the row.
    /// </summary>
    internal static Dictionary<int, IReadOnlyList<ShopwareError>> BlamedRows(IReadOnlyList<ShopwareError> errors, string key, int batchSize)
    {
        var blamed = new Dictionary<int, List<ShopwareError>>();
        void Blame(string? pointer, ShopwareError error)
        {
            if (RowOf(pointer, key, batchSize) is not { } index)
            {
                return;
            }

            if (!blamed.TryGetValue(index, out var list))
            {
                blamed[index] = list = [];
            }

            list.Add(error);
        }

        foreach (var error in errors)
        {
            Blame(error.SourcePointer, error);
            foreach (var (number, pointer) in error.NumberedPointers())
            {
                Blame(pointer, PartNaming(error, number, pointer));
            }
        }

        return blamed.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<ShopwareError>)pair.Value);
    }

    /// <summary>The row index a pointer <c>/{key}/{index}/…</c> names, if it is one of the batch's.</summary>
    private static int? RowOf(string? pointer, string key, int batchSize)
    {
        var segments = pointer?.Split('/');
        return segments is { Length: >= 3 } && segments[0].Length == 0
            && Unescape(segments[1]) == key
            && int.TryParse(segments[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < batchSize
                ? index
                : null;
    }

    /// <summary>
    /// The part of a resolver error about its <paramref name="number"/>-th reference: that pointer as the source, the
    /// parameters numbered <paramref name="number"/>, and the detail line naming the pointer (Shopware writes one line per
    /// reference, <c>Can not resolve foreign key at position {pointer}. Reference field: {field}</c>).
    /// </summary>
    private static ShopwareError PartNaming(ShopwareError error, int number, string pointer)
    {
        var suffix = "-" + number.ToString(CultureInfo.InvariantCulture);
        var position = $"position {pointer[1..]}.";
        var line = error.Detail?.Split('\n').FirstOrDefault(l => l.Contains(position, StringComparison.Ordinal));
        return error with
        {
            SourcePointer = pointer,
            Detail = line ?? error.Detail,
            Parameters = error.Parameters!
                .Where(p => p.Key.EndsWith(suffix, StringComparison.Ordinal))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        };
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static ShopwareSyncResult ToResult(JsonObject document)
        => new(Group(document["data"]), Group(document["notFound"]), Group(document["deleted"]));

    // PHP serialises an empty map as [], so anything but an object means "nothing".
    private static Dictionary<string, IReadOnlyList<JsonElement>> Group(JsonNode? node)
    {
        var groups = new Dictionary<string, IReadOnlyList<JsonElement>>(StringComparer.Ordinal);
        if (node is not JsonObject map)
        {
            return groups;
        }

        foreach (var (entity, keys) in map)
        {
            groups[entity] = keys is JsonArray array
                ? [.. array.Select(k => JsonSerializer.SerializeToElement(k, ShopwareJsonContext.Default.JsonNode))]
                : [];
        }

        return groups;
    }
}
