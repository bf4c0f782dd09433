using System.Globalization;
using Connectors.Sync.Engine;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>
/// Both simulators on loopback ports with latency on every request, a catalogue stocked in several stores, and,
/// unless started without, the connector hosted in this process (<see cref="ConnectorHosts"/>).
/// </summary>
internal sealed class StockScenario : IAsyncDisposable
{
    /// <summary>Latency added to every Shopware request.</summary>
    public static readonly (TimeSpan Min, TimeSpan Max) ShopwareLatency = (TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(120));

    /// <summary>Latency added to every Sitoo request.</summary>
    public static readonly (TimeSpan Min, TimeSpan Max) SitooLatency = (TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(150));

    private readonly List<SimulatedSitooStore> _stores = [];
    private readonly Dictionary<(string Sku, int Store), int> _remaining = [];
    private readonly Dictionary<string, int> _expected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skuByProductId = new(StringComparer.Ordinal);
    private ConnectorHosts? _connector;

    private StockScenario(int seed)
    {
        Shop = new ShopwareSimulator(null, new SimulatorOptions { Seed = seed });
        Pos = new SitooSimulator(null, new SimulatorOptions { Seed = seed });
        Writes = new ShopwareStockWriteLog(_skuByProductId);
    }

    /// <summary>The simulated shop.</summary>
    public ShopwareSimulator Shop { get; }

    /// <summary>The simulated Sitoo account.</summary>
    public SitooSimulator Pos { get; }

    /// <summary>The stock values the engine wrote to Shopware.</summary>
    public ShopwareStockWriteLog Writes { get; }

    /// <summary>The SKUs of the catalogue.</summary>
    public IReadOnlyList<string> Skus => [.. _expected.Keys];

    /// <summary>The stores that sell.</summary>
    public IReadOnlyList<SimulatedSitooStore> Stores => _stores;

    /// <summary>The running engine's host; its services hold the engine and the store.</summary>
    public IServiceProvider Services => Connector.Services;

    /// <summary>Every instance's engine.</summary>
    public IReadOnlyList<ConnectorEngine> Engines => Connector.Engines;

    private ConnectorHosts Connector => _connector ?? throw new InvalidOperationException("Start the scenario with its connector first.");

    /// <summary>The flash sale's hot products (none in the stock scenario); <see cref="Skus"/> holds them too.</summary>
    public IReadOnlyList<string> HotSkus { get; private set; } = [];

    /// <summary>Registered shop customers (flash sale only), to place online orders with.</summary>
    public IReadOnlyList<string> Customers { get; private set; } = [];

    /// <summary>
    /// Builds the catalogue (with the flash sale's hot products when <see cref="EndToEndSettings.Scenario"/> says so), starts both simulators
    /// and, unless <paramref name="withConnector"/> is false, the connector host (the engine is not running yet).
    /// </summary>
    public static async Task<StockScenario> StartAsync(EndToEndSettings settings, int seed, CancellationToken cancellationToken, bool withConnector = true)
    {
        var scenario = new StockScenario(seed);
        try
        {
            scenario.Stock(settings, new Random(seed));
            if (settings.Scenario == EndToEndSettings.FlashScenario)
            {
                scenario.AddFlashSale(settings);
            }

            if (!withConnector)
            {
                await scenario.Shop.StartLoopbackAsync(cancellationToken).ConfigureAwait(false);
                await scenario.Pos.StartLoopbackAsync(cancellationToken).ConfigureAwait(false);
                return scenario;
            }

            await scenario.StartConnectorAsync(settings, cancellationToken).ConfigureAwait(false);
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The SKU's stock summed over the stores, as the driver's sales left it.</summary>
    public int ExpectedStock(string sku) => _expected[sku];

    /// <summary>Units of a SKU left at a store, so the driver never sells more than is there.</summary>
    public int Remaining(string sku, int store) => _remaining[(sku, store)];

    /// <summary>Rings up a POS sale and returns the SKU's summed stock after it.</summary>
    public int Sell(string sku, int store, int quantity)
    {
        Pos.SellAtPos(_stores[store], [new SitooSaleLine(sku, quantity)]);
        _remaining[(sku, store)] -= quantity;
        return _expected[sku] -= quantity;
    }

    /// <summary>SKUs whose Shopware stock differs from the stores' available stock summed (read from the simulators).</summary>
    public IReadOnlyList<string> Mismatches() =>
        [.. _expected.Keys.Where(sku => Shop.GetProduct(sku).Stock != _stores.Sum(s => (int)Math.Max(0, Pos.GetStock(s.WarehouseId, sku).Available)))];

    /// <summary>Whether Shopware shows the stock the driver expects for every SKU.</summary>
    public bool InStep() => _expected.All(pair => Shop.GetProduct(pair.Key).Stock == pair.Value);

    /// <summary>The simulators' loopback addresses and credentials, once started.</summary>
    public SimulatorEndpoints Endpoints() => new(
        Shop.LoopbackAddress ?? throw new InvalidOperationException("Start the simulators first."),
        Shop.ShopOptions.ClientId,
        Shop.ShopOptions.ClientSecret,
        Pos.LoopbackAddress ?? throw new InvalidOperationException("Start the simulators first."),
        Pos.Sitoo.AccountId,
        Pos.Sitoo.EshopId,
        Pos.Sitoo.ApiId,
        Pos.Sitoo.Password,
        [.. _stores.Select(s => s.WarehouseId)],
        _skuByProductId);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync().ConfigureAwait(false);
        }

        await Shop.DisposeAsync().ConfigureAwait(false);
        await Pos.DisposeAsync().ConfigureAwait(false);
    }

    private void Stock(EndToEndSettings settings, Random random)
    {
        for (var s = 0; s < settings.Stores; s++)
        {
            _stores.Add(Pos.AddStore("Store " + (s + 1).ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < settings.Skus; i++)
        {
            var sku = "SKU-" + i.ToString("D5", CultureInfo.InvariantCulture);
            Pos.AddProduct(sku, "Product " + sku, 199m);

            // Shopware starts at 0, so the warm-up proves the engine has read every SKU's history before sales begin.
            _skuByProductId[Shop.AddProduct(new ShopProductDraft(sku, 0) { Name = "Product " + sku })] = sku;
            var total = 0;
            for (var s = 0; s < _stores.Count; s++)
            {
                // Enough that even 1,000 sales/s for a minute never empties a store, so stock only falls.
                var units = random.Next(400, 800);
                Pos.AdjustStock(_stores[s].WarehouseId, sku, units);
                _remaining[(sku, s)] = units;
                total += units;
            }

            _expected[sku] = total;
        }

        Shop.Faults.Add(FaultRule.Delay("", ShopwareLatency.Min, ShopwareLatency.Max));
        Pos.Faults.Add(FaultRule.Delay("", SitooLatency.Min, SitooLatency.Max));
    }

    /// <summary>
    /// The flash sale's hot products, added to the catalogue: closeouts in Shopware (the shop takes no order beyond the
    /// stock it shows), with <see cref="EndToEndSettings.HotUnits"/> units in each store; and a few registered customers.
    /// </summary>
    private void AddFlashSale(EndToEndSettings settings)
    {
        var hot = new List<string>();
        for (var i = 0; i < settings.HotSkus; i++)
        {
            var sku = "HOT-" + i.ToString("D2", CultureInfo.InvariantCulture);
            Pos.AddProduct(sku, "Flash sale " + sku, 49m);
            _skuByProductId[Shop.AddProduct(new ShopProductDraft(sku, 0) { Name = "Flash sale " + sku, IsCloseout = true })] = sku;
            for (var s = 0; s < _stores.Count; s++)
            {
                Pos.AdjustStock(_stores[s].WarehouseId, sku, settings.HotUnits, "Opening stock");
                _remaining[(sku, s)] = settings.HotUnits;
            }

            _expected[sku] = settings.HotUnits * _stores.Count;
            hot.Add(sku);
        }

        HotSkus = hot;
        Customers = [.. Enumerable.Range(0, 8).Select(i => Shop.RegisterCustomer(
            "shopper" + i.ToString(CultureInfo.InvariantCulture) + "@example.com", "Shopper", "Number" + i.ToString(CultureInfo.InvariantCulture)))];
    }

    /// <summary>Starts the connector instances against this scenario's simulators; the first receives Sitoo's events.</summary>
    private async Task StartConnectorAsync(EndToEndSettings settings, CancellationToken cancellationToken)
    {
        await Shop.StartLoopbackAsync(cancellationToken).ConfigureAwait(false);
        await Pos.StartLoopbackAsync(cancellationToken).ConfigureAwait(false);
        _connector = await ConnectorHosts.StartAsync(Endpoints(), settings, Writes, (subscription, _) =>
        {
            Pos.SubscribeEvents(subscription);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
    }
}
