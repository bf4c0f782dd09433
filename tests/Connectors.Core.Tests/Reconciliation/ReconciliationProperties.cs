using Connectors.Core.Inventory;
using Connectors.Core.Reconciliation;
using Connectors.Core.Tests.Inventory;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Connectors.Core.Tests.Inventory.StockTestData;

namespace Connectors.Core.Tests.Reconciliation;

/// <summary>A random topology with random snapshots of both systems, demand and applied contributions.</summary>
public sealed record ReconciliationScenario(
    IReadOnlyList<StockLocation> Locations,
    CloseoutAction Closeout,
    IReadOnlyDictionary<string, ShopwareProductStock> Shopware,
    IReadOnlyList<SitooStockRow> Sitoo,
    IReadOnlyDictionary<string, OnlineDemand> Demand,
    IReadOnlyDictionary<string, int> AppliedContributions)
{
    public StockSyncOptions Options() => StockTestData.Options(StockTopology.Create(Locations), Closeout);

    public StockLedger Ledger() => StockLedger.Empty with
    {
        Skus = StockLedger.Empty.Skus.AddRange(AppliedContributions.Select(pair =>
            KeyValuePair.Create(pair.Key, SkuLedgerEntry.Empty with { AppliedContribution = pair.Value }))),
    };

    public override string ToString() =>
        $"locations: [{string.Join("; ", Locations)}], closeout: {Closeout}, shopware: [{string.Join("; ", Shopware)}], " +
        $"sitoo: [{string.Join("; ", Sitoo)}], demand: [{string.Join("; ", Demand)}], applied: [{string.Join("; ", AppliedContributions)}]";
}

public static class ReconciliationArbitraries
{
    private static readonly string[] Skus = ["A", "B", "C", "D", "E"];

    private static readonly Gen<StockLocation> Warehouse =
        from id in Gen.Choose(1, 6)
        from contributes in Gen.Elements(true, true, false)
        from buffer in Gen.Choose(0, 2)
        select StockLocation.SitooWarehouse(id, contributes, buffer);

    private static readonly Gen<IReadOnlyList<StockLocation>> Locations =
        from warehouses in Gen.NonEmptyListOf(Warehouse)
        from shopwareOwnsStock in Gen.Elements(true, false)
        let distinct = warehouses.DistinctBy(w => w.Id).ToList()
        let contributing = shopwareOwnsStock || distinct.Any(w => w.ContributesOnline)
            ? distinct
            : [StockLocation.SitooWarehouse(distinct[0].SitooWarehouseId!.Value, true, distinct[0].SafetyBuffer), .. distinct.Skip(1)]
        select (IReadOnlyList<StockLocation>)(shopwareOwnsStock ? [.. contributing, StockLocation.ShopwareStock()] : contributing);

    private static readonly Gen<ShopwareProductStock> Product =
        from stock in Gen.Choose(-3, 25)
        from closeout in Gen.Elements(true, false)
        from active in Gen.Elements(true, true, false)
        select new ShopwareProductStock(stock, closeout, active);

    private static readonly Gen<SitooStockRow> Row =
        from sku in Gen.Elements(Skus)
        from warehouse in Gen.Choose(1, 7)
        from total in Gen.Choose(-4, 40)
        from reserved in Gen.Choose(0, 8)
        select StockTestData.Row(sku, warehouse, total / 4m, reserved / 2m);

    private static Gen<IReadOnlyDictionary<string, T>> SomeSkus<T>(Gen<T> value) =>
        from skus in Gen.SubListOf(Skus)
        from values in Gen.ListOf(value, skus.Count)
        select (IReadOnlyDictionary<string, T>)skus.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    public static Arbitrary<ReconciliationScenario> Scenario() => Arb.From(
        from locations in Locations
        from closeout in Gen.Elements(Enum.GetValues<CloseoutAction>())
        from shopware in SomeSkus(Product)
        from sitoo in Gen.ListOf(Row)
        from demand in SomeSkus(Gen.Choose(0, 6).Select(q => new OnlineDemand(q, T0.Minus(Duration.FromMinutes(q)))))
        from applied in SomeSkus(Gen.Choose(0, 12))
        select new ReconciliationScenario(locations, closeout, shopware, sitoo, demand, applied));
}

[Properties(Arbitrary = [typeof(ReconciliationArbitraries)])]
public class ReconciliationProperties
{
    private static ReconciliationResult Reconcile(
        ReconciliationScenario scenario, IReadOnlyDictionary<string, ShopwareProductStock> shopware, StockLedger ledger, Instant now) =>
        StockReconciler.Reconcile(
            new ReconciliationInput(
                new ShopwareStockSnapshot(now, shopware),
                new SitooStockSnapshot(now, scenario.Sitoo),
                scenario.Demand,
                ledger),
            scenario.Options(),
            now);

    [Property]
    public bool Applying_the_writes_and_reconciling_again_yields_no_writes(ReconciliationScenario scenario)
    {
        var first = Reconcile(scenario, scenario.Shopware, scenario.Ledger(), T0);

        var shopware = scenario.Shopware.ToDictionary(StringComparer.Ordinal);
        var ledger = first.Ledger;
        foreach (var write in first.Writes)
        {
            var product = shopware[write.Sku];
            var stock = write.StockToWrite(product.Stock);
            shopware[write.Sku] = product with { Stock = stock, IsCloseout = product.IsCloseout || write.SetCloseout };
            ledger = ledger.RecordWrite(write, stock, T0);
        }

        var second = Reconcile(scenario, shopware, ledger, T0.Plus(Duration.FromMinutes(5)));

        return second.Writes.Count == 0
            && second.Report.Differences.All(d => d.Class is not (DifferenceClass.Drift or DifferenceClass.CloseoutForced));
    }

    [Property]
    public bool Every_write_targets_a_known_product_once_and_comes_with_a_classified_difference(ReconciliationScenario scenario)
    {
        var result = Reconcile(scenario, scenario.Shopware, scenario.Ledger(), T0);

        var written = result.Writes.Select(w => w.Sku).ToList();
        var explained = result.Report.Differences
            .Where(d => d.Class is DifferenceClass.Drift or DifferenceClass.CloseoutForced)
            .Select(d => d.Sku)
            .ToHashSet(StringComparer.Ordinal);
        return written.Distinct(StringComparer.Ordinal).Count() == written.Count
            && written.All(scenario.Shopware.ContainsKey)
            && written.ToHashSet(StringComparer.Ordinal).SetEquals(explained);
    }

    [Property]
    public bool Reconciliation_is_deterministic(ReconciliationScenario scenario)
    {
        var a = Reconcile(scenario, scenario.Shopware, scenario.Ledger(), T0);
        var b = Reconcile(scenario, scenario.Shopware, scenario.Ledger(), T0);

        return a.Writes.SequenceEqual(b.Writes)
            && a.Report.Differences.SequenceEqual(b.Report.Differences)
            && a.Ledger.Equals(b.Ledger);
    }
}
