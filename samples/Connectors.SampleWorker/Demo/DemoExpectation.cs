using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectors.SampleWorker.Demo;

/// <summary>
/// What the shop's stock of a product should be, worked out from the simulators and the demo's own record of its online
/// orders, independently of the connector's code and state (projection mode, ADR 0001):
/// <c>Σ over the online locations of max(0, total − reserved by others − safety buffer)</c>, less the units of the shop's
/// online orders that are neither cancelled nor delivered in Sitoo yet.
/// </summary>
/// <remarks>
/// The connector's own exported web orders reserve on the DC; those reservations are not "reserved by others": their
/// units are already in the online demand until Sitoo delivers them (at the pick-up). In the demo no one else reserves,
/// so that term is 0, but it is worked out rather than assumed. Every demo order is placed after the connector's
/// go-live (its products start with no sales), so every order counts.
/// </remarks>
internal sealed class DemoExpectation(DemoWorld world, DemoOrderBook book)
{
    private const int SitooOrderOpen = 0;

    /// <summary>The units the online locations hold for the shop: Sitoo's totals less others' reservations and the buffers.</summary>
    public decimal Pool(string sku)
    {
        var orders = book.Orders;
        var pool = 0m;
        foreach (var (warehouseId, buffer) in world.OnlineLocations)
        {
            var level = world.Pos.GetStock(warehouseId, sku);
            var reservedByOthers = level.Reserved > 0 ? Math.Max(0m, level.Reserved - ReservedForExports(orders, warehouseId, sku)) : 0m;
            pool += Math.Max(0m, level.Total - reservedByOthers - buffer);
        }

        return pool;
    }

    /// <summary>Units of the shop's online orders that are not cancelled in the shop and not delivered in Sitoo yet.</summary>
    public int OpenDemand(string sku) =>
        book.Orders
            .Where(order => order.Sku == sku && !order.PickedUp && world.Shop.GetOrder(order.ShopOrderId).State != "cancelled")
            .Sum(order => order.Quantity);

    /// <summary>What the pool can still sell online: <see cref="Pool"/> less <see cref="OpenDemand"/> (negative when oversold).</summary>
    public decimal Available(string sku) => Pool(sku) - OpenDemand(sku);

    /// <summary>The stock the shop should show.</summary>
    public int ExpectedStock(string sku) => (int)decimal.Floor(Available(sku));

    /// <summary>The Sitoo order the connector exported an order as, or 0 while it has not.</summary>
    public long SitooOrderOf(DemoOnlineOrder order)
    {
        if (order.SitooOrderId == 0 && world.Pos.FindOrdersByExternalId(order.OrderNumber) is [var sitooOrderId, ..])
        {
            order.SitooOrderId = sitooOrderId;
        }

        return order.SitooOrderId;
    }

    /// <summary>Units the exported (open, undelivered) web orders of a SKU hold reserved on a warehouse now.</summary>
    private decimal ReservedForExports(IReadOnlyList<DemoOnlineOrder> orders, int warehouseId, string sku)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var reserved = 0m;
        foreach (var order in orders.Where(o => o.Sku == sku && !o.PickedUp))
        {
            if (SitooOrderOf(order) is 0 || world.Pos.GetOrderSnapshot(order.SitooOrderId) is not { } snapshot)
            {
                continue;
            }

            if (Number(snapshot["orderstateid"]) == SitooOrderOpen && Number(snapshot["warehouseid"]) == warehouseId && Number(snapshot["datereserved"]) > now)
            {
                reserved += (snapshot["orderitems"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Where(item => (string?)item["sku"] == sku)
                    .Sum(item => Math.Max(0m, Number(item["quantity"])));
            }
        }

        return reserved;
    }

    // Sitoo writes quantities as strings and ids and dates as numbers.
    private static decimal Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return 0m;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : 0m;
    }
}
