using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Testing.Shopware;

namespace Connectors.Testing.Tests.Shopware;

public class ShopwareOrderTests
{
    private static ShopOrderDraft Guest(params ShopOrderLine[] lines) => new(ShopBuyer.Guest("ann@example.com", "Ann", "Lee"), lines);

    [Fact]
    public async Task Placing_an_order_decrements_stock_and_only_a_cancel_restores_it()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));

        var order = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 3)));
        Assert.Equal(7, shop.Simulator.GetProduct("A").Stock);
        Assert.Equal(3, shop.Simulator.GetProduct("A").Sales);

        shop.Simulator.PayOrder(order.Id);
        shop.Simulator.ShipOrder(order.Id);
        shop.Simulator.Transition(ShopStateMachine.Delivery, order.DeliveryId, "retour");
        shop.Simulator.Transition(ShopStateMachine.Transaction, order.TransactionId, "refund");
        Assert.Equal(7, shop.Simulator.GetProduct("A").Stock);

        shop.Simulator.CancelOrder(order.Id);
        Assert.Equal(10, shop.Simulator.GetProduct("A").Stock);

        shop.Simulator.Transition(ShopStateMachine.Order, order.Id, "reopen");
        Assert.Equal(7, shop.Simulator.GetProduct("A").Stock);
    }

    [Fact]
    public async Task A_closeout_is_unavailable_at_zero_and_cannot_be_oversold()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("C", 2) { IsCloseout = true });
        shop.Simulator.AddProduct(new ShopProductDraft("N", 1));

        Assert.Throws<InvalidOperationException>(() => shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("C", 3))));
        shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("C", 2), new ShopOrderLine("N", 3)));

        Assert.False(shop.Simulator.GetProduct("C").Available);
        Assert.Equal(0, shop.Simulator.GetProduct("C").AvailableStock);
        // Without closeout the product stays purchasable at negative stock (backorder).
        Assert.Equal(-2, shop.Simulator.GetProduct("N").Stock);
        Assert.True(shop.Simulator.GetProduct("N").Available);
    }

    [Theory]
    [InlineData(ShopTaxStatus.Gross, 10.0, 0.0, 4.95)]
    [InlineData(ShopTaxStatus.Gross, null, 7.5, 0.0)]
    [InlineData(ShopTaxStatus.Net, 15.0, 0.0, 5.0)]
    [InlineData(ShopTaxStatus.Net, null, 3.33, 0.0)]
    public async Task Order_money_adds_up_and_promotions_carry_their_composition(ShopTaxStatus status, double? percentage, double amount, double shipping)
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10) { GrossPrice = 19.99m });
        shop.Simulator.AddProduct(new ShopProductDraft("B", 10) { GrossPrice = 7.77m, TaxRate = 7m });
        var promotion = new ShopPromotion("Sale", "SALE", percentage is null ? null : (decimal)percentage, percentage is null ? (decimal)amount : null);

        var placed = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 3), new ShopOrderLine("B", 1)) with
        {
            Promotions = [promotion],
            ShippingCosts = (decimal)shipping,
            TaxStatus = status,
        });
        var order = (await shop.Client().Orders.SearchAsync(ShopwareCriteria.ForOrderDetails().Filter(ShopwareFilter.EqualTo("id", placed.Id)))).Items.Single();

        var lines = order.LineItems!;
        var promotionLine = lines.Single(l => l.Type == ShopwareLineItemTypes.Promotion);
        var composition = promotionLine.Payload!.Value.GetProperty("composition").EnumerateArray().Select(c => c.GetProperty("discount").GetDecimal()).Sum();
        Assert.Equal(-promotionLine.TotalPrice, composition);
        Assert.Equal("SALE", promotionLine.ReferencedId);
        Assert.Equal(lines.Sum(l => l.TotalPrice), order.PositionPrice);
        var tax = order.Price!.CalculatedTaxes.Sum(t => t.Tax);
        var expectedTotal = status == ShopTaxStatus.Gross ? order.PositionPrice + order.ShippingTotal : order.PositionPrice + order.ShippingTotal + tax;
        Assert.Equal(expectedTotal, order.AmountTotal);
        Assert.Equal(order.AmountTotal - tax, order.AmountNet);
        Assert.Equal(status == ShopTaxStatus.Gross ? "gross" : "net", order.TaxStatus);
    }

    [Fact]
    public async Task The_promotion_line_has_the_documented_shape()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        var placed = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 1)) with { Promotions = [new ShopPromotion("Summer sale", "SUMMER10", Percentage: 10)] });

        var (_, body) = await shop.CallAsync("api/search/order", JsonNode.Parse("""{"associations":{"lineItems":{}}}""")!);

        var promotion = body!["data"]![0]!["lineItems"]!.AsArray().Single(l => l!["type"]!.GetValue<string>() == "promotion");
        var documented = Fixture.Load("order-line-item-promotion.synthetic.json").AsObject();
        foreach (var field in new[] { "id", "orderId", "productId", "promotionId", "identifier", "referencedId", "quantity", "label", "good", "price", "unitPrice", "totalPrice", "type", "payload" })
        {
            Fixture.AssertShapeCovers(documented[field], promotion![field], field);
        }
        Assert.Equal(placed.Id, promotion!["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Registered_and_guest_buyers_become_customers_with_the_guest_flag()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        var registered = shop.Simulator.RegisterCustomer("bo@example.com", "Bo", "Ek");

        var first = shop.Simulator.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(registered), [new ShopOrderLine("A", 1)]));
        var second = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 1)));
        var third = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 1)));

        var customers = await shop.Client().Customers.SearchAsync(new ShopwareCriteria().Filter(ShopwareFilter.EqualTo("guest", true)));
        Assert.Equal(registered, first.CustomerId);
        Assert.NotEqual(second.CustomerId, third.CustomerId);
        Assert.Equal([second.CustomerId, third.CustomerId], customers.Items.Select(c => c.Id));
        Assert.All(customers.Items, c => Assert.Equal("ann@example.com", c.Email));
    }

    [Fact]
    public async Task Concurrent_orders_and_stock_writes_keep_the_books_straight()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 100));

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 2))))));

        var product = shop.Simulator.GetProduct("A");
        Assert.Equal(20, product.Stock);
        Assert.Equal(80, product.Sales);
        Assert.Equal(40, (await shop.CallAsync("api/search-ids/order", new JsonObject { ["total-count-mode"] = "exact" })).Body!["total"]!.GetValue<int>());
    }
}
