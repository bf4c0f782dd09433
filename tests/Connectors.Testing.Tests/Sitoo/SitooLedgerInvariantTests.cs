using Connectors.Testing.Sitoo;

namespace Connectors.Testing.Tests.Sitoo;

public class SitooLedgerInvariantTests
{
    // Random mixes of everything that moves FIFO stock: the level is always the running sum of the transactions.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Fifo_levels_are_the_running_sum_of_their_transactions(int seed)
    {
        await using var sitoo = SitooHarness.Create(seed: seed);
        var store = sitoo.Simulator.AddStore("Gallerian");
        string[] skus = ["A", "B", "C"];
        foreach (var sku in skus)
        {
            sitoo.Simulator.AddProduct(sku, sku, 10m);
        }
        var random = new Random(seed);
        var sales = new List<long>();
        for (var step = 0; step < 60; step++)
        {
            var sku = skus[random.Next(skus.Length)];
            switch (random.Next(5))
            {
                case 0:
                    sitoo.Simulator.AdjustStock(store.WarehouseId, sku, random.Next(-5, 10));
                    break;
                case 1:
                    sales.Add(sitoo.Simulator.SellAtPos(store, [new(sku, random.Next(1, 4))]).OrderId);
                    break;
                case 2 when sales.Count > 0:
                    var sale = sales[random.Next(sales.Count)];
                    var bought = sitoo.Simulator.GetOrderSnapshot(sale)!["orderitems"]![0]!;
                    try
                    {
                        sitoo.Simulator.ReturnAtPos(store, sale, [new((string)bought["sku"]!, 1)]);
                    }
                    catch (InvalidOperationException)
                    {
                        // Everything on that receipt came back already.
                    }
                    break;
                case 3:
                    sitoo.Simulator.RunStocktaking(store.WarehouseId, new Dictionary<string, decimal> { [sku] = random.Next(0, 20) });
                    break;
            }
        }

        var movements = sitoo.Simulator.GetStockMovements(store.WarehouseId);
        foreach (var sku in skus)
        {
            var running = 0m;
            foreach (var movement in movements.Where(m => m.Sku == sku))
            {
                running += movement.Quantity;
                Assert.Equal(running, movement.TotalAfter);
            }
            Assert.Equal(running, sitoo.Simulator.GetStock(store.WarehouseId, sku).Total);
        }
        Assert.Equal(movements.Select(m => m.WarehouseTransactionId).Order(), movements.Select(m => m.WarehouseTransactionId));
    }

    [Fact]
    public async Task Deliveries_from_a_virtual_warehouse_change_its_level_without_transactions()
    {
        await using var sitoo = SitooHarness.Create();
        var online = sitoo.Simulator.AddWarehouse("Online", SitooWarehouseKind.Virtual);
        sitoo.Simulator.SetVirtualStock(online, "A", 10);
        var orderId = await sitoo.Client.Orders.CreateAsync(new()
        {
            OrderType = Connectors.Sitoo.Models.SitooOrderType.Order,
            WarehouseId = online,
            OrderItems = [new() { ProductName = "Sofa", Sku = "A", Quantity = 3, MoneyRowPrice = 30m, VatValue = 25m }],
        });

        await sitoo.Client.Orders.AddDeliveryAsync(orderId, new() { WarehouseId = online, OrderDeliveryItems = [new() { OrderItemId = 0, Quantity = 3 }] });

        Assert.Equal(7, sitoo.Simulator.GetStock(online, "A").Total);
        Assert.Empty(sitoo.Simulator.GetStockMovements());
        Assert.Throws<InvalidOperationException>(() => sitoo.Simulator.AdjustStock(online, "A", 1));
    }
}
