using NodaTime;

namespace Connectors.Sync.Stock;

/// <summary>
/// An exported online order's units of one SKU that Sitoo has not delivered yet. Until they leave a Sitoo warehouse
/// they are online demand (Shopware's <c>sales</c> counter holds them), so the order's own Sitoo reservation is not
/// taken off the pool a second time, and its delivery takes the units out of the demand instead of off the pool twice.
/// </summary>
/// <param name="OrderNumber">The Shopware order number (the Sitoo order's <c>externalid</c>).</param>
/// <param name="SitooOrderId">The Sitoo order.</param>
/// <param name="Remaining">Units not delivered yet.</param>
/// <param name="WarehouseId">The warehouse the order reserves on, if any.</param>
/// <param name="ReservedUntil">Until when Sitoo reserves them (<c>datereserved</c>), if it does.</param>
/// <param name="Cancelling">
/// A cancel is on its way to Sitoo: the reservation may be gone already, so it is no longer taken as the connector's.
/// </param>
internal sealed record WebOrderHold(string OrderNumber, long SitooOrderId, decimal Remaining, int? WarehouseId, Instant? ReservedUntil, bool Cancelling = false)
{
    // Sitoo releases a reservation on its own clock: near the end it counts as someone else's (the safe side).
    private static readonly Duration ExpiryMargin = Duration.FromMinutes(5);

    /// <summary>Whether Sitoo holds these units reserved on <paramref name="warehouseId"/> at <paramref name="now"/>.</summary>
    public bool Reserves(int warehouseId, Instant now) =>
        !Cancelling && WarehouseId == warehouseId && ReservedUntil is { } until && now < until - ExpiryMargin;

    /// <summary>Reads every hold of a <c>weborders</c> row.</summary>
    public static IReadOnlyList<WebOrderHold> Read(IReadOnlyDictionary<string, decimal> quantities)
    {
        var holds = new List<WebOrderHold>();
        foreach (var (name, remaining) in quantities)
        {
            if (name.Contains('|', StringComparison.Ordinal))
            {
                continue;
            }

            decimal? Field(string suffix) => quantities.TryGetValue(name + "|" + suffix, out var value) ? value : null;
            holds.Add(new WebOrderHold(
                name,
                (long)(Field("s") ?? 0),
                remaining,
                Field("w") is { } warehouse ? (int)warehouse : null,
                Field("u") is { } until ? Instant.FromUnixTimeMilliseconds((long)until) : null,
                Field("c") is not null));
        }

        return holds;
    }

    /// <summary>Removes an order's hold from a row's quantities.</summary>
    public static void Remove(Dictionary<string, decimal> quantities, string orderNumber)
    {
        foreach (var name in new[] { orderNumber, orderNumber + "|s", orderNumber + "|w", orderNumber + "|u", orderNumber + "|c" })
        {
            quantities.Remove(name);
        }
    }

    /// <summary>Writes the hold into a row's quantities.</summary>
    public void Write(Dictionary<string, decimal> quantities)
    {
        quantities[OrderNumber] = Remaining;
        quantities[OrderNumber + "|s"] = SitooOrderId;
        if (WarehouseId is { } warehouse)
        {
            quantities[OrderNumber + "|w"] = warehouse;
        }

        if (ReservedUntil is { } until)
        {
            quantities[OrderNumber + "|u"] = until.ToUnixTimeMilliseconds();
        }

        if (Cancelling)
        {
            quantities[OrderNumber + "|c"] = 1;
        }
    }

    /// <summary>Units of <paramref name="holds"/> Sitoo holds reserved on a warehouse now.</summary>
    public static decimal ReservedBy(IEnumerable<WebOrderHold> holds, int warehouseId, Instant now) =>
        holds.Where(hold => hold.Reserves(warehouseId, now)).Sum(hold => hold.Remaining);
}
