using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Connectors.Testing.Sitoo;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Stock;

/// <summary>
/// The engine killed at its Nth commit (after any remote write that commit would have recorded), then restarted
/// on the same file while traffic goes on: the end state equals a run without the crash.
/// </summary>
public sealed class StockCrashTests
{
    public static TheoryData<int> CrashPoints => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task A_crash_at_any_commit_loses_nothing_and_applies_nothing_twice(int crashAtCommit)
    {
        await using var harness = await ConnectorHarness.StartAsync(crashAtCommit: crashAtCommit);
        harness.AddProduct("SKU-1", store1: 20, dc: 10);
        harness.AddProduct("SKU-2", store2: 15);
        Action[] traffic =
        [
            () => { },
            () => harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 2)]),
            () => harness.Pos.SellAtPos(harness.Store2, [new SitooSaleLine("SKU-2", 1)]),
            () => harness.Pos.SellAtPos(harness.Store2, [new SitooSaleLine("SKU-2", 3)]),
            () => harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]),
            () => harness.Pos.ReturnAtPos(
                harness.Store2, harness.Pos.SellAtPos(harness.Store2, [new SitooSaleLine("SKU-2", 2)]).OrderId, [new SitooReturnLine("SKU-2", 1)]),
        ];

        var crashed = false;
        foreach (var step in traffic)
        {
            step();
            if (!crashed && await SyncUntilCrashAsync(harness))
            {
                crashed = true;
                await harness.RestartAsync();
                // The dead engine's leases run out before anyone may take its work over.
                harness.Clock.Advance(Duration.FromSeconds(31));
            }

            await harness.SyncAsync();
        }

        Assert.True(crashed, "the run made fewer commits than the crash point");
        Assert.Equal((27, 10), (harness.Shop.GetProduct("SKU-1").Stock, harness.Shop.GetProduct("SKU-2").Stock));
        Assert.Equal(harness.ExpectedShopStock("SKU-1"), harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(harness.ExpectedShopStock("SKU-2"), harness.Shop.GetProduct("SKU-2").Stock);
        await AssertLedgerMatchesSitooAsync(harness, "SKU-1", harness.Store1.WarehouseId);
        await AssertLedgerMatchesSitooAsync(harness, "SKU-2", harness.Store2.WarehouseId);
        Assert.Empty(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        Assert.Equal(0, (await harness.Store.WorkItems.CountPendingByLaneAsync(default)).Values.Sum());
    }

    /// <summary>Runs passes until idle or until the store dies; true when it died.</summary>
    private static async Task<bool> SyncUntilCrashAsync(ConnectorHarness harness)
    {
        for (var pass = 0; pass < 10; pass++)
        {
            try
            {
                await harness.Engine.RunOnceAsync(default);
            }
            catch (SimulatedCrashException)
            {
                return true;
            }

            if (harness.Crashing?.Crashed == true)
            {
                return true;
            }

            harness.Clock.Advance(Duration.FromSeconds(1));
        }

        return false;
    }

    private static async Task AssertLedgerMatchesSitooAsync(ConnectorHarness harness, string sku, int warehouseId)
    {
        var row = await harness.Store.Ledger.GetAsync(new LedgerKey(sku, "w:" + warehouseId.ToString(System.Globalization.CultureInfo.InvariantCulture)), default);
        Assert.Equal(harness.Pos.GetStock(warehouseId, sku).Total, row?["total"]);
    }
}
