using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Returns;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Returns.ReturnScenario;

namespace Connectors.Sync.Engine.Tests.Returns;

public sealed class StoreReturnTests
{
    [Fact]
    public async Task An_online_order_returned_in_store_is_refunded_partially_and_its_stock_comes_back_once()
    {
        await using var harness = await StartAsync();
        var (order, sitooOrder) = await PickedUpOrderAsync(harness);
        Assert.Equal(8, harness.Shop.GetProduct(Sku).Stock);

        var receipt = harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);
        await SyncAfterPollAsync(harness);
        harness.Clock.Advance(Duration.FromMinutes(1));
        await SyncAfterPollAsync(harness);

        var shop = harness.Shop.GetOrder(order.Id);
        Assert.Equal(("refunded_partially", "returned_partially"), (shop.TransactionState, shop.DeliveryState));
        Assert.Equal(1, Transitions(harness, "order_transaction", "refund_partially"));
        Assert.Equal(9m, harness.Pos.GetStock(harness.Store1.WarehouseId, Sku).Total);
        Assert.Equal(9, harness.Shop.GetProduct(Sku).Stock);
        Assert.Equal(harness.ExpectedShopStock(Sku), harness.Shop.GetProduct(Sku).Stock);
        Assert.Equal(WorkItemState.Completed, (await RefundItemAsync(harness, receipt.OrderId))?.State);
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task A_sitoo_order_event_carries_the_return_at_once_and_a_lost_one_is_caught_by_the_next_poll()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 2);
        harness.Shop.ShipOrder(order.Id);
        var sitooOrder = await ExportAsync(harness, order);
        await SyncAfterPollAsync(harness);

        var first = harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);
        await DeliverOrderAddedEventAsync(harness, first.OrderId);
        // Order events wake the poll at most once per wake interval (2 s), well before the poll interval.
        harness.Clock.Advance(NodaTime.Duration.FromSeconds(2));
        await harness.Engine.RunOnceAsync(default);
        Assert.Equal("refunded_partially", harness.Shop.GetOrder(order.Id).TransactionState);

        // No event: nothing happens until the poll interval has passed.
        harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);
        await harness.Engine.RunOnceAsync(default);
        Assert.Equal("refunded_partially", harness.Shop.GetOrder(order.Id).TransactionState);
        await SyncAfterPollAsync(harness);
        Assert.Equal(("refunded", "returned"), (harness.Shop.GetOrder(order.Id).TransactionState, harness.Shop.GetOrder(order.Id).DeliveryState));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task A_full_return_refunds_and_returns_the_whole_order()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        harness.AddProduct("SKU-2", store1: 10);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 2, new ShopOrderLine("SKU-2", 1));
        harness.Shop.ShipOrder(order.Id);
        var sitooOrder = await ExportAsync(harness, order);

        harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 2), new SitooReturnLine("SKU-2", 1)]);
        await SyncAfterPollAsync(harness);

        var shop = harness.Shop.GetOrder(order.Id);
        Assert.Equal(("refunded", "returned"), (shop.TransactionState, shop.DeliveryState));
        Assert.Equal(0, Transitions(harness, "order_transaction", "refund_partially"));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task Two_partial_returns_are_summed_into_a_full_refund()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 3);
        harness.Shop.ShipOrder(order.Id);
        var sitooOrder = await ExportAsync(harness, order);

        harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);
        await SyncAfterPollAsync(harness);
        var afterFirst = harness.Shop.GetOrder(order.Id);
        harness.Pos.ReturnAtPos(harness.Store2, sitooOrder, [new SitooReturnLine(Sku, 2)]);
        await SyncAfterPollAsync(harness);

        Assert.Equal(("refunded_partially", "returned_partially"), (afterFirst.TransactionState, afterFirst.DeliveryState));
        var shop = harness.Shop.GetOrder(order.Id);
        Assert.Equal(("refunded", "returned"), (shop.TransactionState, shop.DeliveryState));
        Assert.Equal((1, 1), (Transitions(harness, "order_transaction", "refund_partially"), Transitions(harness, "order_transaction", "refund")));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task An_over_return_is_reported_to_finance_and_nothing_is_refunded_twice()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 1);
        harness.Shop.ShipOrder(order.Id);
        var sitooOrder = await ExportAsync(harness, order);
        harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);
        await SyncAfterPollAsync(harness);

        // The simulated POS validates returns; an unvalidated client write returns the same item again.
        var overReturn = await harness.Services.GetRequiredService<Connectors.Sitoo.ISitooClient>().Orders.CreateAsync(new Connectors.Sitoo.Models.SitooNewOrder
        {
            OrderType = new Connectors.Sitoo.Models.SitooOrderType(10),
            CreditOrderId = sitooOrder,
            OrderItems = [new Connectors.Sitoo.Models.SitooNewOrderItem { ProductName = "Product " + Sku, Sku = Sku, Quantity = -1, MoneyRowPrice = -10m, VatValue = 19m }],
        });
        await SyncAfterPollAsync(harness);

        var shop = harness.Shop.GetOrder(order.Id);
        Assert.Equal(("refunded", "returned"), (shop.TransactionState, shop.DeliveryState));
        Assert.Equal((1, 1), (Transitions(harness, "order_transaction", "refund"), Transitions(harness, "order_delivery", "retour")));
        var problem = Assert.Single(await ExceptionsAsync(harness));
        Assert.Equal((ReasonCodes.OverReturn, OwningTeam.Finance), (problem.ReasonCode, problem.Team));
        Assert.Equal(WorkItemState.Parked, (await RefundItemAsync(harness, overReturn))?.State);
    }

    [Fact]
    public async Task A_return_of_a_pos_sale_asks_nothing_of_shopwares_orders()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        var sale = harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 2)]);
        await SyncAfterPollAsync(harness);
        var ordersAsked = OrderCalls(harness);

        var receipt = harness.Pos.ReturnAtPos(harness.Store1, sale.OrderId, [new SitooReturnLine(Sku, 1)]);
        await SyncAfterPollAsync(harness);

        Assert.Equal(ordersAsked, OrderCalls(harness));
        Assert.Equal(9, harness.Shop.GetProduct(Sku).Stock);
        Assert.Equal(WorkItemState.Completed, (await RefundItemAsync(harness, receipt.OrderId))?.State);
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task A_crash_between_the_shopware_transition_and_the_local_commit_transitions_once()
    {
        // Each attempt kills the engine at a later commit, until one dies after Shopware moved and before the refund was recorded.
        for (var crashAt = 1; crashAt <= 12; crashAt++)
        {
            await using var harness = await StartAsync();
            harness.AddProduct(Sku, store1: 10);
            await SyncAfterPollAsync(harness);
            var order = PlacePaidOrder(harness, 2);
            harness.Shop.ShipOrder(order.Id);
            var sitooOrder = await ExportAsync(harness, order);
            var receipt = harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);

            await harness.RestartAsync(crashAt);
            try
            {
                await SyncAfterPollAsync(harness);
            }
            catch (SimulatedCrashException)
            {
                // The engine died here; what it committed before stays.
            }

            var moved = harness.Shop.GetOrder(order.Id).DeliveryState == "returned_partially";
            var item = await RefundItemAsync(harness, receipt.OrderId);
            if (!moved || item?.State == WorkItemState.Completed)
            {
                continue;
            }

            await harness.RestartAsync();
            harness.Clock.Advance(Duration.FromMinutes(2));
            await SyncAfterPollAsync(harness);

            var shop = harness.Shop.GetOrder(order.Id);
            Assert.Equal(("refunded_partially", "returned_partially"), (shop.TransactionState, shop.DeliveryState));
            Assert.Equal((1, 1), (Transitions(harness, "order_transaction", "refund_partially"), Transitions(harness, "order_delivery", "retour_partially")));
            Assert.Equal(WorkItemState.Completed, (await RefundItemAsync(harness, receipt.OrderId))?.State);
            Assert.Empty(await ExceptionsAsync(harness));
            return;
        }

        Assert.Fail("No crash fell between the Shopware transitions and the refund's commit.");
    }

    [Fact]
    public async Task A_return_that_arrives_before_the_export_waits_and_completes_once_the_order_is_linked()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 2);
        harness.Shop.ShipOrder(order.Id);
        var sitooOrder = await CreateSitooOrderAsync(harness, order);
        var receipt = harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);
        await SyncAfterPollAsync(harness);

        var waiting = await RefundItemAsync(harness, receipt.OrderId);
        Assert.Equal(WorkItemState.Pending, waiting?.State);
        Assert.Contains("Waiting for the online order", waiting?.LastError, StringComparison.Ordinal);
        Assert.Equal("paid", harness.Shop.GetOrder(order.Id).TransactionState);
        Assert.Empty(await ExceptionsAsync(harness));

        await LinkAsync(harness, order, sitooOrder);
        harness.Clock.Advance(Duration.FromMinutes(1));
        await SyncAfterPollAsync(harness);

        var shop = harness.Shop.GetOrder(order.Id);
        Assert.Equal(("refunded_partially", "returned_partially"), (shop.TransactionState, shop.DeliveryState));
        Assert.Equal(WorkItemState.Completed, (await RefundItemAsync(harness, receipt.OrderId))?.State);
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task A_return_whose_online_order_never_arrives_becomes_a_retail_exception()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 2);
        var sitooOrder = await CreateSitooOrderAsync(harness, order);
        var receipt = harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);

        for (var round = 0; round < 3 * new ReturnSyncSettings().WaitForOnlineOrderAttempts; round++)
        {
            await SyncAfterPollAsync(harness);
            harness.Clock.Advance(Duration.FromSeconds(10));
        }

        var problem = Assert.Single(await ExceptionsAsync(harness));
        Assert.Equal((ReasonCodes.ReturnWithoutOnlineOrder, OwningTeam.Retail), (problem.ReasonCode, problem.Team));
        var item = await RefundItemAsync(harness, receipt.OrderId);
        Assert.Equal((WorkItemState.Parked, new ReturnSyncSettings().WaitForOnlineOrderAttempts), (item?.State, item?.Attempts));
        Assert.Equal("paid", harness.Shop.GetOrder(order.Id).TransactionState);
    }

    private static int OrderCalls(ConnectorHarness harness) =>
        harness.Shop.Calls.ByOperation
            .Where(call => call.Key.Contains("/api/search/order", StringComparison.Ordinal) || call.Key.Contains("/state", StringComparison.Ordinal))
            .Sum(call => call.Value);
}
