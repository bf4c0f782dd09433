using Connectors.Sitoo;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Sqlite;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Engine;

/// <summary>
/// One clock for everything: a host that registers a TimeProvider (here a fake one) moves the engine's clock and the
/// clients' retry waits together, with the Sitoo client's retries and rate limiter on.
/// </summary>
public sealed class OneClockTests
{
    [Fact]
    public async Task A_registered_time_provider_is_the_engines_clock_and_the_clock_the_sitoo_retry_waits_on()
    {
        await using var world = await OneClockWorld.StartAsync();
        // Sitoo asks the first read to wait 10 s; the client's retry must wait on the registered clock.
        world.Pos.Faults.Add(FaultRule.RateLimit("/v2/accounts", TimeSpan.FromSeconds(10), times: 1, method: HttpMethod.Get));
        await using var services = world.Connect(
            "one-clock",
            options => options.Reconciliation.FullEvery = TimeSpan.Zero,
            services => services.PostConfigure<SitooApiOptions>(sitoo =>
            {
                sitoo.Resilience.MaxRetryAttempts = 2;
                sitoo.Resilience.RateLimiterEnabled = true;
                sitoo.Resilience.RequestsPerSecond = 25;
            }));
        var time = world.Time;

        Assert.Equal(Instant.FromDateTimeOffset(time.GetUtcNow()), services.GetRequiredService<IClock>().GetCurrentInstant());

        var engine = services.GetRequiredService<ConnectorEngine>();
        var started = time.GetUtcNow();
        for (var idle = 0; idle < 8;)
        {
            var pass = engine.RunOnceAsync(CancellationToken.None);
            while (!pass.IsCompleted)
            {
                // A wait on real time would leave the pass hanging while the fake clock runs past the cap.
                Assert.True(time.GetUtcNow() - started < TimeSpan.FromMinutes(2), "a wait did not move with the registered clock");
                time.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(pass, Task.Delay(5));
            }

            idle = (await pass).DidSomething ? 0 : idle + 1;
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(10, world.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(1, world.Pos.Calls.ByStatus.GetValueOrDefault(429));
        // The client retried the 429 itself: no pass failed on it.
        Assert.DoesNotContain(await world.State.Runs.ListAsync(null, 100, CancellationToken.None), run => run.Outcome == RunOutcome.Failed);
        Assert.Equal(Instant.FromDateTimeOffset(time.GetUtcNow()), services.GetRequiredService<IClock>().GetCurrentInstant());
    }

    [Fact]
    public async Task The_running_engine_waits_between_passes_on_the_registered_clock()
    {
        await using var world = await OneClockWorld.StartAsync();
        // An idle wait of an hour: on real time the sale below would not reach the shop while the test runs.
        await using var services = world.Connect("one-clock-idle", options =>
        {
            options.Engine.TickInterval = TimeSpan.FromHours(1);
            options.Stock.CoalesceWindow = TimeSpan.Zero;
        });
        var engine = services.GetRequiredService<ConnectorEngine>();
        using var stop = new CancellationTokenSource();
        var running = engine.RunAsync(stop.Token);

        await UntilAsync(() => world.Shop.GetProduct("SKU-1").Stock == 10, "the first passes did not bring the stock over");
        world.Pos.SellAtPos(world.Store, [new SitooSaleLine("SKU-1", 1)]);
        // An hour at a time, since a loop may still be finishing a pass (and start its wait after) when the clock moves.
        await UntilAsync(
            () => world.Shop.GetProduct("SKU-1").Stock == 9,
            "the loops did not wake when the registered clock passed their idle wait",
            () => world.Time.Advance(TimeSpan.FromHours(1)));

        await stop.CancelAsync();
        await running;
    }

    /// <summary>Real time for the loops to run (they run on the thread pool), bounded so a loop that never wakes fails the test.</summary>
    private static async Task UntilAsync(Func<bool> condition, string failure, System.Action? meanwhile = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), failure);
            meanwhile?.Invoke();
            await Task.Delay(20);
        }
    }

    /// <summary>A shop and a POS with one product and one store, a SQLite store, all on one fake time provider.</summary>
    private sealed class OneClockWorld : IAsyncDisposable
    {
        private OneClockWorld(FakeTimeProvider time, ShopwareSimulator shop, SitooSimulator pos, SimulatedSitooStore store, SqliteConnectorStore state)
        {
            Time = time;
            Shop = shop;
            Pos = pos;
            Store = store;
            State = state;
        }

        public FakeTimeProvider Time { get; }

        public ShopwareSimulator Shop { get; }

        public SitooSimulator Pos { get; }

        public SimulatedSitooStore Store { get; }

        public SqliteConnectorStore State { get; }

        public static async Task<OneClockWorld> StartAsync()
        {
            var time = new FakeTimeProvider(ConnectorHarness.Start.ToDateTimeOffset());
            var clock = new TimeProviderClock(time);
            var shop = new ShopwareSimulator(null, new SimulatorOptions { Clock = clock });
            var pos = new SitooSimulator(null, new SimulatorOptions { Clock = clock });
            var store = pos.AddStore("Stockholm City");
            pos.AddProduct("SKU-1", "Product SKU-1", 199m);
            shop.AddProduct(new ShopProductDraft("SKU-1", 0) { Name = "Product SKU-1" });
            pos.AdjustStock(store.WarehouseId, "SKU-1", 10);
            var folder = Directory.CreateTempSubdirectory("connectors-one-clock-").FullName;
            var state = await SqliteConnectorStore.OpenAsync(Path.Combine(folder, "connector.db"), clock, CancellationToken.None);
            return new OneClockWorld(time, shop, pos, store, state);
        }

        /// <summary>A connector on this world whose only clock is the fake time provider (no IClock of its own).</summary>
        public ServiceProvider Connect(string instanceId, Action<Options.ConnectorOptions> configure, Action<IServiceCollection>? addServices = null) =>
            ConnectorServices.Build(
                clock: null,
                Shop,
                Pos,
                [Store.WarehouseId],
                State,
                configure,
                services =>
                {
                    services.AddSingleton<TimeProvider>(Time);
                    addServices?.Invoke(services);
                },
                instanceId);

        public async ValueTask DisposeAsync()
        {
            await State.DisposeAsync();
            await Pos.DisposeAsync();
            await Shop.DisposeAsync();
        }
    }
}
