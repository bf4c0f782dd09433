using System.Text.Json.Nodes;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Tests.Support;
using Connectors.Testing.Contracts;
using NodaTime;

namespace Connectors.Sitoo.Tests;

/// <summary>Every request shape the client can send is valid against the trimmed Sitoo contract
/// (src/Connectors.Testing/Specs/sitoo-api.json, from the spysystem/sitoo-client description of Sitoo's docs).</summary>
public sealed class ContractTests
{
    private const string EmptyList = """{"totalcount":0,"items":[]}""";

    public static TheoryData<string, string, string> Calls() => new()
    {
        { "getSites", "sites", EmptyList },
        { "getSite", "site", Fixture.Example("getSite.response.200.json") },
        { "getStores", "stores", EmptyList },
        { "getStore", "store", """{"storeid":3}""" },
        { "getCashRegisters", "registers", EmptyList },
        { "getReasonCodes", "reasoncodes", EmptyList },
        { "getWarehouses", "warehouses", EmptyList },
        { "getWarehouse", "warehouse", """{"warehouseid":3}""" },
        { "getWarehouseItems", "items", EmptyList },
        { "getWarehouseItems", "items-by-sku", EmptyList },
        { "getWarehouseItems", "items-modified", EmptyList },
        { "batchSetWarehouseItems", "virtual-stock", """[{"statuscode":200,"return":1}]""" },
        { "getAllWarehouseTransactions", "transactions", EmptyList },
        { "batchAddWarehouseTransactions", "add-transactions", """[{"statuscode":200,"return":1}]""" },
        { "getWarehouseBatches", "open-batches", EmptyList },
        { "addWarehouseBatch", "add-batch", "12" },
        { "batchSetWarehouseBatchItems", "batch-items", """[{"statuscode":200,"return":true}]""" },
        { "updateWarehouseBatch", "close-batch", "true" },
        { "getProducts", "products-by-sku", EmptyList },
        { "getProducts", "products-modified", EmptyList },
        { "getProducts", "products-all", EmptyList },
        { "batchAddProducts", "add-products", """[{"statuscode":200,"return":1}]""" },
        { "batchUpdateProducts", "update-products", """[{"statuscode":200,"return":true}]""" },
        { "getProductVariants", "product-variants", """{"groups":[],"variants":[]}""" },
        { "setProductVariants", "set-product-variants", "true" },
        { "getProductGroups", "product-groups", EmptyList },
        { "getPriceLists", "price-lists", EmptyList },
        { "batchSetPriceListItems", "price-list-items", """[{"statuscode":200,"return":true}]""" },
        { "getAllOrders", "orders-from", EmptyList },
        { "getAllOrders", "order-by-external-id", EmptyList },
        { "getAllOrders", "order-by-receipt", EmptyList },
        { "getAllOrders", "returns-of-order", EmptyList },
        { "getOrder", "order", """{"orderid":5}""" },
        { "addOrder", "add-order", "11514" },
        { "updateOrder", "cancel-order", "true" },
        { "getOrderDeliveries", "deliveries", EmptyList },
        { "addOrderDelivery", "add-delivery", "10" },
        { "getOrderLogItems", "log-items", EmptyList },
        { "addOrderLogItem", "add-log-item", "true" },
        { "getUsers", "user-by-email", EmptyList },
        { "getUsers", "users-by-customer-number", EmptyList },
        { "batchAddUsers", "add-users", """[{"statuscode":200,"return":"{A}"}]""" },
        { "batchUpdateUsers", "update-users", """[{"statuscode":200,"return":true}]""" },
    };

    private static Task Call(ISitooClient client, string call) => call switch
    {
        "sites" => client.Sites.ListAsync(),
        "site" => client.Sites.GetCurrentAsync(),
        "stores" => client.Sites.ListStoresAsync().ToListAsync().AsTask(),
        "store" => client.Sites.GetStoreAsync(3),
        "registers" => client.Sites.ListCashRegistersAsync().ToListAsync().AsTask(),
        "reasoncodes" => client.Sites.ListReasonCodesAsync().ToListAsync().AsTask(),
        "warehouses" => client.Warehouses.ListAsync().ToListAsync().AsTask(),
        "warehouse" => client.Warehouses.GetAsync(3),
        "items" => client.Warehouses.ListItemsAsync(3).ToListAsync().AsTask(),
        "items-by-sku" => client.Warehouses.ListItemsBySkuAsync(3, ["10038-1", "10038-2"]).ToListAsync().AsTask(),
        "items-modified" => client.Warehouses.ListItemsModifiedSinceAsync(3, Instant.FromUnixTimeSeconds(1_700_000_000)).ToListAsync().AsTask(),
        "virtual-stock" => client.Warehouses.SetItemsAsync(20, [new SitooWarehouseItemUpdate { Sku = "A", DecimalTotal = 4m, MoneyTotal = 40m }]),
        "transactions" => client.WarehouseTransactions.ListFromAsync(100, 3, SitooTransactionType.Refund).ToListAsync().AsTask(),
        "add-transactions" => client.WarehouseTransactions.CreateAsync(
        [
            new SitooNewWarehouseTransaction
            {
                WarehouseId = 2,
                TransactionType = SitooTransactionType.InboundAdjustment,
                Description = "Move In",
                ExternalId = "shopware:1:wtx:9",
                ReasonCode = "101",
                Items = [new SitooNewWarehouseTransactionItem { Sku = "Q100", DecimalQuantity = 13m, MoneyPriceIn = 3.45m }],
            },
        ]),
        "open-batches" => client.WarehouseBatches.ListOpenAsync(3, SitooTransactionType.StockTaking).ToListAsync().AsTask(),
        "add-batch" => client.WarehouseBatches.CreateAsync(3, new SitooNewWarehouseBatch { TransactionType = SitooTransactionType.StockTaking, Comment = "count" }),
        "batch-items" => client.WarehouseBatches.AddItemsAsync(3, 12, [new SitooWarehouseBatchItem { Sku = "A", DecimalQuantity = 9m, Comment = "1 missing" }]),
        "close-batch" => client.WarehouseBatches.CloseAsync(3, 12, "done"),
        "products-by-sku" => client.Products.ListBySkuAsync(["A", "B"]).ToListAsync().AsTask(),
        "products-all" => client.Products.ListAllAsync().ToListAsync().AsTask(),
        "products-modified" => client.Products.ListModifiedSinceAsync(Instant.FromUnixTimeSeconds(1_700_000_000), includeInactive: false).ToListAsync().AsTask(),
        "product-variants" => client.Products.GetVariantsAsync(21),
        "set-product-variants" => client.Products.SetVariantsAsync(21, new SitooProductVariantsWrite
        {
            Groups = [new SitooProductVariantGroup { Name = "Size", Options = ["41", "42"] }],
            Variants = [new SitooProductVariant { ProductId = 21, Sku = "SHOE-41", Title = "Shoe", MoneyPrice = 499m, Attributes = ["41"] }, new SitooProductVariant { Sku = "SHOE-42", Title = "Shoe", MoneyPrice = 499m, Attributes = ["42"] }],
        }),
        "product-groups" => client.Products.ListProductGroupsAsync().ToListAsync().AsTask(),
        "price-lists" => client.Products.ListPriceListsAsync().ToListAsync().AsTask(),
        "price-list-items" => client.Products.SetPriceListItemsAsync(2, [new SitooPriceListItem { Sku = "SHOE-41", MoneyPrice = 45m }]),
        "add-products" => client.Products.AddAsync([new SitooProductWrite { Sku = "Q100", Title = "Box", MoneyPrice = 99m, VatId = 2, BarcodeAliases = ["1"] }]),
        "update-products" => client.Products.UpdateAsync([new SitooProductWrite { ProductId = 12, Sku = "Q100", MoneyPrice = 990m, ActivePos = true }]),
        "orders-from" => client.Orders.ListFromAsync(11500).ToListAsync().AsTask(),
        "order-by-external-id" => client.Orders.FindByExternalIdAsync("SW-10042"),
        "order-by-receipt" => client.Orders.FindByReceiptIdAsync("SII000000150000110009"),
        "returns-of-order" => client.Orders.ListReturnsOfAsync(11511).ToListAsync().AsTask(),
        "order" => client.Orders.GetAsync(5),
        "add-order" => client.Orders.CreateAsync(new SitooNewOrder
        {
            OrderType = SitooOrderType.Order,
            ExternalId = "SW-10042",
            PaymentState = SitooPaymentState.Successful,
            WarehouseId = 43,
            Email = "anna@example.com",
            OrderDate = Instant.FromUnixTimeSeconds(1_700_000_000),
            AdditionalData = new Dictionary<string, string> { ["weborder"] = "true" },
            OrderItems = [new SitooNewOrderItem { ProductName = "Shirt", Sku = "14785-5", Quantity = 2, MoneyRowPrice = 798m, MoneyRowDiscount = 100m, VatValue = 25m }],
            Payments = [new SitooNewOrderPayment { Name = "Web", MoneyAmount = 698m, ExternalId = "pay-1" }],
        }),
        "cancel-order" => client.Orders.UpdateStateAsync(5, SitooOrderState.Cancelled, SitooPaymentState.Cancelled),
        "deliveries" => client.Orders.ListDeliveriesAsync(5),
        "add-delivery" => client.Orders.AddDeliveryAsync(5, new SitooNewOrderDelivery
        {
            WarehouseId = 2,
            OrderDeliveryRef = "D1",
            OrderDeliveryItems = [new SitooNewOrderDeliveryItem { OrderItemId = 0, Quantity = 1 }],
        }, ignoreStock: true),
        "log-items" => client.Orders.ListLogItemsAsync(5),
        "add-log-item" => client.Orders.AddLogItemAsync(5, new SitooNewOrderLogItem { OrderLogType = SitooOrderLogType.ReadyForPickup }),
        "user-by-email" => client.Users.FindByEmailAsync("anna@example.com"),
        "users-by-customer-number" => client.Users.ListByCustomerNumberAsync("C-1").ToListAsync().AsTask(),
        "add-users" => client.Users.AddAsync([new SitooUserWrite { Email = "anna@example.com", NameFirst = "Anna", ExternalId = "sw-1" }]),
        "update-users" => client.Users.UpdateAsync([new SitooUserWrite { UserId = "{A}", Email = "anna@example.com", Phone = "+46 8 123" }]),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Request_matches_the_contract(string operationId, string call, string answer)
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(_ => FakeSitooServer.Json(answer));

        await Call(host.Client, call);

        var validation = Assert.Single(host.Gate.Validations);
        Assert.Equal(operationId, validation.OperationId);
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors));
    }

    [Fact]
    public void Every_operation_of_the_contract_is_exercised()
    {
        using var spec = typeof(OpenApiContract).Assembly.GetManifestResourceStream("Connectors.Testing.Specs.sitoo-api.json")!;
        var described = JsonNode.Parse(spec)!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(entry => entry.Value))
            .OfType<JsonObject>()
            .Select(operation => operation["operationId"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet();
        var covered = Calls().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(described.Order(), covered.Order());
    }

    [Fact]
    public void The_gate_rejects_what_the_contract_does_not_describe()
    {
        var unknownParameter = OpenApiContract.SitooApi.Validate(HttpMethod.Get, new Uri("http://127.0.0.1/v2/accounts/1500/sites/1/products.json?productname=x"), null, null);
        var invalidBody = OpenApiContract.SitooApi.Validate(HttpMethod.Post, new Uri("http://127.0.0.1/v2/accounts/1500/sites/1/warehousetransactions.json"), """[{"warehouseid":"two"}]""", "application/json");

        Assert.False(unknownParameter.IsValid);
        Assert.False(invalidBody.IsValid);
    }

    [Fact]
    public void The_contract_carries_the_corrections_sitoo_documents_and_nothing_more()
    {
        // Sitoo's own update example leaves out ordertypeid, which only creation requires.
        var update = OpenApiContract.SitooApi.Validate(HttpMethod.Put, new Uri("http://127.0.0.1/v2/accounts/1500/sites/1/orders/5.json"), Fixture.Example("updateOrder.request.json"), "application/json");
        var create = OpenApiContract.SitooApi.Validate(HttpMethod.Post, new Uri("http://127.0.0.1/v2/accounts/1500/sites/1/orders.json"), Fixture.Example("updateOrder.request.json"), "application/json");
        // includeinactive is the text true/false; another bad parameter on the same call is still caught.
        var products = OpenApiContract.SitooApi.Validate(HttpMethod.Get, new Uri("http://127.0.0.1/v2/accounts/1500/sites/1/products.json?includeinactive=true&start=x"), null, null);

        Assert.True(update.IsValid, string.Join("; ", update.Errors));
        Assert.Contains(create.Errors, error => error.Contains("ordertypeid", StringComparison.Ordinal));
        var error = Assert.Single(products.Errors);
        Assert.Contains("'start'", error, StringComparison.Ordinal);
    }
}
