using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;

namespace Connectors.Benchmarks.EndToEnd.Flash;

/// <summary>
/// One shop and one Sitoo account of the flash sale, with a stock writer (the connector or the naive loop), and what
/// happened in them: online orders, POS sales, units oversold and the oversell exposure.
/// </summary>
/// <remarks>
/// <para>
/// What the pool can still sell online is worked out from the simulators, the same way for both writers (projection
/// mode): the stores' totals (buffer 0; no order reserves, as no fulfilment warehouse is configured, so nothing is
/// reserved by others), less the units of the online orders placed so far (none is cancelled, and none is delivered in
/// Sitoo during the run, so each stays online demand).
/// </para>
/// <para>
/// <b>Oversold units</b>: before each online order, the units of it beyond what the pool could still sell, counted once
/// the shop has taken the order. <b>Exposure</b>: sampled, the units the shop showed beyond what the pool could still sell,
/// times how long it showed them (unit-seconds), summed over the hot products; <b>under-exposure</b> the same for units
/// the pool could still sell that the shop did not show.
/// </para>
/// </remarks>
internal sealed class FlashWorld(string name, StockScenario scenario)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _demand = new(StringComparer.Ordinal);
    private int _customer;

    public string Name { get; } = name;

    public StockScenario Scenario { get; } = scenario;

    public int OnlineAttempts { get; private set; }

    public int OnlineOrders { get; private set; }

    public int Refused { get; private set; }

    public int PosSales { get; private set; }

    public int PosAttempts { get; private set; }

    public int OversoldUnits { get; private set; }

    public int OversoldOrders { get; private set; }

    public double ExposureUnitSeconds { get; private set; }

    public int MaxExcess { get; private set; }

    public double UnderExposureUnitSeconds { get; private set; }

    /// <summary>The units the pool can still sell online (negative when the stores sold units already sold online).</summary>
    public int Available(string sku)
    {
        lock (_gate)
        {
            return Pool(sku) - _demand.GetValueOrDefault(sku);
        }
    }

    /// <summary>A shopper who sees the closeout in stock buys one unit; how far that oversells is measured first.</summary>
    public void TryOrderOnline(string sku)
    {
        lock (_gate)
        {
            if (Scenario.Shop.GetProduct(sku).Stock <= 0)
            {
                return;
            }

            OnlineAttempts++;
            var available = Pool(sku) - _demand.GetValueOrDefault(sku);
            var buyer = ShopBuyer.Registered(Scenario.Customers[_customer++ % Scenario.Customers.Count]);
            try
            {
                Scenario.Shop.PlaceOrder(new ShopOrderDraft(buyer, [new ShopOrderLine(sku, 1)]));
            }
            catch (InvalidOperationException)
            {
                // The stock writer lowered the closeout's stock to 0 between the look and the checkout.
                Refused++;
                return;
            }

            OnlineOrders++;
            _demand[sku] = _demand.GetValueOrDefault(sku) + 1;
            var oversold = Math.Max(0, 1 - Math.Max(0, available));
            OversoldUnits += oversold;
            OversoldOrders += oversold > 0 ? 1 : 0;
        }
    }

    /// <summary>A store sells one unit over the counter if it has one on the shelf.</summary>
    public void TrySellInStore(string sku, int store)
    {
        lock (_gate)
        {
            PosAttempts++;
            if (Scenario.Pos.GetStock(Scenario.Stores[store].WarehouseId, sku).Total >= 1)
            {
                Scenario.Pos.SellAtPos(Scenario.Stores[store], [new SitooSaleLine(sku, 1)]);
                PosSales++;
            }
        }
    }

    /// <summary>Every store receives <paramref name="units"/> more of every hot product.</summary>
    public void Restock(IEnumerable<string> skus, int units)
    {
        lock (_gate)
        {
            foreach (var sku in skus)
            {
                foreach (var store in Scenario.Stores)
                {
                    Scenario.Pos.AdjustStock(store.WarehouseId, sku, units, "Flash sale restock");
                }
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="seconds"/> times the units the shop shows beyond what the pool can still sell (exposure), and
    /// times the units the pool could still sell that the shop does not show (under-exposure: online sales it cannot take).
    /// </summary>
    public void SampleExposure(IEnumerable<string> skus, double seconds)
    {
        lock (_gate)
        {
            var excess = 0;
            var hidden = 0;
            foreach (var sku in skus)
            {
                var shown = Math.Max(0, Scenario.Shop.GetProduct(sku).Stock);
                var available = Math.Max(0, Pool(sku) - _demand.GetValueOrDefault(sku));
                excess += Math.Max(0, shown - available);
                hidden += Math.Max(0, available - shown);
            }

            ExposureUnitSeconds += excess * seconds;
            UnderExposureUnitSeconds += hidden * seconds;
            MaxExcess = Math.Max(MaxExcess, excess);
        }
    }

    /// <summary>Hot products whose shop stock is not what the pool can still sell.</summary>
    public IReadOnlyList<string> Mismatches(IEnumerable<string> skus) =>
        [.. skus.Where(sku => Scenario.Shop.GetProduct(sku).Stock != Available(sku))];

    // The stores' totals: buffer 0, nothing reserved (see the remarks).
    private int Pool(string sku) =>
        Scenario.Stores.Sum(store => (int)decimal.Floor(Math.Max(0m, Scenario.Pos.GetStock(store.WarehouseId, sku).Total)));
}
