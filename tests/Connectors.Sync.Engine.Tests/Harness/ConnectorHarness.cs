using Connectors.Sync.Options;
using Connectors.Sync.Sqlite;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Engine.Tests.Harness;

/// <summary>
/// Both simulators, a SQLite file and the engine wired as an integrator would (AddShopwareSitooConnector),
/// all on one fake clock. <see cref="RestartAsync"/> kills the engine and starts a new one on the same file.
/// </summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 26, 9, 0);
    private readonly string _folder = Directory.CreateTempSubdirectory("connectors-engine-").FullName;

    // One instance id across restarts, as a configured Engine:InstanceId is: the restarted engine resumes its source leases.
    private readonly string _instanceId = "test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly Action<ConnectorOptions>? _configure;
    private readonly Action<IServiceCollection>? _addServices;
    private readonly Action<ConnectorBuilder>? _connector;
    private ServiceProvider? _services;
    private SqliteConnectorStore? _store;

    private ConnectorHarness(
        Action<ConnectorOptions>? configure, Action<IServiceCollection>? addServices, SitooSimulatorOptions? sitoo, ShopwareSimulatorOptions? shop, Action<ConnectorBuilder>? connector)
    {
        _configure = configure;
        _addServices = addServices;
        _connector = connector;
        Clock = new FakeClock(Start);
        Shop = new ShopwareSimulator(shop, new SimulatorOptions { Clock = Clock });
        Pos = new SitooSimulator(sitoo, new SimulatorOptions { Clock = Clock });
        Store1 = Pos.AddStore("Stockholm City");
        Store2 = Pos.AddStore("Göteborg");
        DistributionCentre = Pos.AddWarehouse("DC", SitooWarehouseKind.Fifo);
    }

    public FakeClock Clock { get; }

    public ShopwareSimulator Shop { get; }

    public SitooSimulator Pos { get; }

    public SimulatedSitooStore Store1 { get; }

    public SimulatedSitooStore Store2 { get; }

    public int DistributionCentre { get; }

    public string DatabasePath => Path.Combine(_folder, "connector.db");

    public ConnectorEngine Engine => Services.GetRequiredService<ConnectorEngine>();

    public IConnectorStore Store => Services.GetRequiredService<IConnectorStore>();

    public ConnectorOptions Options => Services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

    /// <summary>Idle passes, a second apart, after which every poll has been due again (capped at a minute).</summary>
    private int IdlePassesBeforeQuiet => Math.Min((int)Math.Ceiling(Options.Engine.PollInterval.TotalSeconds), 60) + 2;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Start the harness first.");

    /// <summary>The store as the engine sees it, when <see cref="StartAsync"/> was told to crash.</summary>
    public CrashingStore? Crashing { get; private set; }

    public static async Task<ConnectorHarness> StartAsync(
        Action<ConnectorOptions>? configure = null,
        int? crashAtCommit = null,
        Action<IServiceCollection>? services = null,
        SitooSimulatorOptions? sitoo = null,
        ShopwareSimulatorOptions? shop = null,
        Action<ConnectorBuilder>? connector = null)
    {
        var harness = new ConnectorHarness(configure, services, sitoo, shop, connector);
        await harness.BuildAsync(crashAtCommit);
        return harness;
    }

    /// <summary>A product known to both systems, with stock per Sitoo warehouse.</summary>
    public void AddProduct(string sku, decimal store1 = 0, decimal store2 = 0, decimal dc = 0, int shopwareStock = 0, bool isCloseout = false)
    {
        Pos.AddProduct(sku, "Product " + sku, 199m);
        Shop.AddProduct(new ShopProductDraft(sku, shopwareStock) { Name = "Product " + sku, IsCloseout = isCloseout });
        AdjustIfAny(Store1.WarehouseId, sku, store1);
        AdjustIfAny(Store2.WarehouseId, sku, store2);
        AdjustIfAny(DistributionCentre, sku, dc);
    }

    /// <summary>What the shop should show: the contributing warehouses' available stock summed.</summary>
    public int ExpectedShopStock(string sku) =>
        (int)new[] { Store1.WarehouseId, Store2.WarehouseId, DistributionCentre }.Sum(w => Math.Max(0, Pos.GetStock(w, sku).Available));

    /// <summary>
    /// Runs passes until the engine is idle, moving the clock over coalescing windows and poll intervals in
    /// between so that everything due becomes due.
    /// </summary>
    public async Task SyncAsync(int maxPasses = 200)
    {
        var idle = 0;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var result = await Engine.RunOnceAsync(CancellationToken.None);
            if (result.DidSomething)
            {
                idle = 0;
                continue;
            }

            // Idle long enough for every source's poll to have come due once more.
            if (++idle == IdlePassesBeforeQuiet)
            {
                return;
            }

            Clock.Advance(Duration.FromSeconds(1));
        }

        throw new InvalidOperationException($"The engine was still busy after {maxPasses} passes.");
    }

    /// <summary>Kills the engine (nothing released, nothing flushed) and starts a new one on the same file.</summary>
    public async Task RestartAsync(int? crashAtCommit = null)
    {
        await StopAsync();
        await BuildAsync(crashAtCommit);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Shop.DisposeAsync();
        await Pos.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file handle may linger on some platforms; the temp folder is cleaned by the OS.
        }
    }

    private async Task StopAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
            _services = null;
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }
    }

    private async Task BuildAsync(int? crashAtCommit)
    {
        var store = await SqliteConnectorStore.OpenAsync(DatabasePath, Clock, CancellationToken.None);
        _store = store;
        Crashing = crashAtCommit is { } n ? new CrashingStore(store, n) : null;
        _services = ConnectorServices.Build(
            Clock,
            Shop,
            Pos,
            [Store1.WarehouseId, Store2.WarehouseId, DistributionCentre],
            Crashing ?? (IConnectorStore)store,
            _configure,
            _addServices,
            _instanceId,
            _connector);
    }

    private void AdjustIfAny(int warehouseId, string sku, decimal quantity)
    {
        if (quantity != 0)
        {
            Pos.AdjustStock(warehouseId, sku, quantity);
        }
    }
}
