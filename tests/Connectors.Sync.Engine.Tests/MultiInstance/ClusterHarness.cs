using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Options;
using Connectors.Sync.PostgreSql;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Engine.Tests.MultiInstance;

/// <summary>Several connector instances sharing one PostgreSQL schema and the same simulated shop and POS.</summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    private readonly SharedDatabase _database = new();
    private readonly List<Instance?> _instances = [];
    private readonly Action<ConnectorOptions>? _configure;
    private readonly InstanceWiring? _wiring;

    private ClusterHarness(Action<ConnectorOptions>? configure, InstanceWiring? wiring)
    {
        _configure = configure;
        _wiring = wiring;
        Clock = wiring?.Clock ?? new FakeClock(ConnectorHarness.Start);
        Shop = new ShopwareSimulator(null, new SimulatorOptions { Clock = Clock });
        Pos = new SitooSimulator(wiring?.Sitoo, new SimulatorOptions { Clock = Clock });
        Stores = [Pos.AddStore("Stockholm"), Pos.AddStore("Göteborg"), Pos.AddStore("Malmö")];
    }

    public FakeClock Clock { get; }

    public ShopwareSimulator Shop { get; }

    public SitooSimulator Pos { get; }

    public IReadOnlyList<SimulatedSitooStore> Stores { get; }

    public SharedDatabase Database => _database;

    /// <summary>Idle passes, a second apart, after which every poll (5 s apart) has been due again.</summary>
    private static int IdlePassesBeforeQuiet => 7;

    public IConnectorStore Store => _instances.First(i => i is not null)!.Store;

    public static async Task<ClusterHarness> StartAsync(int instances, Action<ConnectorOptions>? configure = null, InstanceWiring? wiring = null)
    {
        var cluster = new ClusterHarness(configure, wiring);
        for (var i = 0; i < instances; i++)
        {
            await cluster.AddInstanceAsync();
        }

        return cluster;
    }

    /// <summary>Starts one more instance; when <paramref name="crashAtCommit"/> is set it dies at that commit.</summary>
    public async Task<int> AddInstanceAsync(int? crashAtCommit = null)
    {
        var name = "i" + _instances.Count;
        var store = await _database.OpenAsync(Clock, name);
        var crashing = crashAtCommit is { } n ? new CrashingStore(store, n) : null;
        var used = crashing ?? (IConnectorStore)store;
        void Wire(ConnectorBuilder builder)
        {
            if (crashing is not null)
            {
                // A dead process sends nothing more: its clients fail from the crash on, as its store's commits do.
                builder.ShopwareHttpClient.AddHttpMessageHandler(() => new DeadAfterCrash(crashing));
                builder.SitooHttpClient.AddHttpMessageHandler(() => new DeadAfterCrash(crashing));
            }

            _wiring?.Connector?.Invoke(name, builder);
        }

        var services = ConnectorServices.Build(
            Clock,
            Shop,
            Pos,
            [.. Stores.Select(s => s.WarehouseId)],
            _wiring?.Store?.Invoke(name, used) ?? used,
            _configure,
            null,
            name,
            Wire);
        _instances.Add(new Instance(name, services, store, crashing));
        return _instances.Count - 1;
    }

    public void AddProduct(string sku, int perStore)
    {
        Pos.AddProduct(sku, "Product " + sku, 99m);
        Shop.AddProduct(new ShopProductDraft(sku, 0));
        foreach (var store in Stores)
        {
            Pos.AdjustStock(store.WarehouseId, sku, perStore);
        }
    }

    public int ExpectedShopStock(string sku) => (int)Stores.Sum(s => Math.Max(0, Pos.GetStock(s.WarehouseId, sku).Available));

    public bool HasCrashed(int index) => _instances[index]?.Crashing?.Crashed == true;

    public string NameOf(int index) => _instances[index]!.Name;

    /// <summary>One pass of every live instance, at the same time. A crashed instance's failure is swallowed: it is dead.</summary>
    public async Task<bool> PassAsync()
    {
        var passes = _instances.Where(i => i is not null).Select(async instance =>
        {
            try
            {
                return (await instance!.Engine.RunOnceAsync(CancellationToken.None)).DidSomething;
            }
            catch (Exception) when (instance!.Crashing?.Crashed == true)
            {
                return false;
            }
            catch (PostgreSqlStoreTransientException)
            {
                // A statement timed out on a loaded machine; RunAsync would retry after a backoff, so this pass counts
                // as one that left work to do.
                return true;
            }
        });
        return (await Task.WhenAll(passes)).Any(didSomething => didSomething);
    }

    /// <summary>One pass of one instance alone.</summary>
    public async Task<bool> PassAsync(int index)
    {
        try
        {
            return (await Engine(index).RunOnceAsync(CancellationToken.None)).DidSomething;
        }
        catch (PostgreSqlStoreTransientException)
        {
            // As in PassAsync(): a passing store failure is retried by the next pass.
            return true;
        }
    }

    /// <summary>The engine of one live instance.</summary>
    public ConnectorEngine Engine(int index) => _instances[index]?.Engine ?? throw new InvalidOperationException($"Instance {index} is not running.");

    /// <summary>The index of the instance holding a source's lease (as the shared store says), or -1 when none does.</summary>
    public async Task<int> HolderOfAsync(string source)
    {
        var owner = await _database.LeaseOwnerAsync(source, Clock.GetCurrentInstant());
        return _instances.FindIndex(instance => instance is not null && instance.Name == owner);
    }

    /// <summary>Passes of each live instance in a loop of its own, as separate processes run, until <paramref name="done"/>.</summary>
    public Task RunApartAsync(Func<bool> done) =>
        Task.WhenAll(_instances.OfType<Instance>().Select(instance => Task.Run(async () =>
        {
            while (!done())
            {
                await instance.Engine.RunOnceAsync(CancellationToken.None);
            }
        })));

    /// <summary>Passes until every instance is idle, moving the clock on between idle passes.</summary>
    public async Task SyncAsync(int maxPasses = 300)
    {
        var idle = 0;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            if (await PassAsync())
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

        throw new InvalidOperationException($"The cluster was still busy after {maxPasses} passes.");
    }

    /// <summary>Stops an instance hard: nothing released, its leases left to run out.</summary>
    public async Task KillAsync(int index)
    {
        if (_instances[index] is { } instance)
        {
            _instances[index] = null;
            await instance.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _instances.Count; i++)
        {
            await KillAsync(i);
        }

        await _database.DisposeAsync();
        await Shop.DisposeAsync();
        await Pos.DisposeAsync();
    }

    /// <summary>What a test adds to each instance: a store around the real one, handlers on the clients.</summary>
    /// <param name="Store">Wraps an instance's store (its name, the store).</param>
    /// <param name="Connector">Adds to an instance's connector registration (its name, the builder).</param>
    /// <param name="Clock">The clock of the engines and simulators, when the test needs it before the cluster starts.</param>
    /// <param name="Sitoo">How the simulated Sitoo account behaves; <see langword="null"/> for its defaults.</param>
    public sealed record InstanceWiring(
        Func<string, IConnectorStore, IConnectorStore>? Store = null,
        Action<string, ConnectorBuilder>? Connector = null,
        FakeClock? Clock = null,
        SitooSimulatorOptions? Sitoo = null);

    private sealed class DeadAfterCrash(CrashingStore crashing) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            crashing.Crashed ? throw new SimulatedCrashException() : base.SendAsync(request, cancellationToken);
    }

    private sealed record Instance(string Name, ServiceProvider Services, IConnectorStore Store, CrashingStore? Crashing) : IAsyncDisposable
    {
        public ConnectorEngine Engine => Services.GetRequiredService<ConnectorEngine>();

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Store.DisposeAsync();
        }
    }
}
