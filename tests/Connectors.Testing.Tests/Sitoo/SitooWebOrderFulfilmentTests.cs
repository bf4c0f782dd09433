using System.Text.Json.Nodes;
using Connectors.Sitoo.Models;
using Connectors.Testing.Sitoo;
using NodaTime;

namespace Connectors.Testing.Tests.Sitoo;

/// <summary>Web orders placed through the API: their reservation window, pickup in store and ship-from-store.</summary>
public class SitooWebOrderFulfilmentTests
{
    private static JsonObject WebOrder(string externalId, int warehouseId, long? reservedUntil, int quantity = 2)
    {
        var order = new JsonObject
        {
            ["ordertypeid"] = 10,
            ["externalid"] = externalId,
            ["email"] = "anna@example.com",
            ["paymentstateid"] = 20,
            ["warehouseid"] = warehouseId,
            ["orderitems"] = new JsonArray(new JsonObject { ["productname"] = "Sofa", ["sku"] = "A-1", ["quantity"] = quantity, ["moneyrowprice"] = "250.00", ["vatvalue"] = 25 }),
        };
        if (reservedUntil is { } until)
        {
            order["datereserved"] = until;
        }
        return order;
    }

    private static async Task<long> CreateAsync(SitooHarness sitoo, JsonObject order)
    {
        var (status, body) = await sitoo.SendAsync(HttpMethod.Post, "sites/1/orders.json", order);
        Assert.Equal(200, status);
        return (long)body!;
    }

    private static async Task<(decimal Total, decimal Reserved, decimal Available)> ItemAsync(SitooHarness sitoo, int warehouseId)
    {
        var page = await sitoo.GetJsonAsync($"sites/1/warehouses/{warehouseId}/warehouseitems.json?sku=A-1&fields=sku,decimaltotal,decimalreserved,decimalavailable");
        var item = Assert.Single(page["items"]!.AsArray())!;
        return (Number(item["decimaltotal"]), Number(item["decimalreserved"]), Number(item["decimalavailable"]));

        static decimal Number(JsonNode? node) => decimal.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_web_order_with_a_warehouse_and_datereserved_reserves_until_that_date_and_one_without_a_date_reserves_nothing()
    {
        await using var sitoo = SitooHarness.Create();
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        sitoo.Simulator.AdjustStock(dc, "A-1", 5);
        var until = (SitooHarness.Start + Duration.FromHours(2)).ToUnixTimeSeconds();

        await CreateAsync(sitoo, WebOrder("SW-1", dc, until));
        await CreateAsync(sitoo, WebOrder("SW-2", dc, reservedUntil: null, quantity: 1));
        var reserved = await ItemAsync(sitoo, dc);
        sitoo.Clock.Advance(Duration.FromHours(2) - Duration.FromSeconds(1));
        var lastSecond = await ItemAsync(sitoo, dc);
        sitoo.Clock.Advance(Duration.FromSeconds(1));
        var expired = await ItemAsync(sitoo, dc);

        Assert.Equal((5m, 2m, 3m), reserved);
        Assert.Equal((5m, 2m, 3m), lastSecond);
        Assert.Equal((5m, 0m, 5m), expired);
        Assert.Equal(new SitooStockLevel(5, 0, 5), sitoo.Simulator.GetStock(dc, "A-1"));
    }

    [Fact]
    public async Task A_pickup_books_a_sale_whose_orderdeliveryid_is_read_back_with_and_without_fields()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A-1", 5);
        var orderId = await CreateAsync(sitoo, WebOrder("SW-1", store.WarehouseId, (SitooHarness.Start + Duration.FromDays(3)).ToUnixTimeSeconds()));

        var transactionId = sitoo.Simulator.PickUpWebOrder(orderId);

        var delivery = Assert.Single(await sitoo.Client.Orders.ListDeliveriesAsync(orderId));
        var all = await sitoo.GetJsonAsync($"sites/1/warehousetransactions.json?warehousetransactionid={transactionId}");
        var some = await sitoo.GetJsonAsync($"sites/1/warehousetransactions.json?warehousetransactionid={transactionId}&fields=warehousetransactionid,transactiontype,orderdeliveryid,items");
        var read = await sitoo.Client.WarehouseTransactions.ListFromAsync(transactionId!.Value).ToListAsync();
        foreach (var page in new[] { all, some })
        {
            var transaction = Assert.Single(page["items"]!.AsArray())!;
            Assert.Equal((30L, delivery.OrderDeliveryId), ((long)transaction["transactiontype"]!, (long)transaction["orderdeliveryid"]!));
            Assert.Equal("-2.000", transaction["items"]![0]!["decimalquantity"]!.GetValue<string>());
        }
        Assert.Equal(["warehousetransactionid", "transactiontype", "orderdeliveryid", "items"], Assert.Single(some["items"]!.AsArray())!.AsObject().Select(p => p.Key));
        Assert.Equal(delivery.OrderDeliveryId, Assert.Single(read).OrderDeliveryId);
        Assert.Equal(new SitooStockLevel(3, 0, 3), sitoo.Simulator.GetStock(store.WarehouseId, "A-1"));
        Assert.Equal(SitooOrderState.Closed, (await sitoo.Client.Orders.GetAsync(orderId)).OrderState);
    }

    [Fact]
    public async Task Shipping_from_a_store_books_the_sale_on_that_store_with_the_delivery_and_ends_the_reservation_elsewhere()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        var dc = sitoo.Simulator.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        sitoo.Simulator.AdjustStock(store.WarehouseId, "A-1", 4);
        sitoo.Simulator.AdjustStock(dc, "A-1", 1);
        var orderId = await CreateAsync(sitoo, WebOrder("SW-1", dc, (SitooHarness.Start + Duration.FromDays(3)).ToUnixTimeSeconds(), quantity: 3));
        Assert.Equal(new SitooStockLevel(1, 3, -2), sitoo.Simulator.GetStock(dc, "A-1"));

        var transactionId = sitoo.Simulator.ShipWebOrderFrom(orderId, store.WarehouseId);
        var again = sitoo.Simulator.ShipWebOrderFrom(orderId, store.WarehouseId);

        var delivery = Assert.Single(await sitoo.Client.Orders.ListDeliveriesAsync(orderId));
        Assert.Equal(store.WarehouseId, delivery.WarehouseId);
        var sale = Assert.Single(sitoo.Simulator.GetStockMovements(), m => m.TransactionType == 30);
        Assert.Equal((transactionId!.Value, store.WarehouseId, -3m, 1m, delivery.OrderDeliveryId), (sale.WarehouseTransactionId, sale.WarehouseId, sale.Quantity, sale.TotalAfter, sale.OrderDeliveryId!.Value));
        var read = Assert.Single(await sitoo.Client.WarehouseTransactions.ListFromAsync(transactionId.Value).ToListAsync());
        Assert.Equal((store.WarehouseId, delivery.OrderDeliveryId), (read.WarehouseId, read.OrderDeliveryId));
        Assert.Null(again);
        Assert.Equal(new SitooStockLevel(1, 0, 1), sitoo.Simulator.GetStock(dc, "A-1"));
        Assert.Equal(new SitooStockLevel(1, 0, 1), sitoo.Simulator.GetStock(store.WarehouseId, "A-1"));
        Assert.Equal(SitooOrderState.Closed, (await sitoo.Client.Orders.GetAsync(orderId)).OrderState);
        Assert.Throws<ArgumentException>(() => sitoo.Simulator.ShipWebOrderFrom(orderId, 99));
    }
}
