using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Connectors.Core.Orders;
using Connectors.Sitoo;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Mapping;
using Connectors.Sync.Returns;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Sync.Options;
using Connectors.Sync.Orders;
using Connectors.Sync.Stock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Returns;

/// <summary>
/// Puts an online order into the state the order export leaves it in: the Sitoo order (externalid = order number,
/// items as the export's translator makes them) and the link in the store. The order poller reads nothing, so that
/// these tests decide when an order counts as exported. (Turning the export off is refused in projection mode.)
/// </summary>
internal static class ReturnScenario
{
    public const string Sku = "SKU-1";

    public static Task<ConnectorHarness> StartAsync(int? crashAtCommit = null, Action<ConnectorOptions>? configure = null) =>
        ConnectorHarness.StartAsync(configure, crashAtCommit: crashAtCommit, services: services => services.Replace(ServiceDescriptor.Singleton(provider => new ShopwareOrderPoller(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<IShopwareAdminClient>(),
            new OrderSyncSettings { Export = false },
            provider.GetRequiredService<SalesBaseline>(),
            StockMode.Projection,
            provider.GetRequiredService<EngineTelemetry>()))));

    /// <summary>
    /// Lets a poll interval pass, then syncs: the harness receives no Sitoo events, so changes made in Sitoo are read
    /// by the next scheduled poll.
    /// </summary>
    public static Task SyncAfterPollAsync(ConnectorHarness harness)
    {
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Engine.PollInterval));
        return harness.SyncAsync();
    }

    /// <summary>A paid guest order of <paramref name="quantity"/> units of <see cref="Sku"/>.</summary>
    public static ShopOrderState PlacePaidOrder(ConnectorHarness harness, int quantity, params ShopOrderLine[] more)
    {
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(
            ShopBuyer.Guest("anna@example.com", "Anna", "Berg"), [new ShopOrderLine(Sku, quantity), .. more]));
        return harness.Shop.PayOrder(order.Id);
    }

    /// <summary>Creates the Sitoo order the export would create, placed on store 1, without linking it.</summary>
    /// <returns>The Sitoo order id.</returns>
    public static async Task<long> CreateSitooOrderAsync(ConnectorHarness harness, ShopOrderState order)
    {
        var read = await harness.Services.GetRequiredService<ShopwareOrderStates>().ReadAsync(order.Id, default)
            ?? throw new InvalidOperationException($"Order {order.Id} is not in the shop.");
        var snapshot = ShopwareOrderMapper.ToSnapshot(read, new ShopwareOrderContext("EUR"));
        var translated = Assert.IsType<OrderTranslationResult.Translated>(harness.Services.GetRequiredService<OrderTranslator>().Translate(snapshot));
        var write = SitooOrderWriteMapper.ToNewOrder(translated.Draft, new SitooOrderWriteContext { WarehouseId = harness.Store1.WarehouseId });
        return await harness.Services.GetRequiredService<ISitooClient>().Orders.CreateAsync(write);
    }

    /// <summary>Links the Sitoo order and records its hold on the products, in one commit as the export does.</summary>
    public static async Task LinkAsync(ConnectorHarness harness, ShopOrderState order, long sitooOrderId)
    {
        var read = await harness.Services.GetRequiredService<ShopwareOrderStates>().ReadAsync(order.Id, default)
            ?? throw new InvalidOperationException($"Order {order.Id} is not in the shop.");
        var unit = await harness.Store.BeginUnitOfWorkAsync(default);
        await using (unit)
        {
            await unit.Links.LinkAsync(new EntityLink(LinkedEntityType.Order, order.Id, sitooOrderId.ToString(CultureInfo.InvariantCulture)), default);
            await harness.Services.GetRequiredService<OrderStockEffects>().HoldAsync(
                unit, new ExportedOrder(order.OrderNumber, sitooOrderId, harness.Store1.WarehouseId, null), ShopwareOrderReader.ProductQuantities(read), read.OrderDateTime!.Value, default);
            await unit.CommitAsync(default);
        }
    }

    /// <summary>Creates and links the Sitoo order, as a finished export does.</summary>
    public static async Task<long> ExportAsync(ConnectorHarness harness, ShopOrderState order)
    {
        var sitooOrderId = await CreateSitooOrderAsync(harness, order);
        await LinkAsync(harness, order, sitooOrderId);
        return sitooOrderId;
    }

    /// <summary>
    /// <see cref="Sku"/> with 10 units in store 1, a paid order of 2 units exported and picked up, and the engine idle:
    /// the starting point of a store return.
    /// </summary>
    /// <returns>The Shopware order and its Sitoo order id.</returns>
    public static async Task<(ShopOrderState Order, long SitooOrderId)> PickedUpOrderAsync(ConnectorHarness harness)
    {
        harness.AddProduct(Sku, store1: 10);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 2);
        var sitooOrder = await ExportAsync(harness, order);
        harness.Pos.PickUpWebOrder(sitooOrder);
        await SyncAfterPollAsync(harness);
        return (order, sitooOrder);
    }

    /// <summary>Stores a Sitoo <c>order-delivery</c> event as the webhook receiver does.</summary>
    public static Task DeliverOrderDeliveryEventAsync(ConnectorHarness harness, long sitooOrderId) =>
        DeliverEventAsync(harness, "order-delivery", new JsonObject
        {
            ["eshop_id"] = harness.Pos.Sitoo.EshopId,
            ["order_id"] = sitooOrderId,
            ["order_delivery_id"] = 1,
            ["warehouse_id"] = harness.Store1.WarehouseId,
            ["order_delivery_event_type"] = "add",
        });

    /// <summary>Stores a Sitoo <c>order</c> event (a new order) as the webhook receiver does.</summary>
    public static Task DeliverOrderAddedEventAsync(ConnectorHarness harness, long sitooOrderId) =>
        DeliverEventAsync(harness, "order", new JsonObject
        {
            ["eshop_id"] = harness.Pos.Sitoo.EshopId,
            ["order_id"] = sitooOrderId,
            ["order_event_type"] = "add",
        });

    private static async Task DeliverEventAsync(ConnectorHarness harness, string type, JsonObject data)
    {
        var eventId = Guid.NewGuid().ToString("N");
        var body = new JsonObject
        {
            ["event_id"] = eventId,
            ["event_type"] = type,
            ["event_date"] = harness.Clock.GetCurrentInstant().ToUnixTimeSeconds(),
            ["account_id"] = harness.Pos.Sitoo.AccountId,
            ["data"] = data,
        }.ToJsonString();
        await harness.Store.Inbox.StoreAsync(
            new InboxDelivery(InboxSources.Sitoo, eventId, type, Encoding.UTF8.GetBytes(body), new Dictionary<string, string>()), default);
    }

    /// <summary>How often Shopware was asked to run <paramref name="action"/> on a payment or delivery.</summary>
    public static int Transitions(ConnectorHarness harness, string entity, string action) =>
        harness.Shop.Calls.ByOperation
            .Where(call => call.Key.StartsWith("POST /api/_action/" + entity + "/", StringComparison.Ordinal)
                && call.Key.EndsWith("/state/" + action, StringComparison.Ordinal))
            .Sum(call => call.Value);

    public static Task<WorkItem?> RefundItemAsync(ConnectorHarness harness, long returnOrderId) =>
        harness.Store.WorkItems.FindAsync(
            SitooOrderPoller.RefundKey(harness.Services.GetRequiredService<Connectors.Sync.Stock.StockIntakeSettings>(), returnOrderId), default);

    public static Task<IReadOnlyList<ExceptionRecord>> ExceptionsAsync(ConnectorHarness harness) =>
        harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default);
}
