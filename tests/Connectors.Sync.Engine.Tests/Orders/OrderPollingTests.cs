using Connectors.Testing.Shopware;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Orders;

/// <summary>The Shopware order poll reads every changed order, whatever changes while it pages.</summary>
public sealed class OrderPollingTests
{
    [Fact]
    public async Task An_order_updated_between_two_pages_of_a_scan_pushes_no_other_order_out_of_it()
    {
        await using var harness = await StartAsync(options =>
        {
            options.Orders.PollPageSize = 2;
            options.Orders.PollOverlap = TimeSpan.Zero;
        });
        harness.AddProduct("SKU-1", dc: 50);
        await harness.SyncAsync();
        var orders = new List<ShopOrderState>();
        for (var i = 0; i < 5; i++)
        {
            harness.Clock.Advance(Duration.FromSeconds(1));
            var placed = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest($"page{i}@example.com", "Pa", "Ge"), [new ShopOrderLine("SKU-1", 1)]));
            harness.Shop.PayOrder(placed.Id);
            orders.Add(placed);
        }

        // While the poll reads its second page, the first order is shipped: it moves to the end of the updatedAt order.
        var searches = 0;
        harness.Shop.BeforeSearch = entity =>
        {
            if (entity == "order" && ++searches == 2)
            {
                harness.Clock.Advance(Duration.FromSeconds(1));
                harness.Shop.ShipOrder(orders[0].Id);
            }
        };
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Engine.PollInterval));
        await harness.SyncAsync();

        Assert.All(orders, order => Assert.Single(harness.Pos.FindOrdersByExternalId(order.OrderNumber)));
        Assert.True(searches >= 3, $"the scan read {searches} pages");
    }
}
