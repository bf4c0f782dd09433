using System.Globalization;
using System.Text;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;

namespace Connectors.Sync.Engine.Tests.Orders;

/// <summary>The order tests' view of the harness: exported orders reserve in the distribution centre.</summary>
internal static class OrderScenario
{
    /// <summary>The harness creates two stores (warehouses 1 and 2), then the distribution centre.</summary>
    public const int DistributionCentre = 3;

    public static async Task<ConnectorHarness> StartAsync(
        Action<ConnectorOptions>? configure = null,
        int? crashAtCommit = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null,
        Connectors.Testing.Sitoo.SitooSimulatorOptions? sitoo = null,
        ShopwareSimulatorOptions? shop = null,
        Action<ConnectorBuilder>? connector = null)
    {
        var harness = await ConnectorHarness.StartAsync(
            options =>
            {
                options.Orders.FulfilmentWarehouseId = DistributionCentre;
                configure?.Invoke(options);
            },
            crashAtCommit,
            services,
            sitoo,
            shop,
            connector);
        Assert.Equal(DistributionCentre, harness.DistributionCentre);
        return harness;
    }

    /// <summary>The one Sitoo order of a Shopware order number (fails when there is none or more than one).</summary>
    public static System.Text.Json.Nodes.JsonObject SitooOrder(ConnectorHarness harness, string orderNumber)
    {
        var id = Assert.Single(harness.Pos.FindOrdersByExternalId(orderNumber));
        return harness.Pos.GetOrderSnapshot(id)!;
    }

    public static decimal Money(System.Text.Json.Nodes.JsonNode? node) =>
        decimal.Parse(node!.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture);

    public static string? Text(System.Text.Json.Nodes.JsonNode? node) => node?.GetValue<string>();

    /// <summary>Users created through the API (the scenario's own users are not counted).</summary>
    public static int UsersCreated(SimulatedApi pos) =>
        pos.Calls.ByOperation.Where(call => call.Key.StartsWith("POST ", StringComparison.Ordinal) && call.Key.EndsWith("/users.json", StringComparison.Ordinal)).Sum(call => call.Value);

    public static int OrdersCreated(SimulatedApi pos) =>
        pos.Calls.ByOperation.Where(call => call.Key.StartsWith("POST ", StringComparison.Ordinal) && call.Key.EndsWith("/orders.json", StringComparison.Ordinal)).Sum(call => call.Value);

    /// <summary>
    /// The open online demand of a product number: what the ledger holds plus the sales counter's movement since the
    /// connector last read it (as its next stock write will see it).
    /// </summary>
    public static async Task<decimal> DemandAsync(ConnectorHarness harness, string sku)
    {
        var online = await harness.Store.Ledger.GetAsync(new LedgerKey(sku, "online"), default);
        return online is null ? 0m : Math.Max(0m, online["unattributed"]!.Value + harness.Shop.GetProduct(sku).Sales - online["salesSeen"]!.Value);
    }

    public static async Task<int> PendingAsync(ConnectorHarness harness) =>
        (await harness.Store.WorkItems.CountPendingByLaneAsync(default)).Values.Sum();

    public static Task<IReadOnlyList<ExceptionRecord>> ExceptionsAsync(ConnectorHarness harness) =>
        harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default);

    /// <summary>Stores a Shopware webhook delivery as the receiver would; the engine is woken by it on its next pass.</summary>
    public static Task StoreWebhookAsync(ConnectorHarness harness, string eventId, string eventName, string orderId) =>
        harness.Store.Inbox.StoreAsync(
            new InboxDelivery(
                InboxSources.Shopware,
                eventId,
                eventName,
                Encoding.UTF8.GetBytes(new System.Text.Json.Nodes.JsonObject
                {
                    ["data"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["event"] = eventName,
                        ["payload"] = new System.Text.Json.Nodes.JsonObject { ["order"] = new System.Text.Json.Nodes.JsonObject { ["id"] = orderId } },
                    },
                }.ToJsonString()),
                new Dictionary<string, string>()),
            default);

    /// <summary>Runs the engine once the poll interval has passed, so a store sale without a webhook is read.</summary>
    public static async Task PollAgainAsync(ConnectorHarness harness)
    {
        harness.Clock.Advance(NodaTime.Duration.FromTimeSpan(harness.Options.Engine.PollInterval));
        await harness.SyncAsync();
    }

    /// <summary>Makes every Sitoo write fail (reads go on), as an outage of Sitoo's write side would.</summary>
    public static void BlockSitooWrites(ConnectorHarness harness) =>
        harness.Pos.Faults.Add(FaultRule.Fail("/", method: HttpMethod.Post));
}
