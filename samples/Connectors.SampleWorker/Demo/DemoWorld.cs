using System.Globalization;
using Connectors.Core.Identity;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;

namespace Connectors.SampleWorker.Demo;

/// <summary>
/// A simulated Shopware shop and Sitoo account on loopback ports, seeded with stores, a DC, products and stock:
/// the systems the sample connects when no real ones are configured.
/// </summary>
/// <remarks>
/// The simulators live in memory. Each start is a new simulated account (its own Sitoo account id, counted in the
/// data folder), so the connector's stored state (history, exceptions, links) carries on without its cursors
/// pointing into a world that no longer exists.
/// </remarks>
internal sealed class DemoWorld : IAsyncDisposable
{
    public const string SitooEventsUser = "sitoo-events";
    public const string SitooEventsPassword = "demo-events-password";
    public const string ShopwareAppSecret = "demo-app-secret";

    private DemoWorld(int accountId)
    {
        Shop = new ShopwareSimulator(null, new SimulatorOptions { Seed = accountId });
        Pos = new SitooSimulator(new SitooSimulatorOptions { AccountId = accountId, ApiId = $"{accountId}-1" }, new SimulatorOptions { Seed = accountId });
        Stores = [Pos.AddStore("Stockholm City", "ST01"), Pos.AddStore("Göteborg Nordstan", "GB01"), Pos.AddStore("Malmö Triangeln", "MA01")];
        DistributionCentre = Pos.AddWarehouse("Distribution centre", SitooWarehouseKind.Fifo);
        Outlet = Pos.AddWarehouse("Outlet (not connected)", SitooWarehouseKind.Fifo);
    }

    public ShopwareSimulator Shop { get; }

    public SitooSimulator Pos { get; }

    public IReadOnlyList<SimulatedSitooStore> Stores { get; }

    public int DistributionCentre { get; }

    /// <summary>A warehouse left out of the connector's topology on purpose: an unknown store location.</summary>
    public int Outlet { get; }

    /// <summary>
    /// The connector's stock locations: the stores (safety buffer 1) and the DC (none), all Sitoo warehouses that
    /// contribute to the shop's stock. The configuration is made from this list, and so is the demo's own expectation.
    /// </summary>
    public IReadOnlyList<(int WarehouseId, decimal SafetyBuffer)> OnlineLocations =>
        [.. Stores.Select(s => (s.WarehouseId, 1m)), (DistributionCentre, 0m)];

    /// <summary>Registered shop customers (the first one is also a known Sitoo customer).</summary>
    public IReadOnlyList<string> Members { get; private set; } = [];

    /// <summary>Seeds a new world and serves its simulators on loopback: on the given ports, or free ones for 0.</summary>
    /// <param name="dataFolder">Where the run counter lives.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <param name="shopwarePort">The shop's port; 0 for a free one.</param>
    /// <param name="sitooPort">Sitoo's port; 0 for a free one.</param>
    /// <param name="catalogueInSitoo">
    /// Whether the products are made in Sitoo too. The sample's own demo makes them in Shopware only and lets the connector's
    /// catalogue sync bring them to Sitoo (<see cref="WaitForCatalogueAsync"/>); the simulator server's traffic sells at once.
    /// </param>
    public static async Task<DemoWorld> StartAsync(string dataFolder, CancellationToken cancellationToken, int shopwarePort = 0, int sitooPort = 0, bool catalogueInSitoo = false)
    {
        var world = new DemoWorld(NextAccountId(dataFolder));
        world.Seed(catalogueInSitoo);
        await world.Shop.StartLoopbackAsync(shopwarePort, cancellationToken);
        await world.Pos.StartLoopbackAsync(sitooPort, cancellationToken);
        return world;
    }

    /// <summary>The configuration that points the connector at the simulators.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration()
    {
        var values = new Dictionary<string, string?>
        {
            ["Connectors:Shopware:BaseAddress"] = Shop.LoopbackAddress!.ToString(),
            ["Connectors:Shopware:ClientId"] = Shop.ShopOptions.ClientId,
            ["Connectors:Shopware:ClientSecret"] = Shop.ShopOptions.ClientSecret,
            ["Connectors:Sitoo:BaseAddress"] = Pos.LoopbackAddress!.ToString(),
            ["Connectors:Sitoo:AccountId"] = Text(Pos.Sitoo.AccountId),
            ["Connectors:Sitoo:SiteId"] = Text(Pos.Sitoo.EshopId),
            ["Connectors:Sitoo:ApiId"] = Pos.Sitoo.ApiId,
            ["Connectors:Sitoo:Password"] = Pos.Sitoo.Password,
            // The simulator has no rate limit; a real account's limit is unknown, so the client's default (3/s) is a guess.
            ["Connectors:Sitoo:Resilience:RequestsPerSecond"] = "25",
            ["Connectors:Hosting:SitooEvents:UserName"] = SitooEventsUser,
            ["Connectors:Hosting:SitooEvents:Password"] = SitooEventsPassword,
            ["Connectors:Hosting:ShopwareWebhooks:AppSecret"] = ShopwareAppSecret,
            ["Connectors:Sync:Orders:FulfilmentWarehouseId"] = Text(DistributionCentre),
            ["Connectors:Sync:OrderExport:ShippingProductSku"] = DemoCatalogue.ShippingSku,
            ["Connectors:Sync:Catalogue:Enabled"] = "true",
            [$"Connectors:Sync:Catalogue:VatGroups:{Text(DemoCatalogue.VatRate)}"] = Text(DemoCatalogue.VatGroup),
        };
        foreach (var store in new[] { "ST01", "GB01", "MA01" })
        {
            values[$"Connectors:Sync:Finance:StoreTimeZones:{store}"] = "Europe/Stockholm";
        }

        values["Connectors:Sync:Finance:DefaultTimeZone"] = "Europe/Stockholm";
        foreach (var (sku, index) in DemoCatalogue.MadeToOrderSkus.Select((sku, index) => (sku, index)))
        {
            values[$"{MadeToOrderCloseoutPolicy.Section}:{index}"] = sku;
        }

        var locations = OnlineLocations;
        for (var i = 0; i < locations.Count; i++)
        {
            values[$"Connectors:Sync:Stock:Locations:{i}:SitooWarehouseId"] = Text(locations[i].WarehouseId);
            values[$"Connectors:Sync:Stock:Locations:{i}:SafetyBuffer"] = locations[i].SafetyBuffer.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>Points both simulators' webhooks at the sample's receivers and starts delivering.</summary>
    public void ConnectWebhooks(Uri receiverBase, CancellationToken stopping)
    {
        Pos.SubscribeEvents(new SitooEventSubscription(new Uri(receiverBase, "webhooks/sitoo"))
        {
            UserName = SitooEventsUser,
            Password = SitooEventsPassword,
        });
        foreach (var eventName in new[] { "checkout.order.placed", "order.written", "state_enter.order.state.cancelled", "product.written", "product.deleted" })
        {
            Shop.Webhooks.Register("connector-" + eventName, eventName, new Uri(receiverBase, "webhooks/shopware"), ShopwareAppSecret);
        }

        _ = Pos.RunEventDeliveryAsync(TimeSpan.FromMilliseconds(250), stopping);
        _ = Shop.Webhooks.RunAsync(TimeSpan.FromMilliseconds(250), stopping);
    }

    public async ValueTask DisposeAsync()
    {
        await Shop.DisposeAsync();
        await Pos.DisposeAsync();
    }

    /// <summary>Waits until the connector's catalogue sync has brought every product the demo sells to Sitoo.</summary>
    public async Task WaitForCatalogueAsync(CancellationToken cancellationToken)
    {
        var expected = DemoCatalogue.SyncedSkus.ToHashSet(StringComparer.Ordinal);
        while (!expected.IsSubsetOf(Pos.ListProducts().Select(product => product["sku"]!.GetValue<string>())))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private void Seed(bool catalogueInSitoo)
    {
        var random = new Random(Pos.Sitoo.AccountId);
        foreach (var sku in DemoCatalogue.Skus.Append(DemoCatalogue.CloseoutSku))
        {
            if (catalogueInSitoo)
            {
                Pos.AddProduct(sku, "Demo product " + sku, DemoCatalogue.PriceOf(sku));
            }

            Shop.AddProduct(new ShopProductDraft(sku, 0)
            {
                // Deterministic ids: a restarted demo shop has the same products under the same ids.
                Id = ShopwareIds.FromKey(IdempotencyKey.FromStored("demo:product:" + sku)),
                Name = "Demo product " + sku,
                GrossPrice = DemoCatalogue.PriceOf(sku),
                TaxRate = DemoCatalogue.VatRate,
                IsCloseout = sku == DemoCatalogue.CloseoutSku,
            });
            foreach (var store in Stores)
            {
                Pos.AdjustStock(store.WarehouseId, sku, random.Next(5, 40), "Opening stock");
            }

            Pos.AdjustStock(DistributionCentre, sku, random.Next(20, 120), "Opening stock");
        }

        foreach (var sku in DemoCatalogue.FlashSkus)
        {
            if (catalogueInSitoo)
            {
                Pos.AddProduct(sku, "Flash sale " + sku, DemoCatalogue.PriceOf(sku));
            }

            Shop.AddProduct(new ShopProductDraft(sku, 0)
            {
                Id = ShopwareIds.FromKey(IdempotencyKey.FromStored("demo:product:" + sku)),
                Name = "Flash sale " + sku,
                GrossPrice = DemoCatalogue.PriceOf(sku),
                TaxRate = DemoCatalogue.VatRate,
                // Few units, sold until gone: the shop must not take orders beyond the stock it shows.
                IsCloseout = true,
            });
            foreach (var location in OnlineLocations)
            {
                Pos.AdjustStock(location.WarehouseId, sku, DemoCatalogue.FlashUnitsPerLocation, "Opening stock");
            }
        }

        Members = [.. Enumerable.Range(0, 5).Select(i => Shop.RegisterCustomer($"member{i}@example.com", "Member", $"Number{i}"))];
        Pos.AddUser("member0@example.com", "Member", "Number0");
        Pos.AddProduct(DemoCatalogue.PosOnlySku, "Gift wrapping (stores only)", 29m);
        Pos.AdjustStock(Stores[0].WarehouseId, DemoCatalogue.PosOnlySku, 50, "Opening stock");
        Pos.AddProduct(DemoCatalogue.ShippingSku, "Shipping", 0m);
    }

    /// <summary>
    /// The connector's state file for a new demo world, emptied first: every start simulates new systems, so the state
    /// of an earlier world (its cursors, pending work and exceptions) would describe systems that no longer exist, and
    /// its work and lag would enter this run's figures. With real systems the state is kept across restarts.
    /// </summary>
    public static string FreshStateFile(string dataFolder)
    {
        var file = Path.Combine(dataFolder, "demo-connector.db");
        foreach (var part in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(part);
        }

        return file;
    }

    private static int NextAccountId(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var counter = Path.Combine(dataFolder, "demo-runs.txt");
        var runs = File.Exists(counter) ? int.Parse(File.ReadAllText(counter).Trim(), CultureInfo.InvariantCulture) : 0;
        File.WriteAllText(counter, Text(runs + 1));
        return 1500 + runs;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
