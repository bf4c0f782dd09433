using Connectors.Core.Inventory;
using NodaTime;

namespace Connectors.Core.Reconciliation;

/// <summary>
/// Compares every SKU's Shopware stock with what the topology and policies expect, and decides the writes
/// that heal it. Pure: same input, same result. Applying the writes and reconciling again yields no writes.
/// </summary>
public static class StockReconciler
{
    /// <summary>Reconciles the SKUs of both snapshots.</summary>
    /// <param name="input">Snapshots, pending demand and ledger.</param>
    /// <param name="options">Topology and policies.</param>
    /// <param name="now">When the reconciliation runs (for ages).</param>
    public static ReconciliationResult Reconcile(ReconciliationInput input, StockSyncOptions options, Instant now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);

        var run = new Run(input, options, now);
        foreach (var (sku, product) in input.Shopware.Products)
        {
            run.ReconcileShopwareProduct(sku, product);
        }

        foreach (var sitooSku in input.Sitoo.Skus)
        {
            var sku = options.Topology.Skus.ToShopware(sitooSku);
            if (!input.Shopware.Products.ContainsKey(sku))
            {
                run.ReconcileSitooOnly(sku, sitooSku);
            }
        }

        return run.Result();
    }

    /// <summary>The mutable working state of one reconciliation; never escapes it.</summary>
    private sealed class Run(ReconciliationInput input, StockSyncOptions options, Instant now)
    {
        private readonly StockTopology _topology = options.Topology;
        private readonly List<StockWrite> _writes = [];
        private readonly List<StockDifference> _differences = [];
        private readonly List<StockDifference> _skuDifferences = [];
        private readonly System.Collections.Immutable.ImmutableDictionary<string, SkuLedgerEntry>.Builder _ledger =
            input.Ledger.Skus.ToBuilder();

        public void ReconcileShopwareProduct(string sku, ShopwareProductStock product)
        {
            var levels = input.Sitoo.Levels(_topology.Skus.ToSitoo(sku));
            var storeStocked = IsStoreStocked(levels);
            var online = storeStocked ? options.Availability.OnlineQuantity(sku, levels, _topology) : 0m;
            var entry = input.Ledger[sku];

            StockWrite? write = null;
            var expected = product.Stock;
            if (_topology.Mode == StockMode.Projection)
            {
                if (!storeStocked)
                {
                    Add(sku, DifferenceClass.MissingInSitoo, product.Stock, null, null);
                }
                else
                {
                    var demand = input.PendingDemand.TryGetValue(sku, out var open) ? open : default;
                    expected = StockQuantities.ProjectedStock(online, demand.Quantity);
                    if (product.Stock != expected)
                    {
                        write = StockWrite.Absolute(sku, expected);
                        Add(sku, input.InFlight.Contains(sku) ? DifferenceClass.InFlight : DifferenceClass.Drift, product.Stock, expected, online);
                    }
                    else if (demand.Quantity > 0)
                    {
                        _skuDifferences.Add(new StockDifference(
                            sku, DifferenceClass.PendingDemand, now - demand.OldestPlacedAt, product.Stock, expected, online));
                    }
                }
            }
            else
            {
                var contribution = StockQuantities.ToShopwareStock(online);
                var delta = contribution - (entry.AppliedContribution ?? 0);
                if (delta != 0)
                {
                    expected = checked(product.Stock + delta);
                    write = StockWrite.Delta(sku, delta, contribution);
                    Add(sku, input.InFlight.Contains(sku) ? DifferenceClass.InFlight : DifferenceClass.Drift, product.Stock, expected, online);
                }
            }

            if (storeStocked && !product.IsCloseout)
            {
                switch (options.Closeout.Decide(sku))
                {
                    case CloseoutAction.Force:
                        write = (write ?? StockWrite.CloseoutOnly(sku)) with { SetCloseout = true };
                        Add(sku, DifferenceClass.CloseoutForced, product.Stock, expected, online);
                        break;
                    case CloseoutAction.Warn when product.Active && expected <= 0:
                        Add(sku, DifferenceClass.SellableAtZero, product.Stock, expected, online);
                        break;
                }
            }

            if (!product.Active && online >= 1m)
            {
                Add(sku, DifferenceClass.NotSellableOnline, product.Stock, expected, online);
            }

            if (expected < 0)
            {
                Add(sku, DifferenceClass.NegativeStock, product.Stock, expected, online);
            }

            if (write is not null)
            {
                _writes.Add(write);
            }

            CloseSku(sku, entry);
        }

        public void ReconcileSitooOnly(string sku, string sitooSku)
        {
            var levels = input.Sitoo.Levels(sitooSku);
            var online = options.Availability.OnlineQuantity(sku, levels, _topology);
            if (online > 0)
            {
                Add(sku, DifferenceClass.MissingInShopware, null, null, online);
            }

            CloseSku(sku, input.Ledger[sku]);
        }

        public ReconciliationResult Result()
        {
            _differences.Sort(static (a, b) =>
            {
                var bySku = string.CompareOrdinal(a.Sku, b.Sku);
                return bySku != 0 ? bySku : a.Class.CompareTo(b.Class);
            });
            var ledger = input.Ledger with { Skus = _ledger.ToImmutable() };
            var report = new DriftReport(now, input.Shopware.TakenAt, input.Sitoo.TakenAt, _differences);
            return new ReconciliationResult(_writes, report, ledger);
        }

        private bool IsStoreStocked(ReadOnlySpan<WarehouseStock> levels)
        {
            foreach (ref readonly var level in levels)
            {
                if (_topology.Contributes(level.WarehouseId))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Collects a difference whose age comes from the ledger (set in <see cref="CloseSku"/>).</summary>
        private void Add(string sku, DifferenceClass kind, int? shopwareStock, int? expected, decimal? online) =>
            _skuDifferences.Add(new StockDifference(sku, kind, Duration.Zero, shopwareStock, expected, online));

        private static bool IsTransient(DifferenceClass kind) => kind is DifferenceClass.PendingDemand or DifferenceClass.InFlight;

        /// <summary>Ages the SKU's differences and remembers since when it has had any.</summary>
        private void CloseSku(string sku, SkuLedgerEntry entry)
        {
            var tracked = _skuDifferences.Any(d => !IsTransient(d.Class));
            var since = tracked ? entry.DifferenceSince ?? now : (Instant?)null;
            foreach (var difference in _skuDifferences)
            {
                _differences.Add(IsTransient(difference.Class)
                    ? difference
                    : difference with { Age = now - since!.Value });
            }

            _skuDifferences.Clear();
            if (since != entry.DifferenceSince)
            {
                _ledger[sku] = entry with { DifferenceSince = since };
            }
        }
    }
}
