using Connectors.Testing.Sitoo;
using FsCheck;
using FsCheck.Xunit;

namespace Connectors.Testing.Tests.Sitoo;

public class SitooLedgerInvariantTests
{
    // Any mix of everything that moves FIFO stock (manual in/out, POS sales, returns, stocktakings): the level is
    // always the running sum of the transactions, and transaction ids only grow.
    [Property(MaxTest = 40)]
    public void Fifo_levels_are_the_running_sum_of_their_transactions(NonEmptyArray<(byte Kind, byte Sku, sbyte Amount)> steps)
    {
        var sitoo = new SitooSimulator();
        try
        {
            var store = sitoo.AddStore("Gallerian");
            string[] skus = ["A", "B", "C"];
            foreach (var sku in skus)
            {
                sitoo.AddProduct(sku, sku, 10m);
            }
            var sales = new List<long>();
            foreach (var (kind, skuIndex, amount) in steps.Get)
            {
                var sku = skus[skuIndex % skus.Length];
                switch (kind % 4)
                {
                    case 0 when amount != 0:
                        sitoo.AdjustStock(store.WarehouseId, sku, amount);
                        break;
                    case 1:
                        sales.Add(sitoo.SellAtPos(store, [new(sku, 1 + Math.Abs(amount % 3))]).OrderId);
                        break;
                    case 2 when sales.Count > 0:
                        var sale = sales[Math.Abs((int)amount) % sales.Count];
                        var bought = sitoo.GetOrderSnapshot(sale)!["orderitems"]![0]!;
                        try
                        {
                            sitoo.ReturnAtPos(store, sale, [new((string)bought["sku"]!, 1)]);
                        }
                        catch (InvalidOperationException)
                        {
                            // Everything on that receipt came back already.
                        }
                        break;
                    case 3:
                        sitoo.RunStocktaking(store.WarehouseId, new Dictionary<string, decimal> { [sku] = Math.Abs((int)amount) % 20 });
                        break;
                }
            }

            var movements = sitoo.GetStockMovements(store.WarehouseId);
            foreach (var sku in skus)
            {
                var running = 0m;
                foreach (var movement in movements.Where(m => m.Sku == sku))
                {
                    running += movement.Quantity;
                    Assert.Equal(running, movement.TotalAfter);
                }
                Assert.Equal(running, sitoo.GetStock(store.WarehouseId, sku).Total);
            }
            Assert.Equal(movements.Select(m => m.WarehouseTransactionId).Order(), movements.Select(m => m.WarehouseTransactionId));
        }
        finally
        {
            sitoo.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
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
