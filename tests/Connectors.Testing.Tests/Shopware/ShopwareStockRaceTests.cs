using System.Net;
using System.Text.Json.Nodes;
using Connectors.Testing.Shopware;

namespace Connectors.Testing.Tests.Shopware;

/// <summary>
/// What a stock writer races against: orders moving <c>stock</c> and <c>sales</c> together, API writes moving only
/// <c>stock</c>, the hook between a writer's read and its write, and an administrator's absolute write.
/// </summary>
public class ShopwareStockRaceTests
{
    private const string Secret = "app-secret";
    private static readonly Uri _receiverUrl = new("http://receiver.test/shopware");

    private static ShopOrderDraft Guest(params ShopOrderLine[] lines) => new(ShopBuyer.Guest("ann@example.com", "Ann", "Lee"), lines);

    private static JsonArray StockRows(params (JsonNode Id, int Stock)[] rows) =>
    [
        new JsonObject
        {
            ["key"] = "stock",
            ["entity"] = "product",
            ["action"] = "upsert",
            ["payload"] = new JsonArray([.. rows.Select(r => (JsonNode?)new JsonObject { ["id"] = r.Id.DeepClone(), ["stock"] = r.Stock })]),
        },
    ];

    private static JsonObject ByNumber(string number) => new() { ["resolver"] = "product.number", ["value"] = number };

    private static async Task<(int Stock, int Sales)> SearchStockAndSales(ShopwareTestShop shop, string number)
    {
        var (status, body) = await shop.CallAsync("api/search/product", new JsonObject
        {
            ["filter"] = new JsonArray(new JsonObject { ["type"] = "equals", ["field"] = "productNumber", ["value"] = number }),
            ["includes"] = new JsonObject { ["product"] = new JsonArray("productNumber", "stock", "sales") },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        var product = Assert.Single(body!["data"]!.AsArray())!.AsObject();
        Assert.Equal(["apiAlias", "productNumber", "sales", "stock"], product.Select(p => p.Key).Order(StringComparer.Ordinal));
        return (product["stock"]!.GetValue<int>(), product["sales"]!.GetValue<int>());
    }

    [Fact]
    public async Task Placing_cancelling_and_reopening_an_order_move_stock_and_sales_by_the_same_units()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        shop.Simulator.AddProduct(new ShopProductDraft("B", 4));

        var order = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 3), new ShopOrderLine("B", 1), new ShopOrderLine("A", 2)));
        var placed = (shop.Simulator.GetProduct("A"), shop.Simulator.GetProduct("B"));
        shop.Simulator.CancelOrder(order.Id);
        var cancelled = (shop.Simulator.GetProduct("A"), shop.Simulator.GetProduct("B"));
        shop.Simulator.Transition(ShopStateMachine.Order, order.Id, "reopen");
        var reopened = (shop.Simulator.GetProduct("A"), shop.Simulator.GetProduct("B"));

        Assert.Equal(((5, 5), (3, 1)), ((placed.Item1.Stock, placed.Item1.Sales), (placed.Item2.Stock, placed.Item2.Sales)));
        Assert.Equal(((10, 0), (4, 0)), ((cancelled.Item1.Stock, cancelled.Item1.Sales), (cancelled.Item2.Stock, cancelled.Item2.Sales)));
        Assert.Equal(((5, 5), (3, 1)), ((reopened.Item1.Stock, reopened.Item1.Sales), (reopened.Item2.Stock, reopened.Item2.Sales)));
        Assert.Equal(5, reopened.Item1.AvailableStock);
    }

    [Fact]
    public async Task A_sync_write_of_stock_leaves_sales_alone_and_sales_is_readable_through_search()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 3)));
        Assert.Equal((7, 3), await SearchStockAndSales(shop, "A"));

        var (status, _) = await shop.CallAsync("api/_action/sync", StockRows((ByNumber("A"), 42)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((42, 3), await SearchStockAndSales(shop, "A"));
        Assert.Equal(3, shop.Simulator.GetProduct("A").Sales);
    }

    [Fact]
    public async Task The_hook_runs_between_a_read_and_the_write_and_an_order_placed_in_it_is_overwritten_but_keeps_its_sales()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        var idOfB = shop.Simulator.AddProduct(new ShopProductDraft("B", 10));
        var seen = new List<IReadOnlyList<string>>();
        var before = await SearchStockAndSales(shop, "A");
        shop.Simulator.BeforeProductWrite = numbers =>
        {
            seen.Add(numbers);
            // Outside the simulator's lock: the shop takes an order in the writer's read→write gap.
            shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 2)));
        };

        var (status, _) = await shop.CallAsync("api/_action/sync", StockRows((ByNumber("A"), before.Stock), (JsonValue.Create(idOfB), 6)));
        var after = await SearchStockAndSales(shop, "A");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["A", "B"], Assert.Single(seen));
        Assert.Equal((10, 0), before);

        // The real shop has no compare-and-set: the absolute write undoes the order's decrement; only sales shows it.
        Assert.Equal((10, 2), after);
        Assert.Equal(6, shop.Simulator.GetProduct("B").Stock);
    }

    [Fact]
    public async Task The_hook_sees_only_writes_of_stock()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        var seen = new List<IReadOnlyList<string>>();
        shop.Simulator.BeforeProductWrite = seen.Add;

        await shop.CallAsync("api/_action/sync", new JsonArray(new JsonObject
        {
            ["entity"] = "product",
            ["action"] = "upsert",
            ["payload"] = new JsonArray(new JsonObject { ["id"] = ByNumber("A"), ["isCloseout"] = true }),
        }));
        shop.Simulator.SetStockAsAdministrator("A", 3);
        shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 1)));

        Assert.Empty(seen);
        Assert.Equal(2, shop.Simulator.GetProduct("A").Stock);
    }

    [Fact]
    public async Task An_administrators_stock_write_changes_stock_not_sales_and_raises_product_written()
    {
        var receiver = new RecordingReceiver();
        await using var shop = new ShopwareTestShop(new ShopwareSimulatorOptions { WebhookHandler = receiver, WebhookRetries = 0 });
        shop.Simulator.AddProduct(new ShopProductDraft("A", 5) { IsCloseout = true });
        shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 5)));
        shop.Simulator.Webhooks.Register("stock", "product.written", _receiverUrl, Secret);
        var writesBefore = shop.Simulator.Writes.Count;

        shop.Simulator.SetStockAsAdministrator("A", 8);
        await shop.Simulator.Webhooks.DeliverPendingAsync();

        var product = shop.Simulator.GetProduct("A");
        Assert.Equal((8, 8, true, 5), (product.Stock, product.AvailableStock, product.Available, product.Sales));
        Assert.Equal((8, 5), await SearchStockAndSales(shop, "A"));
        var (body, _) = Assert.Single(receiver.Received);
        var write = JsonNode.Parse(body)!["data"]!["payload"]![0]!;
        Assert.Equal(("product", "update", product.Id), (write["entity"]!.GetValue<string>(), write["operation"]!.GetValue<string>(), write["primaryKey"]!.GetValue<string>()));
        Assert.Contains("stock", write["updatedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(writesBefore, shop.Simulator.Writes.Count);
        Assert.Throws<KeyNotFoundException>(() => shop.Simulator.SetStockAsAdministrator("NOPE", 1));
    }
}
