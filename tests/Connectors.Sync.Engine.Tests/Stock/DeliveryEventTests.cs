using System.Text;
using System.Text.Json.Nodes;
using Connectors.Sitoo;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using static Connectors.Sync.Engine.Tests.Returns.ReturnScenario;

namespace Connectors.Sync.Engine.Tests.Stock;

/// <summary>The intake tells a delivery's web order from its <c>order-delivery</c> event instead of listing deliveries.</summary>
public sealed class DeliveryEventTests
{
    [Fact]
    public async Task A_pos_sale_of_a_held_sku_announced_by_its_event_lists_no_web_orders_deliveries()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        await ExportAsync(harness, PlacePaidOrder(harness, 2));
        await SyncAfterPollAsync(harness);
        var listings = DeliveryListings(harness);

        var receipt = harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 1)]);
        await DeliverOrderDeliveryEventAsync(harness, receipt.OrderId, receipt.OrderDeliveryId);
        await SyncAfterPollAsync(harness);

        Assert.Equal(listings, DeliveryListings(harness));
        // 10 in the store, less the web order's 2 still to be picked up and the 1 sold at the till.
        Assert.Equal(7, harness.Shop.GetProduct(Sku).Stock);
    }

    [Fact]
    public async Task A_pickup_announced_by_its_event_ends_the_hold_without_listing_deliveries()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        var sitooOrder = await ExportAsync(harness, PlacePaidOrder(harness, 2));
        await SyncAfterPollAsync(harness);

        harness.Pos.PickUpWebOrder(sitooOrder);
        var delivery = Assert.Single(await harness.Services.GetRequiredService<ISitooClient>().Orders.ListDeliveriesAsync(sitooOrder));
        var listings = DeliveryListings(harness);
        await DeliverOrderDeliveryEventAsync(harness, sitooOrder, delivery.OrderDeliveryId);
        await SyncAfterPollAsync(harness);

        // The status check of the picked-up order lists its deliveries once to carry the pickup to Shopware; the intake does not.
        Assert.Equal(listings + 1, DeliveryListings(harness));
        Assert.Equal(8, harness.Shop.GetProduct(Sku).Stock);
        Assert.Equal(harness.ExpectedShopStock(Sku), harness.Shop.GetProduct(Sku).Stock);
    }

    private static int DeliveryListings(ConnectorHarness harness) =>
        harness.Pos.Calls.ByOperation
            .Where(call => call.Key.StartsWith("GET ", StringComparison.Ordinal) && call.Key.EndsWith("/orderdeliveries.json", StringComparison.Ordinal))
            .Sum(call => call.Value);

    private static async Task DeliverOrderDeliveryEventAsync(ConnectorHarness harness, long sitooOrderId, long deliveryId)
    {
        var eventId = Guid.NewGuid().ToString("N");
        var body = new JsonObject
        {
            ["event_id"] = eventId,
            ["event_type"] = "order-delivery",
            ["event_date"] = harness.Clock.GetCurrentInstant().ToUnixTimeSeconds(),
            ["account_id"] = harness.Pos.Sitoo.AccountId,
            ["data"] = new JsonObject
            {
                ["eshop_id"] = harness.Pos.Sitoo.EshopId,
                ["order_id"] = sitooOrderId,
                ["order_delivery_id"] = deliveryId,
                ["warehouse_id"] = harness.Store1.WarehouseId,
                ["order_delivery_event_type"] = "add",
            },
        }.ToJsonString();
        await harness.Store.Inbox.StoreAsync(
            new InboxDelivery(InboxSources.Sitoo, eventId, "order-delivery", Encoding.UTF8.GetBytes(body), new Dictionary<string, string>()), default);
    }
}
