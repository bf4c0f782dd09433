using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
namespace Connectors.SampleWorker.Demo;

/// <summary>
/// Drives the demo: POS sales in every store, online orders (with promotions, shipping and guest checkouts),
/// online orders picked up or returned in a store, and once each the deliberately broken cases (a sale of a
/// SKU Shopware does not know, stock booked on a warehouse the connector does not know).
/// </summary>
internal sealed class DemoTraffic(DemoWorld world, TrafficCounts counts)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly Random _random = new(7);
    private readonly List<(string OrderNumber, int Quantity, string Sku)> _placedOnline = [];
    private int _tick;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick);
        try
        {
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
        var draft = new ShopOrderDraft(buyer, [new ShopOrderLine(sku, quantity)])
        {
            Promotions = _random.Next(3) == 0 ? [new ShopPromotion("Winter sale", "WINTER10", Percentage: 10)] : [],
            ShippingCosts = 4.95m,
        };
        var order = world.Shop.PlaceOrder(draft);
        world.Shop.PayOrder(order.Id);
        lock (_placedOnline)
        {
            _placedOnline.Add((order.OrderNumber, quantity, sku));
        }

        counts.OnlineOrder();
    }

    private void ReturnOnlineOrderInStore()
    {
        if (FindExported() is not { } exported)
        {
            return;
        }

        var (sitooOrderId, placed) = exported;
        world.Pos.ReturnAtPos(world.Stores[1], sitooOrderId, [new SitooReturnLine(placed.Sku, 1)]);
        counts.Return();
    }

    private void PickUpOnlineOrder()
    {
        if (FindExported() is { } exported)
        {
            world.Pos.PickUpWebOrder(exported.SitooOrderId);
        }
    }

    /// <summary>The oldest online order the connector has exported to Sitoo, taken off the list.</summary>
    private (long SitooOrderId, (string OrderNumber, int Quantity, string Sku) Placed)? FindExported()
    {
        lock (_placedOnline)
        {
            for (var i = 0; i < _placedOnline.Count; i++)
            {
                if (world.Pos.FindOrdersByExternalId(_placedOnline[i].OrderNumber) is [var sitooOrderId, ..])
                {
                    var placed = _placedOnline[i];
                    _placedOnline.RemoveAt(i);
                    return (sitooOrderId, placed);
                }
            }
        }

        return null;
    }

    private string Pick() => DemoCatalogue.Skus[_random.Next(DemoCatalogue.Skus.Count)];
}

/// <summary>What the demo traffic did, for the progress line and the summary.</summary>
internal sealed class TrafficCounts
{
    private int _posSales;
    private int _onlineOrders;
    private int _returns;

    public int PosSales => Volatile.Read(ref _posSales);

    public int OnlineOrders => Volatile.Read(ref _onlineOrders);

    public int Returns => Volatile.Read(ref _returns);

    public void PosSale() => Interlocked.Increment(ref _posSales);

    public void OnlineOrder() => Interlocked.Increment(ref _onlineOrders);

    public void Return() => Interlocked.Increment(ref _returns);
}
