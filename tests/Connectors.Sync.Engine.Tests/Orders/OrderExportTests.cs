using System.Globalization;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Orders;

public sealed class OrderExportTests
{
    [Fact]
    public async Task A_guest_order_with_a_promotion_reaches_Sitoo_to_the_cent_and_the_guest_becomes_one_user()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", dc: 10);
        harness.AddProduct("SKU-2", dc: 10);
        await harness.SyncAsync();

        var first = harness.Shop.PlaceOrder(new ShopOrderDraft(
            ShopBuyer.Guest("Anna.Berg@Example.com", "Anna", "Berg"),
            [new ShopOrderLine("SKU-1", 2, 19.99m), new ShopOrderLine("SKU-2", 1, 7.33m)])
        {
            Promotions = [new ShopPromotion("Autumn", "AUTUMN10", Percentage: 10m)],
        });
        await harness.SyncAsync();
        var second = harness.Shop.PlaceOrder(new ShopOrderDraft(
            ShopBuyer.Guest("anna.berg@example.com ", "Anna", "Berg"), [new ShopOrderLine("SKU-2", 3, 4.15m)])
        {
            Promotions = [new ShopPromotion("Five off", string.Empty, Amount: 5m)],
        });
        await harness.SyncAsync();

        var userId = harness.Pos.FindUserId("anna.berg@example.com");
        Assert.NotNull(userId);
        Assert.Equal(1, UsersCreated(harness.Pos));
        foreach (var order in new[] { first, second })
        {
            var sitooOrder = SitooOrder(harness, order.OrderNumber);
            Assert.Equal(harness.Shop.GetOrder(order.Id).AmountTotal, Money(sitooOrder["moneytotal_gross_all"]));
            Assert.Equal(userId, Text(sitooOrder["additionaldata"]?["sitoo-userid"]));
            Assert.Equal(DistributionCentre, sitooOrder["warehouseid"]!.GetValue<long>());
            var link = await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Order, order.Id, default);
            Assert.Equal(sitooOrder["orderid"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture), link?.SitooId);
        }

        var customerLink = await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, first.CustomerId, default);
        Assert.Equal(userId, customerLink?.SitooId);
        Assert.Equal((2m, 4m), (harness.Pos.GetStock(DistributionCentre, "SKU-1").Reserved, harness.Pos.GetStock(DistributionCentre, "SKU-2").Reserved));
        // Each order stays online demand until Sitoo delivers it; its own reservation is not taken off a second time.
        Assert.Equal((2m, 4m), (await DemandAsync(harness, "SKU-1"), await DemandAsync(harness, "SKU-2")));
        Assert.Equal(harness.ExpectedShopStock("SKU-2"), harness.Shop.GetProduct("SKU-2").Stock);
        Assert.Empty(await ExceptionsAsync(harness));
        Assert.Equal(0, await PendingAsync(harness));
    }

    [Fact]
    public async Task An_existing_Sitoo_user_is_found_and_linked_not_duplicated()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", dc: 10);
        var existingUser = harness.Pos.AddUser("maria.lind@example.com", "Maria", "Lind");
        var customerId = harness.Shop.RegisterCustomer("Maria.Lind@example.com", "Maria", "Lind");
        await harness.SyncAsync();

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(customerId), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        Assert.Equal(existingUser, Text(sitooOrder["additionaldata"]?["sitoo-userid"]));
        Assert.Equal(0, UsersCreated(harness.Pos));
        Assert.Equal(existingUser, harness.Pos.FindUserId("maria.lind@example.com"));
        var link = await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, customerId, default);
        Assert.Equal(existingUser, link?.SitooId);
        Assert.Equal(harness.Shop.GetOrder(order.Id).AmountTotal, Money(sitooOrder["moneytotal_gross_all"]));

        // The next order of the linked account goes to the same user without a second lookup or user.
        var again = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(customerId), [new ShopOrderLine("SKU-1", 2)]));
        await harness.SyncAsync();
        Assert.Equal(existingUser, Text(SitooOrder(harness, again.OrderNumber)["additionaldata"]?["sitoo-userid"]));
        Assert.Equal(0, UsersCreated(harness.Pos));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task Duplicated_webhooks_and_polls_export_an_order_once()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", dc: 10);
        await harness.SyncAsync();

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("olle@example.com", "Olle", "Ek"), [new ShopOrderLine("SKU-1", 2)]));
        await StoreWebhookAsync(harness, "evt-1", "checkout.order.placed", order.Id);
        await StoreWebhookAsync(harness, "evt-1", "checkout.order.placed", order.Id);
        await StoreWebhookAsync(harness, "evt-2", "order.written", order.Id);
        await harness.SyncAsync();
        await StoreWebhookAsync(harness, "evt-3", "order.written", order.Id);
        for (var poll = 0; poll < 3; poll++)
        {
            harness.Clock.Advance(Duration.FromSeconds(6));
            await harness.SyncAsync();
        }

        Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        Assert.Equal(1, OrdersCreated(harness.Pos));
        Assert.Equal(2m, harness.Pos.GetStock(DistributionCentre, "SKU-1").Reserved);
        var item = await harness.Store.WorkItems.FindAsync(Connectors.Sync.Orders.OrderWork.ExportKey(order.Id), default);
        Assert.Equal((WorkItemState.Completed, 1), (item?.State, item?.Attempts));
        Assert.Equal(2m, await DemandAsync(harness, "SKU-1"));
        Assert.Equal(harness.ExpectedShopStock("SKU-1"), harness.Shop.GetProduct("SKU-1").Stock);
    }

    [Fact]
    public async Task A_crash_at_any_commit_leaves_exactly_one_Sitoo_order_and_its_link()
    {
        var createdButNotLinked = 0;
        for (var crashAt = 1; crashAt < 40; crashAt++)
        {
            await using var harness = await StartAsync();
            harness.AddProduct("SKU-1", dc: 10);
            await harness.SyncAsync();
            await harness.RestartAsync(crashAtCommit: crashAt);
            var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("kim@example.com", "Kim", "Ny"), [new ShopOrderLine("SKU-1", 3)]));

            try
            {
                await harness.SyncAsync();
            }
            catch (SimulatedCrashException)
            {
                // The engine died here; a failed poll may also have swallowed it, hence the check below.
            }

            if (!harness.Crashing!.Crashed)
            {
                break;
            }

            var linked = await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Order, order.Id, default);
            createdButNotLinked += harness.Pos.FindOrdersByExternalId(order.OrderNumber).Count == 1 && linked is null ? 1 : 0;
            await harness.RestartAsync();
            harness.Clock.Advance(Duration.FromMinutes(1));
            await harness.SyncAsync();

            var sitooOrder = SitooOrder(harness, order.OrderNumber);
            var link = await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Order, order.Id, default);
            Assert.Equal(sitooOrder["orderid"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture), link?.SitooId);
            Assert.Equal(1, UsersCreated(harness.Pos));
            Assert.Equal((3m, 3m), (harness.Pos.GetStock(DistributionCentre, "SKU-1").Reserved, await DemandAsync(harness, "SKU-1")));
            Assert.Equal(harness.ExpectedShopStock("SKU-1"), harness.Shop.GetProduct("SKU-1").Stock);
            Assert.Empty(await ExceptionsAsync(harness));
        }

        Assert.True(createdButNotLinked > 0, "No crash point fell between the Sitoo order creation and the local commit.");
    }

    [Fact]
    public async Task A_promotion_no_rule_maps_is_reported_with_nothing_written_in_Sitoo_and_the_other_orders_go_on()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", dc: 10);
        await harness.SyncAsync();

        // A promotion that adds money: no rule carries it, so the order must not reach Sitoo at all.
        var surcharged = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("eva@example.com", "Eva", "Ström"), [new ShopOrderLine("SKU-1", 1)])
        {
            Promotions = [new ShopPromotion("Gift wrap surcharge", "WRAP", Percentage: -5m)],
        });
        var fine = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("nils@example.com", "Nils", "Holm"), [new ShopOrderLine("SKU-1", 2)]));
        await harness.SyncAsync();

        Assert.Empty(harness.Pos.FindOrdersByExternalId(surcharged.OrderNumber));
        Assert.Null(harness.Pos.FindUserId("eva@example.com"));
        var problem = Assert.Single(await ExceptionsAsync(harness));
        Assert.Equal((ReasonCodes.PromotionLineUnmapped, OwningTeam.Ecommerce, surcharged.OrderNumber), (problem.ReasonCode, problem.Team, problem.Entity.Id));
        Assert.Contains("Gift wrap surcharge", problem.Message, StringComparison.Ordinal);
        Assert.Contains("IPromotionPolicy", problem.Fix, StringComparison.Ordinal);
        Assert.Equal(WorkItemState.Parked, (await harness.Store.WorkItems.FindAsync(problem.WorkItemKey!, default))?.State);
        Assert.Equal(3m, await DemandAsync(harness, "SKU-1"));

        var exported = SitooOrder(harness, fine.OrderNumber);
        Assert.Equal(harness.Shop.GetOrder(fine.Id).AmountTotal, Money(exported["moneytotal_gross_all"]));
        Assert.Equal(2m, harness.Pos.GetStock(DistributionCentre, "SKU-1").Reserved);
    }

    [Fact]
    public async Task An_unknown_sku_is_reported_naming_the_line_and_sku()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", dc: 10);
        harness.Shop.AddProduct(new ShopProductDraft("WEB-ONLY", 5) { Name = "Web only" });
        await harness.SyncAsync();

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ida@example.com", "Ida", "Ek"), [new ShopOrderLine("SKU-1", 1), new ShopOrderLine("WEB-ONLY", 1)]));
        await harness.SyncAsync();

        Assert.Empty(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        var problem = Assert.Single(await ExceptionsAsync(harness));
        Assert.Equal((ReasonCodes.MissingProductMapping, order.OrderNumber), (problem.ReasonCode, problem.Entity.Id));
        Assert.Contains("WEB-ONLY", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'Web only'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, UsersCreated(harness.Pos));
    }

    [Fact]
    public async Task A_Shopware_cancellation_after_export_cancels_the_Sitoo_order_and_frees_its_stock()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", store1: 4, dc: 6);
        await harness.SyncAsync();
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("leo@example.com", "Leo", "Sund"), [new ShopOrderLine("SKU-1", 2)]));
        await harness.SyncAsync();
        Assert.Equal(2m, harness.Pos.GetStock(DistributionCentre, "SKU-1").Reserved);

        harness.Shop.CancelOrder(order.Id);
        await StoreWebhookAsync(harness, "evt-cancel", "state_enter.order.state.cancelled", order.Id);
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        Assert.Equal(20, sitooOrder["orderstateid"]!.GetValue<long>());
        Assert.Equal(0m, harness.Pos.GetStock(DistributionCentre, "SKU-1").Reserved);
        Assert.Equal(10, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(harness.ExpectedShopStock("SKU-1"), harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(0m, await DemandAsync(harness, "SKU-1"));
        Assert.Empty(await ExceptionsAsync(harness));

        // The next store sale is written against the freed stock, not the old reservation.
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        await PollAgainAsync(harness);
        Assert.Equal(9, harness.Shop.GetProduct("SKU-1").Stock);
    }

    [Fact]
    public async Task A_Shopware_cancellation_before_export_exports_nothing_and_drops_the_demand()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", store1: 10);
        await harness.SyncAsync();
        BlockSitooWrites(harness);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("siv@example.com", "Siv", "Alm"), [new ShopOrderLine("SKU-1", 4)]));
        await harness.SyncAsync();
        Assert.Equal(4m, await DemandAsync(harness, "SKU-1"));

        harness.Shop.CancelOrder(order.Id);
        harness.Pos.Faults.Clear();
        harness.Clock.Advance(Duration.FromSeconds(10));
        await harness.SyncAsync();

        Assert.Empty(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        Assert.Null(harness.Pos.FindUserId("siv@example.com"));
        Assert.Equal(0m, await DemandAsync(harness, "SKU-1"));
        Assert.Equal((10, 10), (harness.Shop.GetProduct("SKU-1").Stock, harness.ExpectedShopStock("SKU-1")));
        Assert.Equal(WorkItemState.Completed, (await harness.Store.WorkItems.FindAsync(Connectors.Sync.Orders.OrderWork.ExportKey(order.Id), default))?.State);
        Assert.Empty(await ExceptionsAsync(harness));
        Assert.Equal(0, await PendingAsync(harness));
    }

    [Fact]
    public async Task In_projection_mode_a_store_sale_does_not_undo_an_online_order_and_its_reservation_is_not_deducted_twice()
    {
        await using var harness = await StartAsync(options => options.Engine.MaxAttempts = 100);
        harness.AddProduct("SKU-1", store1: 5, dc: 5);
        await harness.SyncAsync();
        Assert.Equal(10, harness.Shop.GetProduct("SKU-1").Stock);

        // Sitoo cannot take the order yet: Shopware's own decrement is all that shows it.
        BlockSitooWrites(harness);
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ulf@example.com", "Ulf", "Berg"), [new ShopOrderLine("SKU-1", 3)]));
        Assert.Equal(7, harness.Shop.GetProduct("SKU-1").Stock);
        await harness.SyncAsync();
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        await PollAgainAsync(harness);

        // Sitoo has 9 available; 3 of them are promised online.
        Assert.Equal(6, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(3m, await DemandAsync(harness, "SKU-1"));

        harness.Pos.Faults.Clear();
        harness.Clock.Advance(Duration.FromSeconds(10));
        await harness.SyncAsync();
        Assert.Equal((3m, 3m), (harness.Pos.GetStock(DistributionCentre, "SKU-1").Reserved, await DemandAsync(harness, "SKU-1")));
        Assert.Equal((6, 6), (harness.Shop.GetProduct("SKU-1").Stock, harness.ExpectedShopStock("SKU-1")));

        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 2)]);
        await PollAgainAsync(harness);
        Assert.Equal((4, 4), (harness.Shop.GetProduct("SKU-1").Stock, harness.ExpectedShopStock("SKU-1")));
        Assert.Empty(await ExceptionsAsync(harness));
        Assert.Equal(0, await PendingAsync(harness));
    }

    [Fact]
    public async Task Orders_of_other_sales_channels_are_left_alone_in_contribution_mode()
    {
        await using var harness = await StartAsync(options =>
        {
            options.Stock.Locations.Add(new StockLocationSettings { Owner = Core.Inventory.StockOwner.Shopware });
            options.Orders.SalesChannelIds = ["0190c0ffee0000000000000000000001"];
        });
        harness.AddProduct("SKU-1", dc: 10);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("alf@example.com", "Alf", "Ros"), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        Assert.Empty(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        Assert.Null(await harness.Store.WorkItems.FindAsync(Connectors.Sync.Orders.OrderWork.ExportKey(order.Id), default));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task Shipping_is_carried_by_the_configured_shipping_product_and_the_total_still_matches()
    {
        await using var harness = await StartAsync(services: services =>
            services.AddSingleton(new Connectors.Sync.Orders.OrderExportSettings { ShippingProductSku = "SHIPPING", ShippingProductName = "Home delivery" }));
        harness.AddProduct("SKU-1", dc: 10);
        harness.Pos.AddProduct("SHIPPING", "Home delivery", 0m);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("tor@example.com", "Tor", "Lund"), [new ShopOrderLine("SKU-1", 3, 14.95m)])
        {
            Promotions = [new ShopPromotion("Three for two", "3FOR2", Amount: 14.95m)],
            ShippingCosts = 4.90m,
        });
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        Assert.Equal(harness.Shop.GetOrder(order.Id).AmountTotal, Money(sitooOrder["moneytotal_gross_all"]));
        var shipping = Assert.Single(sitooOrder["orderitems"]!.AsArray(), item => Text(item?["sku"]) == "SHIPPING");
        Assert.Equal(("Home delivery", 1L), (Text(shipping!["productname"]), shipping["quantity"]!.GetValue<long>()));
        Assert.Equal(3m, harness.Pos.GetStock(DistributionCentre, "SKU-1").Reserved);
        Assert.Empty(await ExceptionsAsync(harness));
    }
}
