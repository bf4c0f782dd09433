using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using static Connectors.Sync.Engine.Tests.Returns.ReturnScenario;

namespace Connectors.Sync.Engine.Tests.Returns;

public sealed class ScratchDebug(ITestOutputHelper output)
{
    [Fact]
    public async Task Debug()
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 10);
        harness.AddProduct("SKU-2", store1: 10);
        await harness.SyncAsync();
        var order = harness.Shop.PayOrder(harness.Shop.PlaceOrder(new ShopOrderDraft(
            ShopBuyer.Guest("anna@example.com", "Anna", "Berg"), [new ShopOrderLine(Sku, 3), new ShopOrderLine("SKU-2", 1)])).Id);
        var sitooOrder = await ExportAsync(harness, order);
        harness.Pos.PickUpWebOrder(sitooOrder);
        await DeliverOrderDeliveryEventAsync(harness, sitooOrder);
        await harness.SyncAsync();
        output.WriteLine(harness.Shop.GetOrder(order.Id).ToString());
        harness.Pos.ReturnAtPos(harness.Store2, sitooOrder, [new SitooReturnLine("SKU-2", 1)]);
        await harness.SyncAsync();
        output.WriteLine(harness.Shop.GetOrder(order.Id).ToString());
        harness.Pos.ReturnAtPos(harness.Store2, sitooOrder, [new SitooReturnLine(Sku, 3)]);
        await harness.SyncAsync();
        output.WriteLine(harness.Shop.GetOrder(order.Id).ToString());
        foreach (var sku in new[] { Sku, "SKU-2" })
        {
            output.WriteLine($"{sku} {harness.Shop.GetProduct(sku).Stock} {harness.ExpectedShopStock(sku)}");
        }

        foreach (var e in await ExceptionsAsync(harness))
        {
            output.WriteLine(e.ToString());
        }

        foreach (var c in harness.Shop.Calls.ByOperation)
        {
            output.WriteLine(c.ToString());
        }
    }
}
