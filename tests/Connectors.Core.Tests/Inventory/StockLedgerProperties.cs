using Connectors.Core.Inventory;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Connectors.Core.Tests.Inventory.StockTestData;

namespace Connectors.Core.Tests.Inventory;

/// <summary>A set of distinct facts (unique ids) and a delivery of them with duplicates in any order.</summary>
public sealed record TransactionScenario(
    IReadOnlyList<WarehouseTransaction> Facts,
    IReadOnlyList<WarehouseTransaction> Delivery,
    IReadOnlyList<int> BatchSizes)
{
    public override string ToString() =>
        $"facts: [{string.Join("; ", Facts.Select(Describe))}], delivery ids: [{string.Join(",", Delivery.Select(t => t.TransactionId))}], batches: [{string.Join(",", BatchSizes)}]";

    private static string Describe(WarehouseTransaction t) =>
        $"#{t.TransactionId} w{t.WarehouseId} {string.Join(" ", t.Lines.Select(l => $"{l.Sku}:{l.Quantity}→{l.LevelAfter}"))}";
}

public static class TransactionArbitraries
{
    private static readonly Gen<WarehouseTransactionLine> Line =
        from sku in Gen.Elements("A", "B", "C")
        from quantity in Gen.Choose(-20, 20)
        from level in Gen.Choose(-8, 60)
        select new WarehouseTransactionLine(sku, quantity / 4m, level / 4m);

    private static Gen<WarehouseTransaction> Transaction(long id) =>
        from warehouse in Gen.Elements(1, 2, 2, 3, 42)
        from type in Gen.Elements(Enum.GetValues<WarehouseTransactionType>())
        from minutes in Gen.Choose(0, 120)
        from lineCount in Gen.Choose(1, 2)
        from lines in Gen.ListOf(Line, lineCount)
        select new WarehouseTransaction(id, warehouse, type, T0.Plus(Duration.FromMinutes(minutes)), lines);

    public static Arbitrary<TransactionScenario> Scenario() => Arb.From(
        from count in Gen.Choose(1, 25)
        from facts in Gen.CollectToList(Enumerable.Range(1, count), i => Transaction(i * 3L))
        from repeated in Gen.ListOf(Gen.Elements(facts.ToArray()))
        from delivery in Gen.Shuffle(facts.Concat(repeated))
        from batchSizes in Gen.ListOf(Gen.Choose(1, 6))
        select new TransactionScenario(facts, delivery, batchSizes));
}

[Properties(Arbitrary = [typeof(TransactionArbitraries)])]
public class StockLedgerProperties
{
    private static readonly StockTopology Projection = Stores();
    private static readonly StockTopology Contribution = Stores(StockLocation.ShopwareStock());

    [Property]
    public bool Applying_the_same_transactions_twice_leaves_the_ledger_unchanged(TransactionScenario scenario)
    {
        var once = StockLedger.Empty.Apply(scenario.Facts, Projection);
        var twice = once.Ledger.Apply(scenario.Facts, Projection);

        return once.Ledger.Equals(twice.Ledger)
            && twice.Changes.Count == 0
            && twice.Outcomes.All(o => o.Kind == TransactionOutcomeKind.Duplicate);
    }

    [Property]
    public bool Duplicates_in_any_order_give_the_ledger_of_the_distinct_facts(TransactionScenario scenario)
    {
        var distinct = StockLedger.Empty.Apply(scenario.Facts, Projection);
        var delivered = StockLedger.Empty.Apply(scenario.Delivery, Projection);

        return distinct.Ledger.Equals(delivered.Ledger) && distinct.Changes.SequenceEqual(delivered.Changes);
    }

    [Property]
    public bool Coalescing_a_batch_equals_applying_its_transactions_one_by_one(TransactionScenario scenario)
    {
        var batch = StockLedger.Empty.Apply(scenario.Delivery, Projection).Ledger;
        var oneByOne = scenario.Delivery.Aggregate(StockLedger.Empty, (ledger, t) => ledger.Apply([t], Projection).Ledger);

        return batch.Equals(oneByOne)
            && batch.Skus.Keys.All(sku => Target(batch, sku) == Target(oneByOne, sku));

        static int Target(StockLedger ledger, string sku) =>
            ShopwareStockTarget.Decide(Options(Projection), sku, ledger[sku], new OnlineSalesState(0, 0, 0m), new ShopwareStockReading(0, 0), T0).Target;
    }

    [Property]
    public bool One_coalesced_write_leaves_Shopware_where_writing_after_every_transaction_does(TransactionScenario scenario)
    {
        foreach (var topology in new[] { Projection, Contribution })
        {
            var options = Options(topology);
            var coalesced = new ShopwareStockSimulation(options);
            coalesced.Deliver(scenario.Delivery);
            var stepwise = new ShopwareStockSimulation(options);
            foreach (var transaction in scenario.Delivery)
            {
                stepwise.Deliver([transaction]);
            }

            var skus = coalesced.Stock.Keys.Union(stepwise.Stock.Keys);
            if (skus.Any(sku => coalesced.StockOf(sku) != stepwise.StockOf(sku)) || coalesced.WriteCount > stepwise.WriteCount)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Contribution_mode_never_applies_the_same_contribution_twice(TransactionScenario scenario)
    {
        var options = Options(Contribution);
        var simulation = new ShopwareStockSimulation(options);
        var offset = 0;
        foreach (var size in scenario.BatchSizes.Append(scenario.Delivery.Count))
        {
            // Each batch also re-delivers what came before, as a webhook retry and the poll would.
            var batch = scenario.Delivery.Skip(offset).Take(size).Concat(scenario.Delivery.Take(offset)).ToList();
            simulation.Deliver(batch, recordTwice: true);
            offset = Math.Min(offset + size, scenario.Delivery.Count);
        }

        var final = StockLedger.Empty.Apply(scenario.Facts, Contribution).Ledger;
        return final.Skus.All(pair =>
        {
            var contribution = (int)decimal.Floor(
                options.Availability.OnlineQuantity(pair.Key, pair.Value.ToWarehouseStock(), Contribution));
            return simulation.StockOf(pair.Key) == ShopwareStockSimulation.InitialStock + contribution;
        });
    }

    /// <summary>Plays the engine's incremental loop against an in-memory Shopware stock table.</summary>
    private sealed class ShopwareStockSimulation(StockSyncOptions options)
    {
        public const int InitialStock = 100;

        private StockLedger _ledger = StockLedger.Empty;

        public Dictionary<string, int> Stock { get; } = new(StringComparer.Ordinal);

        public int WriteCount { get; private set; }

        public int StockOf(string sku) => Stock.GetValueOrDefault(sku, InitialStock);

        /// <summary>Applies the transactions, then writes every changed SKU whose target differs from its stock, as the stock writer does.</summary>
        public void Deliver(IReadOnlyList<WarehouseTransaction> transactions, bool recordTwice = false)
        {
            _ledger = _ledger.Apply(transactions, options.Topology).Ledger;
            foreach (var (sku, entry) in _ledger.Skus.Where(pair => pair.Value.ChangedSince is not null).ToList())
            {
                var reading = new ShopwareStockReading(StockOf(sku), 0);
                var decision = ShopwareStockTarget.Decide(options, sku, entry, new OnlineSalesState(0, reading.Stock, 0m), reading, T0);
                var recorded = entry with { ChangedSince = null, AppliedContribution = decision.ContributionAfter ?? entry.AppliedContribution };
                if (decision.Target != reading.Stock)
                {
                    Stock[sku] = decision.Target;
                    WriteCount++;
                    recorded = recorded with { LastWrittenStock = decision.Target };
                }

                _ledger = _ledger with { Skus = _ledger.Skus.SetItem(sku, recorded) };
                if (recordTwice)
                {
                    _ledger = _ledger with { Skus = _ledger.Skus.SetItem(sku, recorded) };
                }
            }
        }
    }
}
