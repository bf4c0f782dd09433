using Connectors.Core.Reconciliation;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Testing.Sitoo;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Sync.Engine.Tests.Reconciliation;

public sealed class ReconciliationConvergenceProperties
{
    private static readonly string[] Skus = ["SKU-A", "SKU-B", "SKU-C"];

    /// <summary>A stock move in Sitoo (a delivery in, a count out, a POS sale) or a hand edit of Shopware's stock.</summary>
    private sealed record Step(bool HandEdit, int Sku, int Warehouse, int Amount);

    private static readonly Gen<Step> Steps =
        from handEdit in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from sku in Gen.Choose(0, Skus.Length - 1)
        from warehouse in Gen.Choose(0, 2)
        from amount in Gen.Choose(-6, 12)
        select new Step(handEdit, sku, warehouse, amount);

    [Property(MaxTest = 12)]
    public Property After_random_moves_and_hand_edits_a_second_reconciliation_finds_no_drift_and_writes_nothing() =>
        Prop.ForAll(
            Gen.Choose(1, 12).SelectMany(length => Steps.ArrayOf(length)).ToArbitrary(),
            steps => Task.Run(() => ConvergesAsync(steps)).GetAwaiter().GetResult()); // properties run synchronously

    private static async Task<bool> ConvergesAsync(Step[] steps)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        foreach (var sku in Skus)
        {
            harness.AddProduct(sku, store1: 5, store2: 5, dc: 5);
        }

        await harness.SyncAsync();
        foreach (var step in steps)
        {
            await ApplyAsync(harness, step);
        }

        // The run hands its heals to the stock writer, which reads Shopware right before and after writing.
        await harness.Reconciliation().RunNowAsync(default);
        await harness.SyncAsync();
        var writes = harness.ProductWrites();
        var second = await harness.Reconciliation().RunNowAsync(default);

        return second.Differences.All(d => d.Class is not (DifferenceClass.Drift or DifferenceClass.CloseoutForced))
            && harness.ProductWrites() == writes
            && Skus.All(sku => harness.Shop.GetProduct(sku).Stock == harness.ExpectedShopStock(sku));
    }

    private static async Task ApplyAsync(ConnectorHarness harness, Step step)
    {
        var sku = Skus[step.Sku];
        if (step.HandEdit)
        {
            await harness.EditShopStockByHandAsync(sku, step.Amount);
            return;
        }

        var store = step.Warehouse == 0 ? harness.Store1 : harness.Store2;
        var warehouse = step.Warehouse == 2 ? harness.DistributionCentre : store.WarehouseId;
        var available = harness.Pos.GetStock(warehouse, sku).Total;
        if (step.Amount < 0 && step.Warehouse < 2 && available >= -step.Amount)
        {
            harness.Pos.SellAtPos(store, [new SitooSaleLine(sku, -step.Amount)]);
        }
        else if (step.Amount != 0)
        {
            harness.Pos.AdjustStock(warehouse, sku, step.Amount);
        }
    }
}
