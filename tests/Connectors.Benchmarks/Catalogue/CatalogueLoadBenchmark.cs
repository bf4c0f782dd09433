using System.Diagnostics;
using System.Globalization;
using Connectors.Sync;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.Sqlite;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connectors.Benchmarks.Catalogue;

/// <summary>
/// The catalogue's initial load: a shop of single products and parents with three variants each, made in the Shopware
/// simulator only, loaded into the Sitoo simulator by the engine (its loops on the system clock, SQLite, the clients'
/// resilience and Sitoo rate limiter) until every SKU is there. Reports products per minute and Sitoo calls per product.
/// </summary>
internal static class CatalogueLoadBenchmark
{
    public const string Mode = "catalogue";

    /// <param name="args">Sitoo products to load (default 10,000), the share of them that are variants in percent (default 30),
    /// Sitoo requests per second for the client's limiter (default 3, Sitoo's client default).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var products = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var variantPercent = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var requestsPerSecond = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var parents = products * variantPercent / 100 / 3;
        var singles = products - (parents * 3);
        await using var shop = new ShopwareSimulator();
        await using var pos = new SitooSimulator();
        var warehouse = pos.AddWarehouse("DC", SitooWarehouseKind.Fifo);
        var skus = Seed(shop, singles, parents);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Catalogue load: {singles} single products and {parents} parents with 3 variants each ({skus.Count} Sitoo products); Sitoo limiter {requestsPerSecond} requests/s"));

        var folder = Directory.CreateTempSubdirectory("connectors-catalogue-").FullName;
        try
        {
            await using var services = Build(shop, pos, warehouse, requestsPerSecond, Path.Combine(folder, "connector.db"));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var engine = services.GetRequiredService<ConnectorEngine>();
            var watch = Stopwatch.StartNew();
            var running = engine.RunAsync(stop.Token);
            var loaded = 0;
            while (loaded < skus.Count && watch.Elapsed < TimeSpan.FromHours(1))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                loaded = pos.ListProducts().Count;
                Console.Write(string.Create(CultureInfo.InvariantCulture, $"\r{loaded} of {skus.Count} in Sitoo after {watch.Elapsed.TotalSeconds:F0} s   "));
            }

            watch.Stop();
            await stop.CancelAsync();
            await running;
            Console.WriteLine();
            var catalogueCalls = pos.Calls.ByOperation.Where(call => call.Key.Contains("/products", StringComparison.Ordinal) || call.Key.Contains("/pricelists", StringComparison.Ordinal)).ToList();
            var exact = pos.ListProducts().Select(product => product["sku"]!.GetValue<string>()).Order(StringComparer.Ordinal).SequenceEqual(skus.Order(StringComparer.Ordinal));
            Console.WriteLine("| Sitoo products | seconds | products/min | Sitoo calls | of them catalogue | Sitoo calls/product | Shopware calls | exact |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {skus.Count} | {watch.Elapsed.TotalSeconds:F0} | {skus.Count / watch.Elapsed.TotalMinutes:F0} | {pos.Calls.Total} | {catalogueCalls.Sum(call => call.Value)} | {(double)pos.Calls.Total / skus.Count:F3} | {shop.Calls.Total} | {(exact ? "yes" : "NO")} |"));
            foreach (var (operation, count) in catalogueCalls.OrderBy(call => call.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {operation}: {count}");
            }

            return exact ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Seed(ShopwareSimulator shop, int singles, int parents)
    {
        var skus = new List<string>();
        for (var i = 1; i <= singles; i++)
        {
            var sku = FormattableString.Invariant($"S-{i:000000}");
            shop.AddProduct(new ShopProductDraft(sku, 5) { Name = "Single " + sku, GrossPrice = 10m + (i % 90) });
            skus.Add(sku);
        }

        for (var i = 1; i <= parents; i++)
        {
            var parent = FormattableString.Invariant($"P-{i:00000}");
            shop.AddProduct(new ShopProductDraft(parent, 0) { Name = "Shirt " + parent, GrossPrice = 25m });
            foreach (var size in new[] { "S", "M", "L" })
            {
                shop.AddVariant(parent, new ShopVariantDraft($"{parent}-{size}", 3) { Options = [new ShopVariantOption("Size", size)] });
                skus.Add($"{parent}-{size}");
            }
        }

        return skus;
    }

    private static ServiceProvider Build(ShopwareSimulator shop, SitooSimulator pos, int warehouse, int requestsPerSecond, string database)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        var connector = services.AddShopwareSitooConnector(
            options =>
            {
                options.Stock.Locations = [new StockLocationSettings { SitooWarehouseId = warehouse }];
                options.Reconciliation.FullEvery = TimeSpan.Zero;
                options.Reconciliation.IncrementalEvery = TimeSpan.Zero;
                options.Finance.DefaultTimeZone = "Europe/Stockholm";
                options.Catalogue.Enabled = true;
                options.Catalogue.VatGroups = new() { ["19"] = 3 };
            },
            shopware =>
            {
                shopware.BaseAddress = new Uri("http://127.0.0.1/");
                shopware.ClientId = shop.ShopOptions.ClientId;
                shopware.ClientSecret = shop.ShopOptions.ClientSecret;
            },
            sitoo =>
            {
                sitoo.BaseAddress = new Uri("http://127.0.0.1/");
                sitoo.AccountId = pos.Sitoo.AccountId;
                sitoo.SiteId = pos.Sitoo.EshopId;
                sitoo.ApiId = pos.Sitoo.ApiId;
                sitoo.Password = pos.Sitoo.Password;
                sitoo.Resilience.RequestsPerSecond = requestsPerSecond;
            });
        connector.ShopwareHttpClient.ConfigurePrimaryHttpMessageHandler(() => shop.CreateHandler());
        connector.SitooHttpClient.ConfigurePrimaryHttpMessageHandler(() => pos.CreateHandler());
        connector.UseSqlite(database);
        return services.BuildServiceProvider();
    }
}
