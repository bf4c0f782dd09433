using System.Globalization;
using System.Net;
using Connectors.Hosting;
using Connectors.Sync;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.PostgreSql;
using Connectors.Sync.Sqlite;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>
/// Both simulators on loopback ports with latency on every request, a catalogue stocked in several stores, and a
/// connector host as an integrator would run it: the engine (AddShopwareSitooConnector + UseSqlite on a temp file,
/// the clients' default resilience and Sitoo rate limiter) and the Hosting package's Sitoo events receiver on a
/// loopback port of its own, all on the system clock.
/// </summary>
internal sealed class StockScenario : IAsyncDisposable
{
    /// <summary>Latency added to every Shopware request.</summary>
    public static readonly (TimeSpan Min, TimeSpan Max) ShopwareLatency = (TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(120));

    /// <summary>Latency added to every Sitoo request.</summary>
    public static readonly (TimeSpan Min, TimeSpan Max) SitooLatency = (TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(150));

    private const string ReceiverUser = "sitoo-hooks";
    private const string ReceiverPassword = "benchmark-receiver-secret";

    private readonly string _folder = Directory.CreateTempSubdirectory("connectors-e2e-").FullName;
    private readonly List<SimulatedSitooStore> _stores = [];
    private readonly Dictionary<(string Sku, int Store), int> _remaining = [];
    private readonly Dictionary<string, int> _expected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skuByProductId = new(StringComparer.Ordinal);
    private readonly List<WebApplication> _hosts = [];
    private readonly string _schema = "e2e_" + Guid.NewGuid().ToString("N")[..10];
    private bool _usesPostgreSql;

    private StockScenario(int seed)
    {
        Shop = new ShopwareSimulator(null, new SimulatorOptions { Seed = seed });
        Pos = new SitooSimulator(null, new SimulatorOptions { Seed = seed });
        Writes = new ShopwareStockWriteLog(_skuByProductId);
    }

    /// <summary>The simulated shop.</summary>
    public ShopwareSimulator Shop { get; }

    /// <summary>The simulated Sitoo account.</summary>
    public SitooSimulator Pos { get; }

    /// <summary>The stock values the engine wrote to Shopware.</summary>
    public ShopwareStockWriteLog Writes { get; }

    /// <summary>The SKUs of the catalogue.</summary>
    public IReadOnlyList<string> Skus => [.. _expected.Keys];

    /// <summary>The stores that sell.</summary>
    public IReadOnlyList<SimulatedSitooStore> Stores => _stores;

    /// <summary>The running engine's host; its services hold the engine and the store.</summary>
    public IServiceProvider Services => _hosts.Count > 0 ? _hosts[0].Services : throw new InvalidOperationException("Start the scenario first.");

    /// <summary>Every instance's engine.</summary>
    public IReadOnlyList<ConnectorEngine> Engines => [.. _hosts.Select(h => h.Services.GetRequiredService<ConnectorEngine>())];

    /// <summary>The flash sale's hot products (none in the stock scenario); <see cref="Skus"/> holds them too.</summary>
    public IReadOnlyList<string> HotSkus { get; private set; } = [];

    /// <summary>Registered shop customers (flash sale only), to place online orders with.</summary>
    public IReadOnlyList<string> Customers { get; private set; } = [];

    /// <summary>
    /// Builds the catalogue (with the flash sale's hot products when <see cref="EndToEndSettings.Scenario"/> says so), starts both simulators
    /// and, unless <paramref name="withConnector"/> is false, the connector host (the engine is not running yet).
    /// </summary>
    public static async Task<StockScenario> StartAsync(EndToEndSettings settings, int seed, CancellationToken cancellationToken, bool withConnector = true)
    {
        var scenario = new StockScenario(seed);
        try
        {
            scenario.Stock(settings, new Random(seed));
            if (settings.Scenario == EndToEndSettings.FlashScenario)
            {
                scenario.AddFlashSale(settings);
            }

            if (!withConnector)
            {
                await scenario.Shop.StartLoopbackAsync(cancellationToken).ConfigureAwait(false);
                await scenario.Pos.StartLoopbackAsync(cancellationToken).ConfigureAwait(false);
                return scenario;
            }

            for (var instance = 0; instance < settings.Instances; instance++)
            {
                await scenario.StartHostAsync(instance, settings.UsesPostgreSql, settings.SitooRequestsPerSecond, cancellationToken).ConfigureAwait(false);
            }
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The SKU's stock summed over the stores, as the driver's sales left it.</summary>
    public int ExpectedStock(string sku) => _expected[sku];

    /// <summary>Units of a SKU left at a store, so the driver never sells more than is there.</summary>
    public int Remaining(string sku, int store) => _remaining[(sku, store)];

    /// <summary>Rings up a POS sale and returns the SKU's summed stock after it.</summary>
    public int Sell(string sku, int store, int quantity)
    {
        Pos.SellAtPos(_stores[store], [new SitooSaleLine(sku, quantity)]);
        _remaining[(sku, store)] -= quantity;
        return _expected[sku] -= quantity;
    }

    /// <summary>SKUs whose Shopware stock differs from the stores' available stock summed (read from the simulators).</summary>
    public IReadOnlyList<string> Mismatches() =>
        [.. _expected.Keys.Where(sku => Shop.GetProduct(sku).Stock != _stores.Sum(s => (int)Math.Max(0, Pos.GetStock(s.WarehouseId, sku).Available)))];

    /// <summary>Whether Shopware shows the stock the driver expects for every SKU.</summary>
    public bool InStep() => _expected.All(pair => Shop.GetProduct(pair.Key).Stock == pair.Value);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync().ConfigureAwait(false);
            await host.DisposeAsync().ConfigureAwait(false);
        }

        if (_usesPostgreSql)
        {
            await using var connection = new NpgsqlConnection(PostgreSqlConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE;", connection);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await Shop.DisposeAsync().ConfigureAwait(false);
        await Pos.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is the OS's to clean then.
        }
    }

    private void Stock(EndToEndSettings settings, Random random)
    {
        for (var s = 0; s < settings.Stores; s++)
        {
            _stores.Add(Pos.AddStore("Store " + (s + 1).ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < settings.Skus; i++)
        {
            var sku = "SKU-" + i.ToString("D5", CultureInfo.InvariantCulture);
            Pos.AddProduct(sku, "Product " + sku, 199m);

            // Shopware starts at 0, so the warm-up proves the engine has read every SKU's history before sales begin.
            _skuByProductId[Shop.AddProduct(new ShopProductDraft(sku, 0) { Name = "Product " + sku })] = sku;
            var total = 0;
            for (var s = 0; s < _stores.Count; s++)
            {
                // Enough that even 1,000 sales/s for a minute never empties a store, so stock only falls.
                var units = random.Next(400, 800);
                Pos.AdjustStock(_stores[s].WarehouseId, sku, units);
                _remaining[(sku, s)] = units;
                total += units;
            }

            _expected[sku] = total;
        }

        Shop.Faults.Add(FaultRule.Delay("", ShopwareLatency.Min, ShopwareLatency.Max));
        Pos.Faults.Add(FaultRule.Delay("", SitooLatency.Min, SitooLatency.Max));
    }

    /// <summary>
    /// The flash sale's hot products, added to the catalogue: closeouts in Shopware (the shop takes no order beyond the
    /// stock it shows), with <see cref="EndToEndSettings.HotUnits"/> units in each store; and a few registered customers.
    /// </summary>
    private void AddFlashSale(EndToEndSettings settings)
    {
        var hot = new List<string>();
        for (var i = 0; i < settings.HotSkus; i++)
        {
            var sku = "HOT-" + i.ToString("D2", CultureInfo.InvariantCulture);
            Pos.AddProduct(sku, "Flash sale " + sku, 49m);
            _skuByProductId[Shop.AddProduct(new ShopProductDraft(sku, 0) { Name = "Flash sale " + sku, IsCloseout = true })] = sku;
            for (var s = 0; s < _stores.Count; s++)
            {
                Pos.AdjustStock(_stores[s].WarehouseId, sku, settings.HotUnits, "Opening stock");
                _remaining[(sku, s)] = settings.HotUnits;
            }

            _expected[sku] = settings.HotUnits * _stores.Count;
            hot.Add(sku);
        }

        HotSkus = hot;
        Customers = [.. Enumerable.Range(0, 8).Select(i => Shop.RegisterCustomer(
            "shopper" + i.ToString(CultureInfo.InvariantCulture) + "@example.com", "Shopper", "Number" + i.ToString(CultureInfo.InvariantCulture)))];
    }

    private static string PostgreSqlConnectionString =>
        Environment.GetEnvironmentVariable("CONNECTORS_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=connectors;Password=connectors;Database=connectors_test";

    /// <summary>Starts one connector instance; the first also starts the simulators' servers and receives Sitoo's events.</summary>
    private async Task StartHostAsync(int instance, bool postgreSql, int? sitooRequestsPerSecond, CancellationToken cancellationToken)
    {
        var shopAddress = instance == 0 ? await Shop.StartLoopbackAsync(cancellationToken).ConfigureAwait(false) : Shop.LoopbackAddress!;
        var posAddress = instance == 0 ? await Pos.StartLoopbackAsync(cancellationToken).ConfigureAwait(false) : Pos.LoopbackAddress!;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connectors:Hosting:SitooEvents:UserName"] = ReceiverUser,
            ["Connectors:Hosting:SitooEvents:Password"] = ReceiverPassword,
        });
        var connector = builder.Services.AddShopwareSitooConnector(
            options =>
            {
                options.Stock.Locations = [.. _stores.Select(s => new StockLocationSettings { SitooWarehouseId = s.WarehouseId })];

                // Off so that an hourly slot cannot start a full comparison in the middle of one rate's run.
                options.Reconciliation.FullEvery = TimeSpan.Zero;
                options.Engine.InstanceId = "e2e-benchmark-" + instance.ToString(CultureInfo.InvariantCulture);
                options.Finance.DefaultTimeZone = "Europe/Stockholm";
            },
            shopware =>
            {
                shopware.BaseAddress = shopAddress;
                shopware.ClientId = Shop.ShopOptions.ClientId;
                shopware.ClientSecret = Shop.ShopOptions.ClientSecret;
            },
            sitoo =>
            {
                sitoo.BaseAddress = posAddress;
                sitoo.AccountId = Pos.Sitoo.AccountId;
                sitoo.SiteId = Pos.Sitoo.EshopId;
                sitoo.ApiId = Pos.Sitoo.ApiId;
                sitoo.Password = Pos.Sitoo.Password;
                if (sitooRequestsPerSecond is { } rate)
                {
                    sitoo.Resilience.RequestsPerSecond = rate;
                }
            });
        if (postgreSql)
        {
            connector.UsePostgreSql(new PostgreSqlStoreOptions { ConnectionString = PostgreSqlConnectionString, Schema = _schema });
            _usesPostgreSql = true;
        }
        else
        {
            connector.UseSqlite(Path.Combine(_folder, "connector.db"));
        }

        connector.ShopwareHttpClient.AddHttpMessageHandler(() => new StockWriteObserver(Writes));
        builder.Services.AddConnectorHosting(builder.Configuration);

        var host = builder.Build();
        host.MapSitooEvents();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        _hosts.Add(host);
        if (instance > 0)
        {
            return;
        }

        var bound = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Pos.SubscribeEvents(new SitooEventSubscription(new Uri(new Uri(bound), "webhooks/sitoo"))
        {
            UserName = ReceiverUser,
            Password = ReceiverPassword,
        });
    }
}
