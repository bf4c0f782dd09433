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
        var time = new FakeTimeProvider(ConnectorHarness.Start.ToDateTimeOffset());
        var clock = new TimeProviderClock(time);
        await using var shop = new ShopwareSimulator(null, new SimulatorOptions { Clock = clock });
        await using var pos = new SitooSimulator(null, new SimulatorOptions { Clock = clock });
        var store = pos.AddStore("Stockholm City");
        pos.AddProduct("SKU-1", "Product SKU-1", 199m);
        shop.AddProduct(new ShopProductDraft("SKU-1", 0) { Name = "Product SKU-1" });
        pos.AdjustStock(store.WarehouseId, "SKU-1", 10);
        // Sitoo asks the first read to wait 10 s; the client's retry must wait on the registered clock.
        pos.Faults.Add(FaultRule.RateLimit("/v2/accounts", TimeSpan.FromSeconds(10), times: 1, method: HttpMethod.Get));

        var folder = Directory.CreateTempSubdirectory("connectors-one-clock-").FullName;
        await using var state = await SqliteConnectorStore.OpenAsync(Path.Combine(folder, "connector.db"), clock, CancellationToken.None);
        await using var services = ConnectorServices.Build(
            clock: null,
            shop,
            pos,
            [store.WarehouseId],
            state,
            configure: options => options.Reconciliation.FullEvery = TimeSpan.Zero,
            addServices: services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.PostConfigure<SitooApiOptions>(sitoo =>
                {
                    sitoo.Resilience.MaxRetryAttempts = 2;
                    sitoo.Resilience.RateLimiterEnabled = true;
                    sitoo.Resilience.RequestsPerSecond = 25;
                });
            },
            instanceId: "one-clock");

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

        Assert.Equal(10, shop.GetProduct("SKU-1").Stock);
        Assert.Equal(1, pos.Calls.ByStatus.GetValueOrDefault(429));
        // The client retried the 429 itself: no pass failed on it.
        Assert.DoesNotContain(await state.Runs.ListAsync(null, 100, CancellationToken.None), run => run.Outcome == RunOutcome.Failed);
        Assert.Equal(Instant.FromDateTimeOffset(time.GetUtcNow()), services.GetRequiredService<IClock>().GetCurrentInstant());
    }
    [Fact]
    public async Task The_running_engine_waits_between_passes_on_the_registered_clock()
    {
        var time = new FakeTimeProvider(ConnectorHarness.Start.ToDateTimeOffset());
        var clock = new TimeProviderClock(time);
        await using var shop = new ShopwareSimulator(null, new SimulatorOptions { Clock = clock });
        await using var pos = new SitooSimulator(null, new SimulatorOptions { Clock = clock });
        var store = pos.AddStore("Stockholm City");
        pos.AddProduct("SKU-1", "Product SKU-1", 199m);
        shop.AddProduct(new ShopProductDraft("SKU-1", 0) { Name = "Product SKU-1" });
        pos.AdjustStock(store.WarehouseId, "SKU-1", 10);

        var folder = Directory.CreateTempSubdirectory("connectors-one-clock-").FullName;
        await using var state = await SqliteConnectorStore.OpenAsync(Path.Combine(folder, "connector.db"), clock, CancellationToken.None);
        await using var services = ConnectorServices.Build(
            clock: null,
            shop,
            pos,
            [store.WarehouseId],
            state,
            // An idle wait of an hour: on real time the sale below would not reach the shop while the test runs.
            configure: options =>
            {
                options.Engine.TickInterval = TimeSpan.FromHours(1);
                options.Stock.CoalesceWindow = TimeSpan.Zero;
            },
            addServices: services => services.AddSingleton<TimeProvider>(time),
            instanceId: "one-clock-idle");
        var engine = services.GetRequiredService<ConnectorEngine>();
        using var stop = new CancellationTokenSource();
        var running = engine.RunAsync(stop.Token);

        await UntilAsync(() => shop.GetProduct("SKU-1").Stock == 10, "the first passes did not bring the stock over");
        pos.SellAtPos(store, [new SitooSaleLine("SKU-1", 1)]);
        // An hour at a time, since a loop may still be finishing a pass (and start its wait after) when the clock moves.
        await UntilAsync(() => shop.GetProduct("SKU-1").Stock == 9, "the loops did not wake when the registered clock passed their idle wait", () => time.Advance(TimeSpan.FromHours(1)));

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
}
