using Connectors.Sync.Returns;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Returns.ReturnScenario;

namespace Connectors.Sync.Engine.Tests.Returns;

public sealed class WebOrderStatusTests
{
    [Fact]
    public async Task A_pickup_in_store_ships_the_shopware_delivery_and_completes_the_order()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 2);
        var sitooOrder = await ExportAsync(harness, order);
        await SyncAfterPollAsync(harness);
        Assert.Equal(("open", "open"), (harness.Shop.GetOrder(order.Id).State, harness.Shop.GetOrder(order.Id).DeliveryState));

        harness.Pos.PickUpWebOrder(sitooOrder);
        await DeliverOrderDeliveryEventAsync(harness, sitooOrder);
        await SyncAfterPollAsync(harness);

        var shop = harness.Shop.GetOrder(order.Id);
        Assert.Equal(("completed", "shipped", "paid"), (shop.State, shop.DeliveryState, shop.TransactionState));
        Assert.Equal(1, Transitions(harness, "order_delivery", "ship"));
        Assert.DoesNotContain(sitooOrder, await OpenWebOrders.LoadAsync(harness.Store, default));
        Assert.Equal(8, harness.Shop.GetProduct(Sku).Stock);
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task Without_the_event_the_scheduled_check_catches_the_pickup()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 1);
        var sitooOrder = await ExportAsync(harness, order);
        await SyncAfterPollAsync(harness);
        Assert.Contains(sitooOrder, await OpenWebOrders.LoadAsync(harness.Store, default));

        harness.Pos.PickUpWebOrder(sitooOrder);
        harness.Clock.Advance(Duration.FromTimeSpan(new ReturnSyncSettings().StatusCheckEvery));
        await SyncAfterPollAsync(harness);

        var shop = harness.Shop.GetOrder(order.Id);
        Assert.Equal(("completed", "shipped"), (shop.State, shop.DeliveryState));
        Assert.DoesNotContain(sitooOrder, await OpenWebOrders.LoadAsync(harness.Store, default));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task A_pos_sale_and_an_open_web_order_change_nothing_in_shopware()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        var order = PlacePaidOrder(harness, 1);
        var sitooOrder = await ExportAsync(harness, order);
        harness.Pos.SellAtPos(harness.Store1, [new Connectors.Testing.Sitoo.SitooSaleLine(Sku, 1)]);
        harness.Clock.Advance(Duration.FromTimeSpan(new ReturnSyncSettings().StatusCheckEvery));
        await SyncAfterPollAsync(harness);

        var shop = harness.Shop.GetOrder(order.Id);
        Assert.Equal(("open", "open"), (shop.State, shop.DeliveryState));
        Assert.Equal(0, Transitions(harness, "order_delivery", "ship") + Transitions(harness, "order", "process"));
        Assert.Equal(new[] { sitooOrder }, await OpenWebOrders.LoadAsync(harness.Store, default));
    }
}
