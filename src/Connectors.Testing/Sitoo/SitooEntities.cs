using System.Text.Json.Nodes;
using NodaTime;

namespace Connectors.Testing.Sitoo;

internal sealed class StoreEntity(int storeId, string name, string? externalId)
{
    public int StoreId { get; } = storeId;

    public string Name { get; } = name;

    public string? ExternalId { get; } = externalId;

    public JsonObject ToJson(int eshopId) => new()
    {
        ["storeid"] = StoreId,
        ["eshopid"] = eshopId,
        ["storetype"] = 10,
        ["name"] = Name,
        ["externalid"] = ExternalId,
        ["externalgroupid"] = null,
        ["phone"] = "",
        ["email"] = "",
        ["address"] = "",
        ["address2"] = "",
        ["zip"] = "",
        ["city"] = "",
        ["state"] = "",
        ["countryid"] = "se",
        ["usetype_movein"] = 10,
        ["usetype_moveout"] = 20,
        ["tags"] = new JsonArray(),
    };
}

internal sealed class RegisterEntity(string registerId, string registerKey, int warehouseId, string currencyCode)
{
    public string RegisterId { get; } = registerId;

    public string RegisterKey { get; } = registerKey;

    public int WarehouseId { get; } = warehouseId;

    public int ReceiptCount { get; set; }

    public JsonObject ToJson() => new()
    {
        ["registerid"] = RegisterId,
        ["manufacturerid"] = "SITOO" + RegisterId.Trim('{', '}').Replace("-", "", StringComparison.Ordinal),
        ["registerkey"] = RegisterKey,
        ["company"] = "",
        ["companyid"] = "",
        ["address"] = "",
        ["address2"] = "",
        ["zip"] = "",
        ["city"] = "",
        ["state"] = "",
        ["countryid"] = "se",
        ["currencycode"] = currencyCode,
        ["receiptlanguagetag"] = "en",
        ["storesettingid"] = 1,
        ["warehouseid"] = WarehouseId,
        ["salestaxgroupid"] = null,
    };
}

internal sealed class WarehouseEntity(int warehouseId, SitooWarehouseKind kind, int? storeId, string name, string? externalId, string currencyCode)
{
    public int WarehouseId { get; } = warehouseId;

    public SitooWarehouseKind Kind { get; } = kind;

    public int? StoreId { get; } = storeId;

    /// <summary>Stock rows by SKU, in the order they were first touched.</summary>
    public Dictionary<string, StockEntity> Items { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson() => new()
    {
        ["warehouseid"] = WarehouseId,
        ["warehousetype"] = (int)Kind,
        ["usetype"] = 10,
        ["storeid"] = StoreId,
        ["sellable"] = true,
        ["currencycode"] = currencyCode,
        ["name"] = name,
        ["externalid"] = externalId,
        ["address"] = "",
        ["address2"] = "",
        ["zip"] = "",
        ["city"] = "",
        ["state"] = "",
        ["countryid"] = "se",
    };
}

internal sealed class StockEntity(long warehouseItemId, int warehouseId, string sku)
{
    public long WarehouseItemId { get; } = warehouseItemId;

    public string Sku { get; } = sku;

    public decimal Total { get; set; }

    public decimal Threshold { get; set; }

    public string BinLocation { get; set; } = "";

    public Instant? LastModified { get; set; }

    public Instant? LastStocktaking { get; set; }

    public JsonObject ToJson(decimal reserved) => new()
    {
        ["warehouseitemid"] = WarehouseItemId,
        ["warehouseid"] = warehouseId,
        ["sku"] = Sku,
        ["binlocation"] = BinLocation,
        ["decimalthreshold"] = SitooWire.Quantity(Threshold),
        ["decimaltotal"] = SitooWire.Quantity(Total),
        ["moneytotal"] = SitooWire.Money(0),
        ["datelastmodified"] = LastModified is { } modified ? SitooWire.Unix(modified) : null,
        ["datelaststocktaking"] = LastStocktaking is { } counted ? SitooWire.Unix(counted) : null,
        ["decimalreserved"] = SitooWire.Quantity(reserved),
        ["decimalavailable"] = SitooWire.Quantity(Total - reserved),
    };
}

internal sealed record TransactionLine(long WarehouseItemId, string Sku, decimal Quantity, decimal TotalAfter, decimal MoneyPriceIn);

internal sealed record TransactionEntity(
    long WarehouseTransactionId,
    int WarehouseId,
    Instant Created,
    int TransactionType,
    string Description,
    long? OrderDeliveryId,
    string? ExternalId,
    string? ReasonCode,
    IReadOnlyList<TransactionLine> Lines)
{
    public JsonObject ToJson() => new()
    {
        ["warehousetransactionid"] = WarehouseTransactionId,
        ["warehouseid"] = WarehouseId,
        ["datecreated"] = SitooWire.Unix(Created),
        ["transactiontype"] = TransactionType,
        ["description"] = Description,
        ["orderdeliveryid"] = OrderDeliveryId,
        ["shipmentid"] = null,
        ["externalid"] = ExternalId,
        ["reasoncode"] = ReasonCode,
        ["items"] = new JsonArray([.. Lines.Select(l => (JsonNode)new JsonObject
        {
            ["warehouseitemid"] = l.WarehouseItemId,
            ["warehousetransactionid"] = WarehouseTransactionId,
            ["sku"] = l.Sku,
            ["decimalquantity"] = SitooWire.Quantity(l.Quantity),
            ["decimaltotal"] = SitooWire.Quantity(l.TotalAfter),
            ["moneypricein"] = SitooWire.Money(l.MoneyPriceIn),
            ["moneytotal"] = SitooWire.Money(0),
            ["moneyvalue"] = SitooWire.Money(l.Quantity * l.MoneyPriceIn),
        })]),
    };
}

internal sealed class BatchEntity(int warehouseBatchId, int warehouseId, int transactionType, Instant created)
{
    public int WarehouseBatchId { get; } = warehouseBatchId;

    public int WarehouseId { get; } = warehouseId;

    public int TransactionType { get; } = transactionType;

    public int State { get; set; } = 10;

    public long? WarehouseTransactionId { get; set; }

    public string EmailOwner { get; set; } = "";

    public string Comment { get; set; } = "";

    public string? ExternalId { get; set; }

    public string? ReasonCode { get; set; }

    /// <summary>The quantities set per SKU: counted totals for stocktaking, deltas otherwise.</summary>
    public Dictionary<string, (decimal Quantity, decimal MoneyPriceIn)> Items { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson() => new()
    {
        ["warehousebatchid"] = WarehouseBatchId,
        ["warehouseid"] = WarehouseId,
        ["warehousetransactionid"] = WarehouseTransactionId,
        ["transactiontype"] = TransactionType,
        ["datecreated"] = SitooWire.Unix(created),
        ["warehousebatchstate"] = State,
        ["emailowner"] = EmailOwner,
        ["comment"] = Comment,
        ["shipmentid"] = null,
        ["externalid"] = ExternalId,
        ["reasoncode"] = ReasonCode,
    };
}

/// <summary>An order as Sitoo returns it (<see cref="Body"/>, without <c>orderlogitems</c>) plus its deliveries and log.</summary>
internal sealed class OrderEntity(long orderId, JsonObject body)
{
    public long OrderId { get; } = orderId;

    public JsonObject Body { get; } = body;

    public List<JsonObject> Deliveries { get; } = [];

    public List<JsonObject> LogItems { get; } = [];

    public int State => (int)(SitooWire.Long(Body["orderstateid"]) ?? 0);

    public int? WarehouseId => (int?)SitooWire.Long(Body["warehouseid"]);

    public string? ExternalId => SitooWire.Text(Body["externalid"]);

    public IEnumerable<JsonObject> Items => (Body["orderitems"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>The quantity of an order item that deliveries have already moved.</summary>
    public decimal Delivered(long orderItemId) => Deliveries
        .SelectMany(d => (d["orderdeliveryitems"] as JsonArray ?? []).OfType<JsonObject>())
        .Where(i => SitooWire.Long(i["orderitemid"]) == orderItemId)
        .Sum(i => SitooWire.DecimalOr(i["quantity"], 0));

    public JsonObject ToJson()
    {
        var json = (JsonObject)Body.DeepClone();
        json["orderlogitems"] = new JsonArray([.. LogItems.Select(l => (JsonNode)new JsonObject
        {
            ["datelog"] = l["datelog"]?.DeepClone(),
            ["orderlogtypeid"] = l["orderlogtypeid"]?.DeepClone(),
            ["strvalue"] = l["strvalue"]?.DeepClone(),
            ["fvalue"] = l["fvalue"]?.DeepClone(),
        })]);
        return json;
    }
}
