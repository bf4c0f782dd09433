namespace Connectors.SampleWorker.Demo;

/// <summary>
/// The online orders the demo traffic placed in the shop, and what the traffic did with each afterwards in Sitoo
/// (picked up, i.e. delivered) or in the shop (cancelled): the facts the demo's own stock expectation is made from.
/// </summary>
internal sealed class DemoOrderBook
{
    private readonly Lock _gate = new();
    private readonly List<DemoOnlineOrder> _orders = [];

    /// <summary>Every order placed so far, oldest first (a copy).</summary>
    public IReadOnlyList<DemoOnlineOrder> Orders
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders];
            }
        }
    }

    public void Placed(DemoOnlineOrder order)
    {
        lock (_gate)
        {
            _orders.Add(order);
        }
    }
}

/// <summary>One online order of one line, as the demo placed it.</summary>
/// <param name="shopOrderId">The Shopware order id.</param>
/// <param name="orderNumber">The Shopware order number (the Sitoo order's <c>externalid</c> once exported).</param>
/// <param name="sku">The product.</param>
/// <param name="quantity">The units ordered.</param>
internal sealed class DemoOnlineOrder(string shopOrderId, string orderNumber, string sku, int quantity)
{
    private long _sitooOrderId;
    private int _pickedUp;
    private int _cancelled;
    private int _returned;

    public string ShopOrderId { get; } = shopOrderId;

    public string OrderNumber { get; } = orderNumber;

    public string Sku { get; } = sku;

    public int Quantity { get; } = quantity;

    /// <summary>The Sitoo order the connector exported it as, once found (0 before).</summary>
    public long SitooOrderId
    {
        get => Interlocked.Read(ref _sitooOrderId);
        set => Interlocked.Exchange(ref _sitooOrderId, value);
    }

    /// <summary>Handed over in the store: Sitoo delivered every unit (<c>PickUpWebOrder</c>).</summary>
    public bool PickedUp
    {
        get => Volatile.Read(ref _pickedUp) == 1;
        set => Volatile.Write(ref _pickedUp, value ? 1 : 0);
    }

    /// <summary>Cancelled in the shop by the demo.</summary>
    public bool Cancelled
    {
        get => Volatile.Read(ref _cancelled) == 1;
        set => Volatile.Write(ref _cancelled, value ? 1 : 0);
    }

    /// <summary>A unit of it was brought back to a store after the pick-up.</summary>
    public bool Returned
    {
        get => Volatile.Read(ref _returned) == 1;
        set => Volatile.Write(ref _returned, value ? 1 : 0);
    }
}
