using BenchmarkDotNet.Attributes;
using Connectors.Core.Inventory;
using Connectors.Core.Reconciliation;
using NodaTime;

namespace Connectors.Benchmarks;

/// <summary>
/// A full reconciliation of 100,000 SKUs stocked in 50 Sitoo warehouses (5,000,000 warehouse items):
/// 10 % of the SKUs drifted, 5 % have pending online demand, 1 % exist on one side only.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class ReconciliationBenchmarks
{
    private const int SkuCount = 100_000;
    private const int WarehouseCount = 50;
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    private StockSyncOptions _options = null!;
    private List<SitooStockRow> _rows = null!;
    private ReconciliationInput _input = null!;

    /// <summary>Projection (absolute writes) or contribution (delta writes against applied contributions).</summary>
    [Params(StockMode.Projection, StockMode.Contribution)]
    public StockMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260301);
        IEnumerable<StockLocation> warehouses = Enumerable.Range(1, WarehouseCount)
            .Select(id => StockLocation.SitooWarehouse(id, contributesOnline: id % 10 != 0, safetyBuffer: id % 3));
        if (Mode == StockMode.Contribution)
        {
            warehouses = warehouses.Append(StockLocation.ShopwareStock());
        }

        _options = new StockSyncOptions(StockTopology.Create(warehouses));

        // Sitoo is read warehouse by warehouse; the last 1 % of SKUs exist only in Sitoo.
        _rows = new List<SitooStockRow>(SkuCount * WarehouseCount);
        var skus = Enumerable.Range(0, SkuCount).Select(i => $"SKU-{i:D6}").ToArray();
        for (var warehouse = 1; warehouse <= WarehouseCount; warehouse++)
        {
            foreach (var sku in skus)
            {
                var total = random.Next(0, 30);
                var reserved = random.Next(0, 3);
                _rows.Add(new SitooStockRow(sku, new WarehouseStock(warehouse, total, reserved, total - reserved)));
            }
        }

        var sitoo = new SitooStockSnapshot(Now, _rows);
        var demand = new Dictionary<string, OnlineDemand>(StringComparer.Ordinal);
        var shopware = new Dictionary<string, ShopwareProductStock>(StringComparer.Ordinal);
        var ledger = StockLedger.Empty.Skus.ToBuilder();
        for (var i = 0; i < SkuCount; i++)
        {
            var sku = skus[i];
            if (i % 100 == 99)
            {
                continue;
            }

            var online = (int)_options.Availability.OnlineQuantity(sku, sitoo.Levels(sku), _options.Topology);
            if (i % 20 == 0)
            {
                demand[sku] = new OnlineDemand(2, Now.Minus(Duration.FromMinutes(10)));
            }

            var expected = Mode == StockMode.Projection ? online - (i % 20 == 0 ? 2 : 0) : 500 + online;
            if (Mode == StockMode.Contribution)
            {
                ledger[sku] = SkuLedgerEntry.Empty with { AppliedContribution = i % 10 == 1 ? online - 3 : online };
            }

            shopware[sku] = ShopwareStockProduct(i % 10 == 1 && Mode == StockMode.Projection ? expected + 3 : expected, i % 2 == 0);
        }

        // 1 % of the products exist only in Shopware.
        for (var i = 0; i < SkuCount / 100; i++)
        {
            shopware[$"ONLINE-{i:D6}"] = ShopwareStockProduct(5, true);
        }

        _input = new ReconciliationInput(
            new ShopwareStockSnapshot(Now, shopware), sitoo, demand, StockLedger.Empty with { Skus = ledger.ToImmutable() });
    }

    /// <summary>Compares every SKU and decides the writes and the drift report.</summary>
    [Benchmark]
    public ReconciliationResult FullReconciliation() => StockReconciler.Reconcile(_input, _options, Now);

    /// <summary>Groups the 5,000,000 warehouse items read from Sitoo by SKU.</summary>
    [Benchmark]
    public SitooStockSnapshot BuildSitooSnapshot() => new(Now, _rows);

    private static ShopwareProductStock ShopwareStockProduct(int stock, bool closeout) => new(stock, closeout, Active: true);
}
