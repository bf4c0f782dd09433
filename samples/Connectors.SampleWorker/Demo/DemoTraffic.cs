using System.Globalization;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
namespace Connectors.SampleWorker.Demo;

/// <summary>
/// Drives the demo: POS sales in every store, online orders (with promotions, shipping and guest checkouts), online
/// orders picked up, cancelled, or picked up and then returned in a store, a small flash sale (a few closeout products
/// with few units, sold online and in the stores at once, every two minutes), and once each the deliberately broken
/// cases (a sale of a SKU Shopware does not know, stock booked on a warehouse the connector does not know).
/// </summary>
/// <remarks>
/// Right before each online order it measures overselling: the units of the order beyond what the pool could still
/// sell online (<see cref="DemoExpectation.Available"/>, read from the simulators), i.e. units the shop accepted although
/// the stores and the DC no longer had them for it.
/// </remarks>
internal sealed class DemoTraffic(DemoWorld world, TrafficCounts counts)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    // The flash sale: restocked at the start of every cycle, sold from FlashStart to FlashEnd (ticks into the cycle).
    private const int FlashCycle = 1200;
    private const int FlashStart = 60;
    private const int FlashEnd = 180;

    private readonly Random _random = new(7);
    private readonly Random _flashRandom = new(11);
    private readonly DemoOrderBook _orders = new();
    private readonly Dictionary<string, DateTimeOffset> _lastStoreSale = new(StringComparer.Ordinal);
    private int _tick;

    /// <summary>The online orders placed so far and what happened to them.</summary>
    public DemoOrderBook Orders => _orders;

    /// <summary>The stock the shop should show, worked out from the simulators and <see cref="Orders"/>.</summary>
    public DemoExpectation Expectation => field ??= new DemoExpectation(world, _orders);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick);
        try
        {
            // The stores and the shop open once the connector's catalogue sync has brought the products to Sitoo.
            await world.WaitForCatalogueAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Step(++_tick);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Step(int tick)
    {
        SellInStore();
        if (tick % 8 == 0)
        {
            PlaceOnlineOrder(guest: tick % 16 == 0);
        }

        if (tick % 25 == 0)
        {
            ReturnOnlineOrderInStore();
        }

        if (tick % 30 == 0)
        {
            PickUpOnlineOrder();
        }

        if (tick % 45 == 0)
        {
            CancelOnlineOrder();
        }

        FlashSale(tick % FlashCycle, firstCycle: tick < FlashCycle);

        if (tick == 20)
        {
            world.Pos.SellAtPos(world.Stores[0], [new SitooSaleLine(DemoCatalogue.PosOnlySku, 1)]);
            counts.PosSale();
        }

        if (tick == 40)
        {
            world.Pos.AdjustStock(world.Outlet, DemoCatalogue.Skus[0], 12, "Delivery booked on the outlet");
        }
    }

    private void SellInStore()
    {
        var store = world.Stores[_random.Next(world.Stores.Count)];
        var sku = Pick();
        if (world.Pos.GetStock(store.WarehouseId, sku).Available < 2)
        {
            world.Pos.AdjustStock(store.WarehouseId, sku, 20, "Replenishment");
        }

        world.Pos.SellAtPos(store, [new SitooSaleLine(sku, 1)]);
        _lastStoreSale[sku] = DateTimeOffset.UtcNow;
        counts.PosSale();
    }

    private void PlaceOnlineOrder(bool guest)
    {
        var sku = Pick();
        if (world.Shop.GetProduct(sku).Stock < 3)
        {
            return;
        }

        var buyer = guest
            ? ShopBuyer.Guest($"guest{_random.Next(0, 15)}@example.com", "Guest", "Buyer")
            : ShopBuyer.Registered(world.Members[_random.Next(world.Members.Count)]);
        var quantity = _random.Next(1, 3);
        var promotions = _random.Next(3) == 0 ? [new ShopPromotion("Winter sale", "WINTER10", Percentage: 10)] : Array.Empty<ShopPromotion>();
        Place(new ShopOrderDraft(buyer, [new ShopOrderLine(sku, quantity)]) { Promotions = promotions, ShippingCosts = 4.95m });
    }

    /// <summary>
    /// The flash sale: shoppers order the flash products (1 unit, now and then 2) every 300 ms while the shop shows
    /// enough stock, and the stores sell them over the counter every 700 ms while they have any. Each cycle after the first
    /// starts by restocking every location to <see cref="DemoCatalogue.FlashUnitsPerLocation"/>.
    /// </summary>
    private void FlashSale(int phase, bool firstCycle)
    {
        if (phase == 0 && !firstCycle)
        {
            foreach (var sku in DemoCatalogue.FlashSkus)
            {
                foreach (var (warehouseId, _) in world.OnlineLocations)
                {
                    var missing = DemoCatalogue.FlashUnitsPerLocation - world.Pos.GetStock(warehouseId, sku).Total;
                    if (missing > 0)
                    {
                        world.Pos.AdjustStock(warehouseId, sku, missing, "Flash sale restock");
                    }
                }
            }
        }

        if (phase < FlashStart || phase >= FlashEnd)
        {
            return;
        }

        if (phase % 3 == 0)
        {
            var sku = DemoCatalogue.FlashSkus[_flashRandom.Next(DemoCatalogue.FlashSkus.Count)];
            var quantity = _flashRandom.Next(4) == 0 ? 2 : 1;
            // A closeout can only be bought while the shop shows the units.
            if (world.Shop.GetProduct(sku).Stock >= quantity)
            {
                var buyer = ShopBuyer.Registered(world.Members[_flashRandom.Next(world.Members.Count)]);
                Place(new ShopOrderDraft(buyer, [new ShopOrderLine(sku, quantity)]) { ShippingCosts = 4.95m });
            }
        }

        if (phase % 7 == 0)
        {
            var sku = DemoCatalogue.FlashSkus[_flashRandom.Next(DemoCatalogue.FlashSkus.Count)];
            var store = world.Stores[_flashRandom.Next(world.Stores.Count)];
            // A store sells only what is on its shelf.
            if (world.Pos.GetStock(store.WarehouseId, sku).Available >= 1)
            {
                world.Pos.SellAtPos(store, [new SitooSaleLine(sku, 1)]);
                _lastStoreSale[sku] = DateTimeOffset.UtcNow;
                counts.PosSale();
            }
        }
    }

    /// <summary>Places and pays an online order of one line, measuring first how far it oversells the pool.</summary>
    private void Place(ShopOrderDraft draft)
    {
        var line = draft.Lines[0];
        var shown = world.Shop.GetProduct(line.ProductNumber).Stock;
        var available = Expectation.Available(line.ProductNumber);
        var oversold = Math.Max(0, line.Quantity - (int)decimal.Floor(Math.Max(0m, available)));
        ShopOrderState order;
        try
        {
            order = world.Shop.PlaceOrder(draft);
        }
        catch (InvalidOperationException)
        {
            // A closeout whose stock the connector lowered between the look and the checkout: the shop refused it.
            return;
        }

        world.Shop.PayOrder(order.Id);
        _orders.Placed(new DemoOnlineOrder(order.Id, order.OrderNumber, line.ProductNumber, line.Quantity));
        counts.OnlineOrder();
        if (oversold > 0)
        {
            counts.Oversold(oversold);
            var storeSale = _lastStoreSale.TryGetValue(line.ProductNumber, out var at)
                ? string.Create(CultureInfo.InvariantCulture, $"; the last store sale of it was {(DateTimeOffset.UtcNow - at).TotalSeconds:0.0} s earlier")
                : "";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Oversold {oversold} of {line.ProductNumber} (order {order.OrderNumber}, {line.Quantity} ordered): the shop showed {shown}, the pool could still sell {available}{storeSale}."));
        }
    }

    /// <summary>Returns one unit of the oldest online order that was picked up and not returned yet, in a store.</summary>
    private void ReturnOnlineOrderInStore()
    {
        if (_orders.Orders.FirstOrDefault(o => o.PickedUp && !o.Returned) is not { } order)
        {
            return;
        }

        world.Pos.ReturnAtPos(world.Stores[1], order.SitooOrderId, [new SitooReturnLine(order.Sku, 1)]);
        order.Returned = true;
        counts.Return();
    }

    /// <summary>Hands the oldest exported, open online order over at the DC's counter, if the DC has its units.</summary>
    private void PickUpOnlineOrder()
    {
        var order = _orders.Orders.FirstOrDefault(o =>
            !o.PickedUp && !o.Cancelled && Expectation.SitooOrderOf(o) != 0
            && world.Pos.GetStock(world.DistributionCentre, o.Sku).Total >= o.Quantity);
        if (order is not null)
        {
            world.Pos.PickUpWebOrder(order.SitooOrderId);
            order.PickedUp = true;
        }
    }

    /// <summary>Cancels the newest exported online order not picked up yet, in the shop (the connector cancels it in Sitoo).</summary>
    private void CancelOnlineOrder()
    {
        var order = _orders.Orders.LastOrDefault(o => !o.PickedUp && !o.Cancelled && Expectation.SitooOrderOf(o) != 0);
        if (order is not null)
        {
            world.Shop.CancelOrder(order.ShopOrderId);
            order.Cancelled = true;
            counts.Cancellation();
        }
    }

    private string Pick() => DemoCatalogue.Skus[_random.Next(DemoCatalogue.Skus.Count)];
}

/// <summary>What the demo traffic did, for the progress line and the summary.</summary>
internal sealed class TrafficCounts
{
    private int _posSales;
    private int _onlineOrders;
    private int _returns;
    private int _cancellations;
    private int _oversoldUnits;

    public int PosSales => Volatile.Read(ref _posSales);

    public int OnlineOrders => Volatile.Read(ref _onlineOrders);

    public int Returns => Volatile.Read(ref _returns);

    public int Cancellations => Volatile.Read(ref _cancellations);

    /// <summary>Units of online orders the shop accepted beyond what the pool could still sell online.</summary>
    public int OversoldUnits => Volatile.Read(ref _oversoldUnits);

    public void PosSale() => Interlocked.Increment(ref _posSales);

    public void OnlineOrder() => Interlocked.Increment(ref _onlineOrders);

    public void Return() => Interlocked.Increment(ref _returns);

    public void Cancellation() => Interlocked.Increment(ref _cancellations);

    public void Oversold(int units) => Interlocked.Add(ref _oversoldUnits, units);
}
