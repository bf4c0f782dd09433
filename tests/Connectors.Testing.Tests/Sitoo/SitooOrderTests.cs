using System.Net;
using System.Text.Json.Nodes;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Testing.Sitoo;
using NodaTime;

namespace Connectors.Testing.Tests.Sitoo;

public class SitooOrderTests
{
    private static SitooNewOrder WebOrder(string externalId, int warehouseId, Instant? reservedUntil = null, string sku = "A-1", int quantity = 2) => new()
    {
        OrderType = SitooOrderType.Order,
        ExternalId = externalId,
        Email = "anna@example.com",
        NameFirst = "Anna",
        PaymentState = SitooPaymentState.Successful,
        WarehouseId = warehouseId,
        DateReserved = reservedUntil,
        AdditionalData = new Dictionary<string, string> { ["weborder"] = "true" },
        OrderItems = [new() { ProductName = "Sofa", Sku = sku, Quantity = quantity, MoneyRowPrice = 250m, MoneyRowDiscount = 50m, VatValue = 25m }],
    };

    [Fact]
    public async Task A_pos_sale_is_a_closed_paid_order_with_a_receipt_and_a_sales_transaction()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian", "ST-1");
        sitoo.Simulator.AddProduct("A-1", "Sofa", 125m);
        sitoo.Simulator.AddProduct("B-2", "Lamp", 106m, vatId: 4);
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A-1", 5);
        sitoo.Simulator.AdjustStock(store.WarehouseId, "B-2", 5);

        var receipt = sitoo.Simulator.SellAtPos(store, [new("A-1", 2), new("B-2", 1)]);
        var order = await sitoo.Client.Orders.FindByReceiptIdAsync(receipt.ReceiptId);

        Assert.NotNull(order);
        Assert.Equal(receipt.OrderId, order.OrderId);
        Assert.Equal(SitooOrderState.Closed, order.OrderState);
        Assert.Equal(SitooPaymentState.Successful, order.PaymentState);
        Assert.Equal(store.RegisterId, order.RegisterId);
        Assert.Equal(store.WarehouseId, order.WarehouseId);
        Assert.Equal(356m, order.MoneyTotalGrossAll);
        Assert.StartsWith(store.RegisterKey, receipt.ReceiptId, StringComparison.Ordinal);
        var sale = sitoo.Simulator.GetStockMovements().Where(m => m.WarehouseTransactionId == receipt.WarehouseTransactionId).ToList();
        Assert.All(sale, m => Assert.Equal((30, receipt.OrderDeliveryId), (m.TransactionType, m.OrderDeliveryId!.Value)));
        Assert.Equal([("A-1", -2m, 3m), ("B-2", -1m, 4m)], sale.Select(m => (m.Sku, m.Quantity, m.TotalAfter)));
    }

    [Fact]
    public async Task A_pos_sale_to_a_known_customer_carries_the_customer_on_the_order()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AddProduct("A-1", "Sofa", 125m);
        sitoo.Simulator.AddUser("Anna@Example.com", "Anna", "Berg");

        var receipt = sitoo.Simulator.SellAtPos(store, [new("A-1", 1)], customerEmail: "anna@example.com");
        var order = await sitoo.Client.Orders.GetAsync(receipt.OrderId);

        Assert.Equal("Anna@Example.com", order.Email);
        Assert.Equal("Berg", order.NameLast);
    }

    [Fact]
    public async Task The_money_of_a_created_order_is_derived_like_sitoos_own_example()
    {
        await using var sitoo = SitooHarness.Create();
        var request = SitooFixtures.Load("addOrder.request.json");
        var recorded = SitooFixtures.Load("getOrder.response.200.json").AsObject();

        var (status, orderId) = await sitoo.SendAsync(HttpMethod.Post, "sites/1/orders.json", request);
        var created = (await sitoo.GetJsonAsync($"sites/1/orders/{orderId}.json")).AsObject();

        Assert.Equal(200, status);
        SitooFixtures.AssertSameShape(recorded, created);
        foreach (var field in new[] { "moneytotal_net", "moneytotal_vat", "moneyfinal_net", "moneyfinal_vat", "moneytotal_gross_all" })
        {
            Assert.Equal((string?)recorded[field], (string?)created[field]);
        }
        var moneyFields = new[] { "moneynetpriceperunit", "moneyitemtotal_net", "moneyitemtotal_vat", "moneyoriginalprice", "moneydiscountedprice", "moneydiscount", "decimalquantitytotal" };
        foreach (var (recordedItem, createdItem) in recorded["orderitems"]!.AsArray().Zip(created["orderitems"]!.AsArray()))
        {
            Assert.Equal(moneyFields.Select(f => (string?)recordedItem![f]), moneyFields.Select(f => (string?)createdItem![f]));
        }
        Assert.Equal("50.00", (string?)created["orderitems"]![1]!["additionaldata"]!["orderitem-moneyrowdiscount"]);
    }

    [Fact]
    public async Task A_web_order_is_found_by_its_external_id_and_a_duplicate_is_refused()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");

        var orderId = await sitoo.Client.Orders.CreateAsync(WebOrder("SW-10001", store.WarehouseId));
        var found = await sitoo.Client.Orders.FindByExternalIdAsync("SW-10001");
        var duplicate = await Assert.ThrowsAsync<SitooValidationException>(() => sitoo.Client.Orders.CreateAsync(WebOrder("SW-10001", store.WarehouseId)));

        Assert.Equal(orderId, found?.OrderId);
        Assert.Equal(SitooOrderState.Open, found?.OrderState);
        Assert.Null(found?.RegisterId);
        Assert.Contains("SW-10001", duplicate.ErrorText, StringComparison.Ordinal);
        Assert.Equal([orderId], sitoo.Simulator.FindOrdersByExternalId("SW-10001"));
    }

    [Fact]
    public async Task Duplicate_external_ids_can_be_allowed_where_a_system_accepts_them()
    {
        await using var sitoo = SitooHarness.Create(new() { RejectDuplicateExternalIds = false });
        var store = sitoo.Simulator.AddStore("Gallerian");

        await sitoo.Client.Orders.CreateAsync(WebOrder("SW-1", store.WarehouseId));
        await sitoo.Client.Orders.CreateAsync(WebOrder("SW-1", store.WarehouseId));

        Assert.Equal(2, sitoo.Simulator.FindOrdersByExternalId("SW-1").Count);
    }

    [Fact]
    public async Task A_web_order_reserves_stock_until_it_is_picked_up_or_cancelled()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A-1", 5);
        var reservedUntil = SitooHarness.Start + Duration.FromDays(3);

        var pickedUp = await sitoo.Client.Orders.CreateAsync(WebOrder("SW-1", store.WarehouseId, reservedUntil));
        var cancelled = await sitoo.Client.Orders.CreateAsync(WebOrder("SW-2", store.WarehouseId, reservedUntil, quantity: 1));
        var whileOpen = sitoo.Simulator.GetStock(store.WarehouseId, "A-1");
        var item = Assert.Single(await sitoo.Client.Warehouses.ListItemsBySkuAsync(store.WarehouseId, ["A-1"]).ToListAsync());
        sitoo.Simulator.PickUpWebOrder(pickedUp);
        await sitoo.Client.Orders.UpdateStateAsync(cancelled, SitooOrderState.Cancelled);
        var after = sitoo.Simulator.GetStock(store.WarehouseId, "A-1");

        Assert.Equal(new SitooStockLevel(5, 3, 2), whileOpen);
        Assert.Equal((5m, 3m, 2m), (item.DecimalTotal!.Value, item.DecimalReserved!.Value, item.DecimalAvailable!.Value));
        Assert.Equal(new SitooStockLevel(3, 0, 3), after);
        Assert.Equal(SitooOrderState.Closed, (await sitoo.Client.Orders.GetAsync(pickedUp)).OrderState);
    }

    [Fact]
    public async Task Returning_a_web_order_in_store_is_a_negative_order_with_creditorderid_and_a_refund_transaction()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A-1", 5);
        var webOrderId = await sitoo.Client.Orders.CreateAsync(WebOrder("SW-1", store.WarehouseId));
        sitoo.Simulator.PickUpWebOrder(webOrderId);

        var refund = sitoo.Simulator.ReturnAtPos(store, webOrderId, [new("A-1", 1)], reasonCode: "RC1");
        var returns = await sitoo.Client.Orders.ListReturnsOfAsync(webOrderId).ToListAsync();

        var returned = Assert.Single(returns);
        Assert.Equal(refund.OrderId, returned.OrderId);
        Assert.Equal(webOrderId, returned.CreditOrderId);
        Assert.Equal(-1, Assert.Single(returned.OrderItems!).Quantity);
        Assert.Equal(-100m, returned.MoneyTotalGrossAll);
        var restock = Assert.Single(sitoo.Simulator.GetStockMovements(), m => m.WarehouseTransactionId == refund.WarehouseTransactionId);
        Assert.Equal((40, 1m, 4m), (restock.TransactionType, restock.Quantity, restock.TotalAfter));
    }

    [Fact]
    public async Task A_validated_return_cannot_exceed_what_was_bought()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AddProduct("A-1", "Sofa", 125m);
        var sale = sitoo.Simulator.SellAtPos(store, [new("A-1", 2)]);
        sitoo.Simulator.ReturnAtPos(store, sale.OrderId, [new("A-1", 1)]);

        sitoo.Simulator.ReturnAtPos(store, sale.OrderId, [new("A-1", 1)]);

        Assert.Throws<InvalidOperationException>(() => sitoo.Simulator.ReturnAtPos(store, sale.OrderId, [new("A-1", 1)]));
        Assert.Equal(0, sitoo.Simulator.GetStock(store.WarehouseId, "A-1").Total);
    }

    [Fact]
    public async Task A_return_naming_an_unknown_credit_order_is_refused()
    {
        await using var sitoo = SitooHarness.Create();
        var request = new JsonObject
        {
            ["ordertypeid"] = 10,
            ["creditorderid"] = 424242,
            ["orderitems"] = new JsonArray(new JsonObject { ["productname"] = "Sofa", ["sku"] = "A", ["quantity"] = -1, ["moneyrowprice"] = "-125.00", ["vatvalue"] = 25 }),
        };

        var (status, body) = await sitoo.SendAsync(HttpMethod.Post, "sites/1/orders.json", request);

        Assert.Equal(400, status);
        Assert.Contains("creditorderid", (string?)body!["errortext"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_move_stock_unless_told_to_ignore_it()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A-1", 5);
        var moved = await sitoo.Client.Orders.CreateAsync(WebOrder("SW-1", store.WarehouseId));
        var ignored = await sitoo.Client.Orders.CreateAsync(WebOrder("SW-2", store.WarehouseId));

        var deliveryId = await sitoo.Client.Orders.AddDeliveryAsync(moved, new() { WarehouseId = store.WarehouseId, OrderDeliveryRef = "D1", OrderDeliveryItems = [new() { OrderItemId = 0, Quantity = 2 }] });
        await sitoo.Client.Orders.AddDeliveryAsync(ignored, new() { WarehouseId = store.WarehouseId, OrderDeliveryItems = [new() { OrderItemId = 0, Quantity = 2 }] }, ignoreStock: true);
        var deliveries = await sitoo.Client.Orders.ListDeliveriesAsync(moved);

        var delivery = Assert.Single(deliveries);
        Assert.Equal((deliveryId, "D1"), (delivery.OrderDeliveryId, delivery.OrderDeliveryRef));
        Assert.Equal(2, Assert.Single(delivery.OrderDeliveryItems!).Quantity);
        Assert.Equal(3, sitoo.Simulator.GetStock(store.WarehouseId, "A-1").Total);
        Assert.Equal(deliveryId, sitoo.Simulator.GetStockMovements().Single(m => m.TransactionType == 30).OrderDeliveryId);
    }

    [Fact]
    public async Task Order_state_updates_and_log_items_are_kept()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        var orderId = await sitoo.Client.Orders.CreateAsync(WebOrder("SW-1", store.WarehouseId));

        await sitoo.Client.Orders.AddLogItemAsync(orderId, new() { OrderLogType = SitooOrderLogType.ReadyForPickup, StrValue = "Shelf 3" });
        await sitoo.Client.Orders.UpdateStateAsync(orderId, SitooOrderState.Closed);
        var log = await sitoo.Client.Orders.ListLogItemsAsync(orderId);
        var (refusedStatus, _) = await sitoo.SendAsync(HttpMethod.Post, $"sites/1/orders/{orderId}/orderlogitems.json", new JsonObject { ["orderlogtypeid"] = 70 });

        Assert.Equal(SitooOrderState.Closed, (await sitoo.Client.Orders.GetAsync(orderId)).OrderState);
        Assert.Equal([new SitooOrderLogType(0), SitooOrderLogType.ReadyForPickup], log.Select(l => l.OrderLogType!.Value));
        Assert.Equal("Shelf 3", log[1].StrValue);
        Assert.Equal(400, refusedStatus);
    }

    [Fact]
    public async Task Orders_list_from_an_id_in_ascending_order_with_the_documented_filters()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AddProduct("A-1", "Sofa", 125m);
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(sitoo.Simulator.SellAtPos(store, [new("A-1", 1)]).OrderId);
        }
        var refund = sitoo.Simulator.ReturnAtPos(store, ids[0], [new("A-1", 1)]);

        var fromSecond = await sitoo.Client.Orders.ListFromAsync(ids[1]).ToListAsync();
        var byWarehouse = await sitoo.GetJsonAsync($"orders.json?warehouseid={store.WarehouseId}&creditorderid={ids[0]}&fields=orderid");
        var newestFirst = await sitoo.GetJsonAsync("orders.json?fields=orderid&num=2");

        Assert.Equal([ids[1], ids[2], ids[3], refund.OrderId], fromSecond.Select(o => o.OrderId));
        Assert.Equal(refund.OrderId, (long)byWarehouse["items"]![0]!["orderid"]!);
        Assert.Equal(1, (int)byWarehouse["totalcount"]!);
        Assert.Equal([refund.OrderId, ids[3]], newestFirst["items"]!.AsArray().Select(o => (long)o!["orderid"]!));
        Assert.Equal(5, (int)newestFirst["totalcount"]!);
    }

    [Fact]
    public async Task An_unknown_order_answers_404_and_our_client_says_not_found()
    {
        await using var sitoo = SitooHarness.Create();

        var error = await Assert.ThrowsAsync<SitooNotFoundException>(() => sitoo.Client.Orders.GetAsync(99));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
