using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Connectors.Sync.Engine.Tests.Returns.ReturnScenario;

namespace Connectors.Sync.Engine.Tests.Returns;

public sealed class RepeatedReturnProperties
{
    private static readonly string[] Skus = [Sku, "SKU-2"];

    /// <summary>One visit to a store returning some units of one line (trimmed to what is left to return).</summary>
    private sealed record Visit(int Line, int Quantity, bool SecondStore);

    private static readonly Gen<(int[] Bought, Visit[] Visits)> Cases =
        from bought in Gen.Choose(1, 3).ArrayOf(Skus.Length)
        from count in Gen.Choose(1, 4)
        from visits in (from line in Gen.Choose(0, Skus.Length - 1)
                        from quantity in Gen.Choose(1, 3)
                        from second in Gen.Elements(false, true)
                        select new Visit(line, quantity, second)).ArrayOf(count)
        select (bought, visits);

    [Property(MaxTest = 8)]
    public Property Any_sequence_of_store_returns_is_summed_into_one_refund_state_and_stock_comes_back_once() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Task.Run(() => HoldsAsync(c.Bought, c.Visits)).GetAwaiter().GetResult()); // properties run synchronously

    private static async Task<bool> HoldsAsync(int[] bought, Visit[] visits)
    {
        await using var harness = await StartAsync();
        foreach (var sku in Skus)
        {
            harness.AddProduct(sku, store1: 10);
        }

        await SyncAfterPollAsync(harness);
        var order = harness.Shop.PayOrder(harness.Shop.PlaceOrder(new ShopOrderDraft(
            ShopBuyer.Guest("anna@example.com", "Anna", "Berg"), [.. Skus.Select((sku, i) => new ShopOrderLine(sku, bought[i]))])).Id);
        var sitooOrder = await ExportAsync(harness, order);
        harness.Pos.PickUpWebOrder(sitooOrder);
        await DeliverOrderDeliveryEventAsync(harness, sitooOrder);
        await SyncAfterPollAsync(harness);

        var returned = new int[Skus.Length];
        foreach (var visit in visits)
        {
            var quantity = Math.Min(visit.Quantity, bought[visit.Line] - returned[visit.Line]);
            if (quantity == 0)
            {
                continue;
            }

            returned[visit.Line] += quantity;
            harness.Pos.ReturnAtPos(visit.SecondStore ? harness.Store2 : harness.Store1, sitooOrder, [new SitooReturnLine(Skus[visit.Line], quantity)]);
            await SyncAfterPollAsync(harness);
        }

        var all = returned.SequenceEqual(bought);
        var shop = harness.Shop.GetOrder(order.Id);
        return shop.TransactionState == (all ? "refunded" : "refunded_partially")
            && shop.DeliveryState == (all ? "returned" : "returned_partially")
            && new[] { ("order_transaction", "refund"), ("order_transaction", "refund_partially"), ("order_delivery", "retour"), ("order_delivery", "retour_partially") }
                .All(t => Transitions(harness, t.Item1, t.Item2) <= 1)
            && Skus.All(sku => harness.Shop.GetProduct(sku).Stock == harness.ExpectedShopStock(sku))
            && (await ExceptionsAsync(harness)).Count == 0;
    }
}
