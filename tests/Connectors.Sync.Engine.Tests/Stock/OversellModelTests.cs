using System.Diagnostics;
using System.Globalization;
using Connectors.Sync.Engine.Tests.Orders;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NodaTime;
using Xunit.Abstractions;

namespace Connectors.Sync.Engine.Tests.Stock;

/// <summary>
/// The oversell model: generated interleavings of store sales, online orders (also inside the connector's read→write
/// gap), deliveries, cancels, store returns of online orders, stocktakings, ERP writes, engine passes, reconciliations,
/// restarts and crashes, checked against four black-box invariants (see <see cref="OversellModelWorld"/>): (a) at
/// quiescence Shopware shows the pool less open online units, (b) no online order's decrement is ever undone, (c) no order
/// reaches Sitoo twice, (d) no order has more refunded than was paid, and at quiescence exactly its returned units' value.
/// </summary>
/// <remarks>
/// <para>The normal run checks 1,000 schedules drawn from a fixed seed (a CI run can be repeated exactly). New ones,
/// e.g. overnight:</para>
/// <code>
/// CONNECTORS_OVERSELL_REPLAY=random CONNECTORS_OVERSELL_SCHEDULES=100000 dotnet test tests/Connectors.Sync.Engine.Tests --filter "FullyQualifiedName~OversellModel"
/// </code>
/// <para>
/// Further knobs: <c>CONNECTORS_OVERSELL_PARALLEL</c> (schedules run at once; default: 4 per processor, 4 to 16),
/// <c>CONNECTORS_OVERSELL_EXCLUDE</c> (step kinds to leave out, comma-separated, e.g. <c>ErpWrite,OrderInWriteGap</c>, to
/// look for a second bug behind a first), <c>CONNECTORS_OVERSELL_REPLAY</c> (<c>random</c>, <c>seed,gamma</c>, or <c>seed,gamma,size</c>
/// for the failing step, from a failure report, to run the same schedules again). The test's output counts what
/// really happened in the schedules (orders placed in a write gap, deliveries, cancels after delivery, crashes, ...).
/// </para>
/// </remarks>
public sealed class OversellModelTests(ITestOutputHelper output)
{
    private const string SchedulesVariable = "CONNECTORS_OVERSELL_SCHEDULES";
    private const string FixedSeed = "10695098555519634564,14916564927204612249";

    [Fact]
    public async Task No_generated_interleaving_oversells_or_undoes_an_online_orders_decrement()
    {
        var schedules = Setting(SchedulesVariable, 1_000);
        // The passes wait on SQLite commits more than on the processor: more schedules than cores at once pay off.
        var parallel = Setting("CONNECTORS_OVERSELL_PARALLEL", Math.Clamp(4 * Environment.ProcessorCount, 4, 16));
        var excluded = (Environment.GetEnvironmentVariable("CONNECTORS_OVERSELL_EXCLUDE") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(excluded, kind => Assert.Contains(kind, OversellModel.KindNames));

        var config = Config.QuickThrowOnFailure
            .WithMaxTest(schedules)
            .WithName("oversell model")
            .WithParallelRunConfig(FSharpOption<ParallelRunConfig>.Some(new ParallelRunConfig(parallel)));
        // The normal run checks one fixed set of schedules, so that a CI run can be repeated exactly; "random" draws new
        // ones (the long run does, and every seed a run finds failing belongs in an issue until it passes).
        var replay = Environment.GetEnvironmentVariable("CONNECTORS_OVERSELL_REPLAY") is { Length: > 0 } chosen ? chosen : FixedSeed;
        if (replay != "random")
        {
            // "seed,gamma" or, to start at the failing schedule, "seed,gamma,size" as FsCheck reports them.
            var parts = replay.Trim('(', ')', ' ').Split(',', StringSplitOptions.TrimEntries);
            config = config.WithReplay(FSharpOption<Replay>.Some(new Replay(
                new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture)),
                parts.Length > 2 ? FSharpOption<int>.Some(int.Parse(parts[2], CultureInfo.InvariantCulture)) : FSharpOption<int>.None)));
        }

        var property = Prop.ForAll(OversellModel.Arbitrary(excluded), schedule => OversellModelWorld.RunAsync(schedule));
        OversellCoverage.Reset();
        var clock = Stopwatch.StartNew();
        try
        {
            // FsCheck blocks while it runs the schedules; off the test's synchronisation context.
            await Task.Run(() => Check.One(config, property));
        }
        finally
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Up to {schedules} schedules ({parallel} at once), and any shrinking, in {clock.Elapsed.TotalSeconds:0.0} s; what happened in them:"));
            output.WriteLine(OversellCoverage.Report());
        }
    }

    [Fact]
    public async Task An_order_placed_between_the_connectors_read_and_its_write_keeps_its_decrement()
    {
        await using var harness = await OrderScenario.StartAsync();
        harness.AddProduct("SKU-1", store1: 5, dc: 3, isCloseout: true);
        await harness.SyncAsync();
        Assert.Equal(8, harness.Shop.GetProduct("SKU-1").Stock);

        // A store sale makes the connector write SKU-1; the shop takes an order of 2 after the connector has read
        // the stock and before its write lands.
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        ShopOrderState? order = null;
        harness.Shop.BeforeProductWrite = numbers =>
        {
            if (order is null && numbers.Contains("SKU-1"))
            {
                order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("gap@example.com", "Gap", "Buyer"), [new ShopOrderLine("SKU-1", 2)]));
            }
        };
        for (var pass = 0; pass < 20 && order is null; pass++)
        {
            harness.Clock.Advance(Duration.FromSeconds(1));
            await harness.Engine.RunOnceAsync(default);
        }

        Assert.NotNull(order);
        Assert.Equal(2, harness.Shop.GetProduct("SKU-1").Sales);

        // Right after the pass that wrote: the order's 2 units are still off the pool of 7.
        Assert.Equal(5, harness.Shop.GetProduct("SKU-1").Stock);

        await harness.SyncAsync();
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Engine.PollInterval));
        await harness.SyncAsync();
        Assert.Equal(5, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber));

        // Delivered from the DC, the order leaves the demand and the DC's stock alike.
        harness.Pos.PickUpWebOrder(harness.Pos.FindOrdersByExternalId(order.OrderNumber)[0]);
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Engine.PollInterval));
        await harness.SyncAsync();
        Assert.Equal(5, harness.Shop.GetProduct("SKU-1").Stock);
    }

    [Fact]
    public async Task An_ERP_write_in_projection_mode_is_overwritten_with_the_pool()
    {
        await using var harness = await OrderScenario.StartAsync();
        harness.AddProduct("SKU-1", store1: 5, dc: 3);
        await harness.SyncAsync();
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("erp@example.com", "Erp", "Race"), [new ShopOrderLine("SKU-1", 2)]));
        await harness.SyncAsync();
        Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        Assert.Equal(6, harness.Shop.GetProduct("SKU-1").Stock);

        // The ERP's absolute write is replaced by the pool (8) less the open order (2) at the next write of the SKU...
        harness.Shop.SetStockAsAdministrator("SKU-1", 40);
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Engine.PollInterval));
        await harness.SyncAsync();
        Assert.Equal(5, harness.Shop.GetProduct("SKU-1").Stock);

        // ...and, with nothing moving in Sitoo, by the next full reconciliation at the latest.
        harness.Shop.SetStockAsAdministrator("SKU-1", 0);
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Reconciliation.FullEvery));
        await harness.SyncAsync();
        Assert.Equal(5, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(2, harness.Shop.GetProduct("SKU-1").Sales);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
