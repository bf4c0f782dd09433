using System.Net;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Sitoo;

public sealed partial class SitooSimulator
{
    /// <summary>The most warehouse transactions Sitoo accepts in one request.</summary>
    private const int MaxTransactionsPerRequest = 1000;

    private const int ManualIn = 10;
    private const int ManualOut = 20;
    private const int Sales = 30;
    private const int Refund = 40;
    private const int StockTaking = 50;

    private readonly List<WarehouseEntity> _warehouses = [];
    private readonly List<TransactionEntity> _transactions = [];
    private readonly List<BatchEntity> _batches = [];
    private readonly Dictionary<long, Action<JsonObject>> _transactionReshapes = [];
    private long _nextWarehouseItemId = 1;

    private HttpResponseMessage GetWarehouses(RouteContext context) =>
        SitooWire.Json(context.Query.Page(_warehouses.Select(w => w.ToJson())));

    private HttpResponseMessage GetWarehouse(int warehouseId) =>
        FindWarehouse(warehouseId) is { } warehouse ? SitooWire.Json(warehouse.ToJson()) : NotFound($"Warehouse {warehouseId}");

    private HttpResponseMessage GetWarehouseItems(RouteContext context)
    {
        if (FindWarehouse(context.Int(1)) is not { } warehouse)
        {
            return NotFound($"Warehouse {context.Ids[1]}");
        }
        var query = context.Query;
        var skus = query.List("sku");
        var from = query.Long("datelastmodifiedfrom");
        var to = query.Long("datelastmodifiedto");
        var matches = warehouse.Items.Values
            .Where(i => skus is null || skus.Contains(i.Sku))
            .Where(i => from is null || (i.LastModified is { } m && SitooWire.Unix(m) >= from))
            .Where(i => to is null || (i.LastModified is { } m && SitooWire.Unix(m) < to))
            .OrderBy(i => i.WarehouseItemId)
            .Select(i => i.ToJson(Reserved(warehouse.WarehouseId, i.Sku)));
        return SitooWire.Json(query.Page(matches));
    }

    private HttpResponseMessage SetWarehouseItems(RouteContext context)
    {
        if (FindWarehouse(context.Int(1)) is not { } warehouse)
        {
            return NotFound($"Warehouse {context.Ids[1]}");
        }
        return Batch(context.Body, item =>
        {
            if (SitooWire.Text(item["sku"]) is not { Length: > 0 } sku)
            {
                return ItemError(HttpStatusCode.BadRequest, "sku is required");
            }
            if (item.ContainsKey("decimaltotal") && warehouse.Kind != SitooWarehouseKind.Virtual)
            {
                return ItemError(HttpStatusCode.BadRequest, "decimaltotal is read only unless the warehouse is Virtual (20); use warehouse transactions");
            }
            decimal? total = null;
            if (item.ContainsKey("decimaltotal"))
            {
                if (!SitooWire.TryDecimal(item["decimaltotal"], out var parsed))
                {
                    return ItemError(HttpStatusCode.BadRequest, "decimaltotal is not a decimal");
                }
                total = parsed;
            }
            var stock = StockOf(warehouse, sku);
            if (SitooWire.Text(item["binlocation"]) is { } bin)
            {
                stock.BinLocation = bin;
            }
            if (SitooWire.TryDecimal(item["decimalthreshold"], out var threshold))
            {
                stock.Threshold = threshold;
            }
            if (total is { } newTotal)
            {
                stock.Total = newTotal;
                stock.LastModified = Now;
            }
            return ItemOk(stock.WarehouseItemId);
        });
    }

    private HttpResponseMessage GetWarehouseTransactions(RouteContext context)
    {
        var query = context.Query;
        int? warehouseId = context.Ids.Count > 1 ? context.Int(1) : (int?)query.Long("warehouseid");
        var ids = query.LongList("warehousetransactionid");
        var idFrom = query.Long("warehousetransactionidfrom");
        var idTo = query.Long("warehousetransactionidto");
        var createdFrom = query.Long("datecreatedfrom");
        var createdTo = query.Long("datecreatedto");
        var type = query.Long("transactiontype");
        var matches = _transactions.Where(t =>
            (warehouseId is null || t.WarehouseId == warehouseId)
            && (ids is null || ids.Contains(t.WarehouseTransactionId))
            && (idFrom is null || t.WarehouseTransactionId >= idFrom)
            && (idTo is null || t.WarehouseTransactionId < idTo)
            && (createdFrom is null || SitooWire.Unix(t.Created) >= createdFrom)
            && (createdTo is null || SitooWire.Unix(t.Created) < createdTo)
            && (type is null || t.TransactionType == type));
        if (!query.TrySort(matches, "warehousetransactionid", t => t.WarehouseTransactionId, out var sorted))
        {
            return BadRequest("sort supports only warehousetransactionid or -warehousetransactionid");
        }
        return SitooWire.Json(query.Page(sorted, Wire));
    }

    // A transaction as listed: its JSON, edited by a reshape the scenario asked for.
    private JsonObject Wire(TransactionEntity transaction)
    {
        var json = transaction.ToJson();
        if (_transactionReshapes.TryGetValue(transaction.WarehouseTransactionId, out var reshape))
        {
            reshape(json);
        }
        return json;
    }

    private HttpResponseMessage AddWarehouseTransactions(RouteContext context) =>
        Batch(context.Body, item =>
        {
            var warehouseId = SitooWire.Long(item["warehouseid"]);
            if (warehouseId is null || FindWarehouse(warehouseId.Value) is not { } warehouse)
            {
                return ItemError(HttpStatusCode.NotFound, $"Warehouse {warehouseId} was not found");
            }
            if (warehouse.Kind == SitooWarehouseKind.Virtual)
            {
                return ItemError(HttpStatusCode.BadRequest, "Transactions cannot be added to warehouses with warehousetype Virtual (20)");
            }
            var type = (int)(SitooWire.Long(item["transactiontype"]) ?? 0);
            if (type is Sales or Refund or StockTaking)
            {
                return ItemError(HttpStatusCode.BadRequest, $"transactiontype {type} is read only: Sales, Refund and StockTaking are created by Sitoo");
            }
            var lines = new List<(string Sku, decimal Quantity, decimal PriceIn)>();
            foreach (var line in (item["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (SitooWire.Text(line["sku"]) is not { Length: > 0 } sku || !SitooWire.TryDecimal(line["decimalquantity"], out var quantity))
                {
                    return ItemError(HttpStatusCode.BadRequest, "Every item needs a sku and a decimalquantity");
                }
                lines.Add((sku, quantity, SitooWire.DecimalOr(line["moneypricein"], 0)));
            }
            if (lines.Count == 0)
            {
                return ItemError(HttpStatusCode.BadRequest, "A transaction needs at least one item");
            }
            var transaction = ApplyTransaction(warehouse, type, lines, SitooWire.Text(item["description"]) ?? "", null,
                SitooWire.Text(item["externalid"]), SitooWire.Text(item["reasoncode"]));
            return ItemOk(transaction.WarehouseTransactionId);
        }, MaxTransactionsPerRequest);

    private HttpResponseMessage GetWarehouseBatches(RouteContext context)
    {
        var warehouseId = context.Int(1);
        var type = context.Query.Long("transactiontype");
        var state = context.Query.Long("warehousebatchstate");
        var matches = _batches.Where(b => b.WarehouseId == warehouseId && (type is null || b.TransactionType == type) && (state is null || b.State == state));
        return SitooWire.Json(context.Query.Page(matches.Select(b => b.ToJson())));
    }

    private HttpResponseMessage GetWarehouseBatch(RouteContext context) =>
        FindBatch(context) is { } batch ? SitooWire.Json(batch.ToJson()) : NotFound($"Warehouse batch {context.Ids[2]}");

    private HttpResponseMessage AddWarehouseBatch(RouteContext context)
    {
        if (FindWarehouse(context.Int(1)) is not { } warehouse)
        {
            return NotFound($"Warehouse {context.Ids[1]}");
        }
        if (warehouse.Kind == SitooWarehouseKind.Virtual)
        {
            return BadRequest("Warehouse batches cannot be added to warehouses with warehousetype Virtual (20)");
        }
        if (context.Body is not JsonObject write || SitooWire.Long(write["transactiontype"]) is not { } type)
        {
            return BadRequest("transactiontype is required");
        }
        var batch = new BatchEntity(_batches.Count + 1, warehouse.WarehouseId, (int)type, Now)
        {
            EmailOwner = SitooWire.Text(write["emailowner"]) ?? "",
            Comment = SitooWire.Text(write["comment"]) ?? "",
            ExternalId = SitooWire.Text(write["externalid"]),
            ReasonCode = SitooWire.Text(write["reasoncode"]),
        };
        _batches.Add(batch);
        return SitooWire.Json(batch.WarehouseBatchId);
    }

    private HttpResponseMessage SetWarehouseBatchItems(RouteContext context)
    {
        if (FindBatch(context) is not { } batch)
        {
            return NotFound($"Warehouse batch {context.Ids[2]}");
        }
        if (batch.State != 10)
        {
            return BadRequest($"Warehouse batch {batch.WarehouseBatchId} is closed");
        }
        return Batch(context.Body, item =>
        {
            if (SitooWire.Text(item["sku"]) is not { Length: > 0 } sku || !SitooWire.TryDecimal(item["decimalquantity"], out var quantity))
            {
                return ItemError(HttpStatusCode.BadRequest, "Every item needs a sku and a decimalquantity");
            }
            batch.Items[sku] = (quantity, SitooWire.DecimalOr(item["moneypricein"], 0));
            return ItemOk(true);
        });
    }

    private HttpResponseMessage UpdateWarehouseBatch(RouteContext context)
    {
        if (FindBatch(context) is not { } batch)
        {
            return NotFound($"Warehouse batch {context.Ids[2]}");
        }
        if (context.Body is not JsonObject write)
        {
            return BadRequest("The request body must be a JSON object");
        }
        if (batch.State != 10)
        {
            return BadRequest($"Warehouse batch {batch.WarehouseBatchId} is closed");
        }
        batch.EmailOwner = SitooWire.Text(write["emailowner"]) ?? batch.EmailOwner;
        batch.Comment = SitooWire.Text(write["comment"]) ?? batch.Comment;
        if (SitooWire.Long(write["warehousebatchstate"]) == 20)
        {
            CloseBatch(batch);
        }
        return SitooWire.Json(true);
    }

    private BatchEntity? FindBatch(RouteContext context)
    {
        var warehouseId = context.Int(1);
        var batchId = context.Int(2);
        return _batches.Find(b => b.WarehouseId == warehouseId && b.WarehouseBatchId == batchId);
    }

    /// <summary>Commits a batch as one transaction: stocktaking counts become deltas against the system level.</summary>
    private TransactionEntity CloseBatch(BatchEntity batch)
    {
        var warehouse = FindWarehouse(batch.WarehouseId)!;
        var lines = batch.Items
            .Select(i => (Sku: i.Key, Quantity: batch.TransactionType == StockTaking ? i.Value.Quantity - StockOf(warehouse, i.Key).Total : i.Value.Quantity, PriceIn: i.Value.MoneyPriceIn))
            .ToList();
        var transaction = ApplyTransaction(warehouse, batch.TransactionType, lines, batch.Comment, null, batch.ExternalId, batch.ReasonCode);
        batch.State = 20;
        batch.WarehouseTransactionId = transaction.WarehouseTransactionId;
        return transaction;
    }

    private WarehouseEntity? FindWarehouse(long warehouseId) => _warehouses.Find(w => w.WarehouseId == warehouseId);

    private StockEntity StockOf(WarehouseEntity warehouse, string sku)
    {
        if (!warehouse.Items.TryGetValue(sku, out var stock))
        {
            stock = new StockEntity(_nextWarehouseItemId++, warehouse.WarehouseId, sku);
            warehouse.Items[sku] = stock;
        }
        return stock;
    }

    /// <summary>The one way FIFO stock changes: a transaction that records each delta and the level after it.</summary>
    private TransactionEntity ApplyTransaction(
        WarehouseEntity warehouse,
        int type,
        IEnumerable<(string Sku, decimal Quantity, decimal PriceIn)> lines,
        string description,
        long? orderDeliveryId,
        string? externalId,
        string? reasonCode)
    {
        var now = Now;
        var applied = new List<TransactionLine>();
        foreach (var (sku, quantity, priceIn) in lines)
        {
            var stock = StockOf(warehouse, sku);
            stock.Total += quantity;
            stock.LastModified = now;
            if (type == StockTaking)
            {
                stock.LastStocktaking = now;
            }
            applied.Add(new TransactionLine(stock.WarehouseItemId, sku, quantity, stock.Total, priceIn));
        }
        var transaction = new TransactionEntity(_transactions.Count + 1, warehouse.WarehouseId, now, type, description, orderDeliveryId, externalId, reasonCode, applied);
        _transactions.Add(transaction);
        RaiseEvent("warehouse-transaction", new JsonObject
        {
            ["eshop_id"] = Sitoo.EshopId,
            ["warehouse_id"] = warehouse.WarehouseId,
            ["warehouse_transaction_id"] = transaction.WarehouseTransactionId,
        });
        return transaction;
    }

    /// <summary>Stock held for open orders placed on the warehouse whose reservation (<c>datereserved</c>) has not run out.</summary>
    private decimal Reserved(int warehouseId, string sku)
    {
        var now = SitooWire.Unix(Now);
        return _orders
            .Where(o => o.State == 0 && o.WarehouseId == warehouseId && SitooWire.Long(o.Body["datereserved"]) > now)
            .Sum(o => o.Items
                .Where(i => SitooWire.Text(i["sku"]) == sku && SitooWire.DecimalOr(i["quantity"], 0) > 0)
                .Sum(i => SitooWire.DecimalOr(i["quantity"], 0) - o.Delivered(SitooWire.Long(i["orderitemid"]) ?? -1)));
    }
}
