using Connectors.Testing.Shopware;
using FsCheck;
using FsCheck.Fluent;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Orders;

/// <summary>Random online orders end in Sitoo with Shopware's total to the cent, or on the exception list; never in between.</summary>
public sealed class OrderTotalsProperties
{
    private static readonly string[] Skus = ["P-1", "P-2", "P-3"];

    private static readonly Gen<ShopPromotion> Promotion =
        from percentage in Gen.Choose(1, 40)
        from cents in Gen.Choose(1, 3_000)
        from isPercentage in Gen.Elements(true, false)
        select isPercentage
            ? new ShopPromotion($"{percentage} % off", string.Empty, Percentage: percentage)
            : new ShopPromotion("Amount off", "CODE" + cents, Amount: cents / 100m);

    private static readonly Gen<ShopOrderDraft> Order =
        from quantities in Gen.Choose(0, 3).ArrayOf(Skus.Length)
        from prices in Gen.Choose(1, 9_999).ArrayOf(Skus.Length)
        from promotions in Gen.Choose(0, 2).SelectMany(count => Promotion.ArrayOf(count))
        from shipping in Gen.Elements(0m, 0m, 0m, 4.90m)
        from net in Gen.Elements(false, false, true)
        from buyer in Gen.Choose(1, 4)
        select new ShopOrderDraft(
            ShopBuyer.Guest($"buyer{buyer}@example.com", "Buyer", buyer.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Lines(quantities, prices))
        {
            Promotions = promotions,
            ShippingCosts = shipping,
            TaxStatus = net ? ShopTaxStatus.Net : ShopTaxStatus.Gross,
        };

    [Fact]
    public async Task Every_order_reaches_Sitoo_with_the_Shopware_total_to_the_cent_or_is_reported()
    {
        await using var harness = await StartAsync();
        foreach (var sku in Skus)
        {
            harness.AddProduct(sku, dc: 1_000);
        }

        await harness.SyncAsync();
        var placed = Order.Sample(20, 25).Select(draft => (draft.Buyer.Email, Order: harness.Shop.PlaceOrder(draft))).ToList();
        await harness.SyncAsync();

        var problems = (await ExceptionsAsync(harness)).ToLookup(problem => problem.Entity.Id, StringComparer.Ordinal);
        var buyers = new HashSet<string?>(StringComparer.Ordinal);
        foreach (var (email, order) in placed)
        {
            var sitooOrders = harness.Pos.FindOrdersByExternalId(order.OrderNumber);
            if (sitooOrders.Count == 1)
            {
                buyers.Add(email);
                var total = Money(harness.Pos.GetOrderSnapshot(sitooOrders[0])!["moneytotal_gross_all"]);
                Assert.Equal(harness.Shop.GetOrder(order.Id).AmountTotal, total);
                Assert.Empty(problems[order.OrderNumber]);
            }
            else
            {
                Assert.Empty(sitooOrders);
                Assert.NotEmpty(problems[order.OrderNumber]);
            }
        }

        Assert.True(buyers.Count > 0, "No generated order was exportable; the property would say nothing.");

        // One Sitoo user per exported buyer: never a shared customer, never one per order.
        Assert.Equal(buyers.Count, UsersCreated(harness.Pos));
    }

    private static ShopOrderLine[] Lines(int[] quantities, int[] prices)
    {
        var lines = Skus.Select((sku, index) => new ShopOrderLine(sku, quantities[index], prices[index] / 100m)).Where(line => line.Quantity > 0).ToArray();
        return lines.Length > 0 ? lines : [new ShopOrderLine(Skus[0], 1, prices[0] / 100m)];
    }
}
