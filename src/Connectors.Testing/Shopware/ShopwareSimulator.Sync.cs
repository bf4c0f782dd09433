using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectors.Testing.Contracts;

namespace Connectors.Testing.Shopware;

public sealed partial class ShopwareSimulator
{
    private static readonly string[] _writeProtectedProductFields = ["availableStock", "available", "sales", "childCount", "createdAt", "updatedAt"];
    private static readonly string[] _requiredOnProductInsert = ["productNumber", "stock", "name", "taxId", "price"];

    private readonly HashSet<string> _indexingQueue = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs the product indexer for writes made with <c>indexing-behavior: use-queue-indexing</c>, as a message
    /// queue worker would: <c>available</c> and <c>availableStock</c> catch up with <c>stock</c>.
    /// </summary>
    public void RunQueuedIndexing()
    {
        lock (Gate)
        {
            foreach (var id in _indexingQueue)
            {
                if (_products.TryGetValue(id, out var product))
                {
                    IndexProduct(product);
                }
            }
            _indexingQueue.Clear();
        }
    }

    /// <summary>
    /// Runs when an Admin API sync request (<c>POST /api/_action/sync</c>) that writes product <c>stock</c> arrives,
    /// before anything of it is validated or applied, with the <b>product numbers</b> (<c>productNumber</c>) of the
    /// rows that set <c>stock</c>, distinct, in payload order. It runs outside the simulator's lock, so it may call
    /// <see cref="PlaceOrder"/>, <see cref="CancelOrder"/> or <see cref="SetStockAsAdministrator"/> on this
    /// simulator: that puts a shopper or another writer exactly between a connector's read of the stock and its
    /// write. <see langword="null"/> (the default) for none.
    /// </summary>
    /// <remarks>
    /// A row's number comes from its <c>product.number</c> resolver, else from the existing product its <c>id</c>
    /// names, else from its own <c>productNumber</c>; a row naming none of these is left out. The hook also runs for
    /// a request that is then rejected (the shop validates after the request has arrived). The simulator serves no
    /// single <c>PATCH /api/product/{id}</c> write, so the sync API is the only stock write the hook sees; writes
    /// made by <see cref="SetStockAsAdministrator"/> do not run it.
    /// </remarks>
    public Action<IReadOnlyList<string>>? BeforeProductWrite { get; set; }

    /// <summary>
    /// Sets a product's <c>stock</c> as another Admin API integration (an ERP) or a person in the administration
    /// would: an absolute write that leaves <c>sales</c> alone, re-indexes <c>available</c> and raises
    /// <c>product.written</c> like any API write. It is not listed in <see cref="Writes"/> and does not run
    /// <see cref="BeforeProductWrite"/>: those describe the requests the simulator's own Admin API serves.
    /// </summary>
    /// <param name="productNumber">The product's number.</param>
    /// <param name="stock">The new stock.</param>
    /// <exception cref="KeyNotFoundException">No product has that number.</exception>
    public void SetStockAsAdministrator(string productNumber, int stock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productNumber);
        lock (Gate)
        {
            var product = ProductByNumber(productNumber) ?? throw new KeyNotFoundException($"No product with number {productNumber}.");
            var id = product["id"]!.GetValue<string>();
            product["stock"] = stock;
            product["updatedAt"] = Now();
            IndexProduct(product);
            RaiseEvent("product.written", new JsonArray(EntityWrite("product", "update", id, ["id", "versionId", "stock", "updatedAt"])));
        }
    }

    // One transaction: every row of every operation is resolved and validated first; one error writes nothing.
    private HttpResponseMessage Sync(HttpRequestMessage request, string? body, ContractValidation contract)
    {
        var operations = ParseOperations(body);
        if (BeforeProductWrite is { } beforeWrite)
        {
            List<string> numbers;
            lock (Gate)
            {
                numbers = StockWriteNumbers(operations);
            }
            if (numbers.Count > 0)
            {
                beforeWrite(numbers);
            }
        }
        if (operations.Count > 0 && operations.All(operation => operation.Operation["entity"]?.ToString() == "order_transaction_capture_refund"))
        {
            lock (Gate)
            {
                return SyncCaptureRefunds(operations, contract);
            }
        }
        var indexing = Header(request, "indexing-behavior");
        var skipFlows = Header(request, "sw-skip-trigger-flow") is "1" or "true";
        lock (Gate)
        {
            var staged = new StagedProducts(_products);
            var errors = new List<ShopwareErrorEntry>();
            var plans = new List<(string Entity, string Action, List<PlannedRow> Rows)>();
            foreach (var (key, operation) in operations)
            {
                var entity = operation["entity"]?.ToString();
                var action = operation["action"]?.ToString();
                if (entity != "product")
                {
                    throw new ShopwareRejection(ShopwareErrors.InvalidSyncOperation(
                        $"The simulated shop does not model sync writes of entity \"{entity}\" beside products; only product and order_transaction_capture_refund are modelled.", $"/{key}/entity"));
                }
                if (action is not ("upsert" or "delete"))
                {
                    throw new ShopwareRejection(ShopwareErrors.InvalidSyncOperation($"Invalid action \"{action}\" for operation {key}.", $"/{key}/action"));
                }
                if (operation["payload"] is not JsonArray payload || (payload.Count == 0 && operation["criteria"] is null))
                {
                    throw new ShopwareRejection(ShopwareErrors.InvalidSyncOperation($"Operation {key} has no payload.", $"/{key}/payload"));
                }
                var rows = new List<PlannedRow>();
                var unresolved = new List<(string Pointer, string Field)>();
                for (var index = 0; index < payload.Count; index++)
                {
                    var pointer = $"/{key}/{index}";
                    if (payload[index] is not JsonObject row)
                    {
                        errors.Add(ShopwareErrors.InvalidSyncOperation("A payload row must be an object.", pointer));
                        continue;
                    }
                    var resolved = Resolve(row, key, index, unresolved);
                    if (resolved is null)
                    {
                        continue;
                    }
                    rows.Add(action == "delete" ? new PlannedRow(resolved, resolved["id"]?.ToString(), false) : PlanUpsert(resolved, pointer, staged, errors));
                }
                // SyncService resolves each operation before anything is validated or written; the first operation
                // with an unresolved reference fails the request, naming all of that operation's.
                if (unresolved.Count > 0)
                {
                    throw new ShopwareRejection(ShopwareErrors.InvalidSyncResolvers(unresolved));
                }
                plans.Add((entity, action, rows));
            }
            if (errors.Count > 0)
            {
                throw new ShopwareRejection(HttpStatusCode.BadRequest, errors);
            }
            EnsureConforms(contract);
            return Commit(plans, indexing, skipFlows);
        }
    }

    // The product numbers of the upsert rows that set stock; call under Gate.
    private List<string> StockWriteNumbers(List<(string Key, JsonObject Operation)> operations)
    {
        var numbers = new List<string>();
        foreach (var (_, operation) in operations)
        {
            if (operation["entity"]?.ToString() != "product" || operation["action"]?.ToString() != "upsert" || operation["payload"] is not JsonArray payload)
            {
                continue;
            }
            foreach (var row in payload.OfType<JsonObject>().Where(r => r.ContainsKey("stock")))
            {
                var number = row["id"] switch
                {
                    JsonObject reference when reference["resolver"]?.ToString() == "product.number" => reference["value"]?.ToString(),
                    JsonValue id when id.GetValueKind() == JsonValueKind.String && _products.TryGetValue(id.GetValue<string>().ToLowerInvariant(), out var existing)
                        => existing["productNumber"]?.GetValue<string>(),
                    _ => null,
                };
                number ??= row["productNumber"]?.GetValueKind() == JsonValueKind.String ? row["productNumber"]!.GetValue<string>() : null;
                if (number is not null && !numbers.Contains(number, StringComparer.Ordinal))
                {
                    numbers.Add(number);
                }
            }
        }
        return numbers;
    }

    private HttpResponseMessage Commit(List<(string Entity, string Action, List<PlannedRow> Rows)> plans, string? indexing, bool skipFlows)
    {
        var written = new List<string>();
        var deleted = new List<string>();
        var notFound = new List<string>();
        var writes = new JsonArray();
        var deletes = new JsonArray();
        foreach (var (_, action, rows) in plans)
        {
            foreach (var row in rows)
            {
                if (action == "delete")
                {
                    if (row.Id is not null && _products.Remove(row.Id))
                    {
                        deleted.Add(row.Id);
                        deletes.Add(EntityWrite("product", "delete", row.Id, null));
                    }
                    else
                    {
                        notFound.Add(row.Id ?? "");
                    }
                    continue;
                }
                var product = row.IsInsert ? NewProduct(row.Id!) : _products[row.Id!];
                foreach (var (field, value) in row.Values)
                {
                    product[field] = value?.DeepClone();
                }
                product[row.IsInsert ? "createdAt" : "updatedAt"] = Now();
                if (row.Values["name"] is { } productName)
                {
                    product["translated"] = new JsonObject { ["name"] = productName.DeepClone() };
                }
                _products[row.Id!] = product;
                written.Add(row.Id!);
                ScheduleIndexing(product, indexing);
                writes.Add(EntityWrite("product", row.IsInsert ? "insert" : "update", row.Id!,
                    ["id", "versionId", .. row.Values.Select(v => v.Key).Where(k => k != "id"), row.IsInsert ? "createdAt" : "updatedAt"]));
            }
        }
        if (written.Count > 0)
        {
            _writes.Add(new ShopwareWriteRecord("product", written, indexing, skipFlows));
            RaiseEvent("product.written", writes);
        }
        if (deleted.Count > 0)
        {
            _writes.Add(new ShopwareWriteRecord("product", deleted, indexing, skipFlows));
            RaiseEvent("product.deleted", deletes);
        }
        return Ok(new JsonObject
        {
            ["extensions"] = new JsonArray(),
            ["data"] = Grouped(written),
            ["notFound"] = Grouped(notFound),
            ["deleted"] = Grouped(deleted),
        });
    }

    // PHP serialises an empty map as [].
    private static JsonNode Grouped(List<string> ids) =>
        ids.Count == 0 ? new JsonArray() : new JsonObject { ["product"] = new JsonArray([.. ids.Select(i => (JsonNode?)i)]) };

    private void ScheduleIndexing(JsonObject product, string? indexing)
    {
        switch (indexing)
        {
            case "use-queue-indexing":
                _indexingQueue.Add(product["id"]!.GetValue<string>());
                break;
            case "disable-indexing":
                break;
            default:
                IndexProduct(product);
                break;
        }
    }

    // StockStorage::index: availableStock mirrors stock; available = closeout ? stock >= minPurchase : true.
    private static void IndexProduct(JsonObject product)
    {
        var stock = product["stock"]!.GetValue<int>();
        var closeout = product["isCloseout"]?.GetValue<bool>() == true;
        var minPurchase = product["minPurchase"]?.GetValue<int>() ?? 1;
        product["availableStock"] = stock;
        product["available"] = !closeout || stock >= minPurchase;
    }

    private static List<(string Key, JsonObject Operation)> ParseOperations(string? body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body ?? "");
        }
        catch (JsonException)
        {
            throw new ShopwareRejection(ShopwareErrors.InvalidSyncOperation("The sync payload is not valid JSON."));
        }
        var entries = root switch
        {
            JsonArray list => list.Select((op, i) => (Name: i.ToString(System.Globalization.CultureInfo.InvariantCulture), Operation: op)),
            JsonObject map => map.Select(p => (Name: p.Key, Operation: p.Value)),
            _ => throw new ShopwareRejection(ShopwareErrors.InvalidSyncOperation("The sync payload must be a list or an object of operations.")),
        };
        var operations = new List<(string, JsonObject)>();
        foreach (var (name, node) in entries)
        {
            if (node is not JsonObject operation)
            {
                throw new ShopwareRejection(ShopwareErrors.InvalidSyncOperation($"Operation {name} is not an object.", $"/{name}"));
            }
            operations.Add((operation["key"]?.ToString() ?? name, operation));
        }
        return operations;
    }

    // Replaces {"resolver":"product.number","value":...} references by ids (SyncFkResolver, since 6.5.2.0). A reference
    // that does not resolve is noted as SyncFkResolver notes it since 6.6.0.0: its pointer {key}/{index}/{field} and
    // the field as {entity}.{property} (an id field resolves to the row's own entity, so "product.id").
    private JsonObject? Resolve(JsonObject row, string key, int index, List<(string Pointer, string Field)> unresolved)
    {
        var resolved = (JsonObject)row.DeepClone();
        var complete = true;
        foreach (var (name, value) in row)
        {
            if (value is not JsonObject { } reference || reference["resolver"] is null)
            {
                continue;
            }
            var resolver = reference["resolver"]!.ToString();
            var number = reference["value"]?.ToString();
            var nullOnMissing = reference["nullOnMissing"]?.GetValueKind() == JsonValueKind.True;
            var id = resolver == "product.number"
                ? _products.Values.FirstOrDefault(p => p["productNumber"]?.GetValue<string>() == number)?["id"]?.GetValue<string>()
                : null;
            if (id is null && !nullOnMissing)
            {
                unresolved.Add(($"{key}/{index}/{name}", $"product.{name}"));
                complete = false;
                continue;
            }
            resolved[name] = id;
        }
        return complete ? resolved : null;
    }

    private PlannedRow PlanUpsert(JsonObject row, string pointer, StagedProducts staged, List<ShopwareErrorEntry> errors)
    {
        var id = row["id"]?.GetValueKind() == JsonValueKind.String ? row["id"]!.GetValue<string>().ToLowerInvariant() : null;
        var isInsert = id is null || !staged.Exists(id);
        id ??= NewId();
        var values = new List<KeyValuePair<string, JsonNode?>>();
        var before = errors.Count;
        foreach (var (name, value) in row)
        {
            var at = $"{pointer}/{name}";
            if (name == "id")
            {
                continue;
            }
            if (_writeProtectedProductFields.Contains(name))
            {
                errors.Add(ShopwareErrors.WriteProtected(at, name));
                continue;
            }
            var problem = name switch
            {
                "stock" or "minPurchase" or "maxPurchase" or "purchaseSteps" or "restockTime" => CheckInteger(value, at, required: name == "stock"),
                "isCloseout" or "active" => value is null || value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : ShopwareErrors.WrongType(at, "bool", value),
                "productNumber" or "name" => value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0 ? null : ShopwareErrors.NotBlank(at),
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add(problem);
                continue;
            }
            values.Add(KeyValuePair.Create(name, value));
        }
        if (isInsert)
        {
            errors.AddRange(_requiredOnProductInsert.Where(f => row[f] is null).Select(f => ShopwareErrors.NotBlank($"{pointer}/{f}")));
        }
        if (row["productNumber"]?.GetValueKind() == JsonValueKind.String && errors.Count == before)
        {
            var number = row["productNumber"]!.GetValue<string>();
            if (!staged.TryClaimNumber(number, id))
            {
                errors.Add(ShopwareErrors.DuplicateProductNumber(number));
            }
        }
        staged.Touch(id);
        return new PlannedRow(new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))), id, isInsert);
    }

    private static ShopwareErrorEntry? CheckInteger(JsonNode? value, string pointer, bool required)
    {
        if (value is null)
        {
            return required ? ShopwareErrors.NotBlank(pointer) : null;
        }
        return value.GetValueKind() == JsonValueKind.Number && value is JsonValue number && number.TryGetValue<int>(out _)
            ? null
            : ShopwareErrors.WrongType(pointer, "int", value);
    }

    private JsonObject NewProduct(string id) => new()
    {
        ["versionId"] = LiveVersionId,
        ["parentId"] = null,
        ["parentVersionId"] = null,
        ["productNumber"] = null,
        ["stock"] = 0,
        ["availableStock"] = 0,
        ["available"] = true,
        ["isCloseout"] = false,
        ["active"] = true,
        ["childCount"] = 0,
        ["minPurchase"] = 1,
        ["maxPurchase"] = null,
        ["purchaseSteps"] = 1,
        ["restockTime"] = null,
        ["sales"] = 0,
        ["name"] = null,
        ["description"] = null,
        ["ean"] = null,
        ["manufacturerId"] = null,
        ["manufacturerNumber"] = null,
        ["categoryIds"] = null,
        ["type"] = "physical",
        ["taxId"] = DefaultTaxId,
        ["price"] = null,
        ["customFields"] = null,
        ["translated"] = new JsonObject(),
        ["createdAt"] = Now(),
        ["updatedAt"] = null,
        ["id"] = id,
        ["extensions"] = new JsonArray(),
        ["_uniqueIdentifier"] = id,
        ["apiAlias"] = "product",
    };

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record PlannedRow(JsonObject Values, string? Id, bool IsInsert);

    /// <summary>The product table as the batch sees it so far: rows inserted earlier in the batch exist, numbers are claimed.</summary>
    private sealed class StagedProducts(OrderedDictionary<string, JsonObject> products)
    {
        private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _numbers = products.Values
            .Where(p => p["productNumber"] is not null)
            .ToDictionary(p => p["productNumber"]!.GetValue<string>(), p => p["id"]!.GetValue<string>(), StringComparer.Ordinal);

        public bool Exists(string id) => products.ContainsKey(id) || _touched.Contains(id);

        public void Touch(string id) => _touched.Add(id);

        public bool TryClaimNumber(string number, string id)
        {
            if (_numbers.TryGetValue(number, out var owner) && owner != id)
            {
                return false;
            }
            foreach (var stale in _numbers.Where(n => n.Value == id).Select(n => n.Key).ToList())
            {
                _numbers.Remove(stale);
            }
            _numbers[number] = id;
            return true;
        }
    }
}
