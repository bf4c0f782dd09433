using BenchmarkDotNet.Attributes;
using Connectors.Core.Inventory;
using NodaTime;

namespace Connectors.Benchmarks;

/// <summary>
/// Applying a batch of 100,000 Sitoo warehouse transactions (10,000 SKUs × 50 warehouses, 20 % of them
/// duplicates) to a ledger that already knows 100,000 SKUs, then deciding the stock of every changed SKU.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class LedgerBenchmarks
{
    private const int TransactionCount = 100_000;
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    private StockSyncOptions _options = null!;
    private StockLedger _ledger = null!;
    private List<WarehouseTransaction> _batch = null!;
    private StockLedger _applied = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260301);
        _options = new StockSyncOptions(StockTopology.Create(
            Enumerable.Range(1, 50).Select(id => StockLocation.SitooWarehouse(id, contributesOnline: true, safetyBuffer: 1))));

        _ledger = StockLedger.Empty.ObserveLevels(
            Enumerable.Range(0, 100_000).Select(i => new SitooStockRow($"SKU-{i:D6}", new WarehouseStock(1 + (i % 50), 10, 0, 10))),
            _options.Topology);

        var facts = Enumerable.Range(1, TransactionCount * 4 / 5)
            .Select(id => new WarehouseTransaction(
                id,
                1 + random.Next(50),
                WarehouseTransactionType.Sale,
                Now.Plus(Duration.FromSeconds(id)),
                [new WarehouseTransactionLine($"SKU-{random.Next(10_000):D6}", -1, random.Next(0, 20))]))
            .ToList();
        _batch = [.. facts, .. facts.Take(TransactionCount / 5)];
        _applied = _ledger.Apply(_batch, _options.Topology).Ledger;
    }

    /// <summary>Dedupes and applies the batch.</summary>
    [Benchmark]
    public TransactionBatchResult ApplyBatch() => _ledger.Apply(_batch, _options.Topology);

    /// <summary>Decides one target per changed SKU from its levels and a reading of Shopware's stock and sales.</summary>
    [Benchmark]
    public long DecideChangedSkus()
    {
        var sum = 0L;
        var sales = new OnlineSalesState(0, 10, 0m);
        foreach (var (sku, entry) in _applied.Skus)
        {
            if (entry.ChangedSince is not null)
            {
                sum += ShopwareStockTarget.Decide(_options, sku, entry, sales, new ShopwareStockReading(10, 1), Now).Target;
            }
        }

        return sum;
    }
}
