// An integrator's first host: the packaged connector against the packaged simulators, with two policies of its own.
// Prints what it checked and exits 1 when the connector did not decide with them.
using Connectors.Core.Inventory;
using Connectors.Core.Orders;
using Connectors.Sync;
using Connectors.Sync.Engine;
using Connectors.Sync.Sqlite;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;

await using var shop = new ShopwareSimulator();
await using var sitoo = new SitooSimulator();
var store = sitoo.AddStore("Gallerian");
sitoo.AddProduct("SOFA", "Sofa", 500m);
sitoo.AddProduct("GOODWILL", "Goodwill credit", 0m);
sitoo.AdjustStock(store.WarehouseId, "SOFA", 10);
shop.AddProduct(new ShopProductDraft("SOFA", 0) { Name = "Sofa", GrossPrice = 500m });

var folder = Directory.CreateTempSubdirectory("integrator-host-").FullName;
var services = new ServiceCollection();
var connector = services.AddShopwareSitooConnector(
        sync =>
        {
            sync.Stock.Locations = [new() { SitooWarehouseId = store.WarehouseId }];
            sync.Stock.CoalesceWindow = TimeSpan.Zero;
            sync.Finance.DefaultTimeZone = "Europe/Stockholm";
        },
        shopware =>
        {
            shopware.BaseAddress = new Uri("http://127.0.0.1/");
            shopware.ClientId = shop.ShopOptions.ClientId;
            shopware.ClientSecret = shop.ShopOptions.ClientSecret;
        },
        sitooApi =>
        {
            sitooApi.BaseAddress = new Uri("http://127.0.0.1/");
            sitooApi.AccountId = sitoo.Sitoo.AccountId;
            sitooApi.SiteId = sitoo.Sitoo.EshopId;
            sitooApi.ApiId = sitoo.Sitoo.ApiId;
            sitooApi.Password = sitoo.Sitoo.Password;
        })
    .UsePolicy<IStockAvailabilityPolicy>(_ => new HalfOfEverything())
    .DecoratePolicy<ILineItemClassifier>((_, inner) => new GoodwillCredits(inner))
    .UseSqlite(Path.Combine(folder, "data", "connector.db"));
connector.ShopwareHttpClient.ConfigurePrimaryHttpMessageHandler(() => shop.CreateHandler());
connector.SitooHttpClient.ConfigurePrimaryHttpMessageHandler(() => sitoo.CreateHandler());
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var engine = provider.GetRequiredService<ConnectorEngine>();

// Go-live: the first passes take the shop's sales baseline; orders placed after it are exported.
for (var pass = 0; pass < 3; pass++)
{
    await engine.RunOnceAsync(CancellationToken.None);
}

var order = shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("anna@example.com", "Anna", "Berg"), [new ShopOrderLine("SOFA", 1)])
{
    Credits = [new ShopCredit("Goodwill", 20m)],
});
var exported = Array.Empty<long>();
for (var pass = 0; pass < 40 && (shop.GetProduct("SOFA").Stock != 4 || exported.Length == 0); pass++)
{
    await engine.RunOnceAsync(CancellationToken.None);
    exported = [.. sitoo.FindOrdersByExternalId(order.OrderNumber)];
    await Task.Delay(TimeSpan.FromMilliseconds(250));
}

// Half of the store's 10 is 5; the online order's unit is still held back from it until Sitoo delivers the order.
var stock = shop.GetProduct("SOFA").Stock;
var skus = exported.Length == 1
    ? sitoo.GetOrderSnapshot(exported[0])!["orderitems"]!.AsArray().Select(item => item!["sku"]!.GetValue<string>()).ToArray()
    : [];
Console.WriteLine($"shop stock: {stock}");
Console.WriteLine($"exported order rows: {string.Join(", ", skus)}");
return stock == 4 && skus.SequenceEqual(["SOFA", "GOODWILL"]) ? 0 : 1;

/// <summary>Sells half of what the stores hold online.</summary>
internal sealed class HalfOfEverything : IStockAvailabilityPolicy
{
    public decimal OnlineQuantity(string sku, ReadOnlySpan<WarehouseStock> levels, StockTopology topology) =>
        Math.Floor(BufferedAvailabilityPolicy.Instance.OnlineQuantity(sku, levels, topology) / 2);
}

/// <summary>Books Shopware credit lines on the shop's own goodwill product; everything else as before.</summary>
internal sealed class GoodwillCredits(ILineItemClassifier fallback) : ILineItemClassifier
{
    public LineClassification Classify(ShopwareLineSnapshot line, ShopwareOrderSnapshot order) =>
        line.Type == ShopwareLineTypes.Credit ? new LineClassification.Service("GOODWILL") : fallback.Classify(line, order);
}
