using Connectors.Sitoo.Models;

namespace Connectors.Testing.Tests.Sitoo;

/// <summary>Signed rows, payments and the round-off Sitoo derives from them on a written order.</summary>
public class SitooOrderMoneyTests
{
    private static SitooNewOrder Order(IReadOnlyList<SitooNewOrderItem> items, params SitooNewOrderPayment[] payments) => new()
    {
        OrderType = SitooOrderType.Order,
        ExternalId = "10042",
        Email = "anna@example.com",
        PaymentState = SitooPaymentState.Successful,
        CurrencyCode = "SEK",
        OrderItems = items,
        Payments = payments.Length == 0 ? null : payments,
    };

    private static SitooNewOrderItem Row(string sku, decimal gross, decimal vat = 25m) =>
        new() { ProductName = sku, Sku = sku, Quantity = 1, MoneyRowPrice = gross, VatValue = vat };

    [Fact]
    public async Task A_negative_discount_row_keeps_its_sign_so_the_order_adds_up()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.AddProduct("A-1", "Sofa", 400m);
        sitoo.Simulator.AddProduct("DISCOUNT-01", "Discount", 0m);

        var orderId = await sitoo.Client.Orders.CreateAsync(Order([Row("A-1", 400.00m), Row("DISCOUNT-01", -40.00m)]));
        var order = await sitoo.Client.Orders.GetAsync(orderId);

        var discount = order.OrderItems!.Single(item => item.Sku == "DISCOUNT-01");
        Assert.Equal((-32.00m, -8.00m), (discount.MoneyItemTotalNet, discount.MoneyItemTotalVat));
        Assert.Equal(360.00m, order.MoneyTotalGrossAll);
    }

    [Fact]
    public async Task The_round_off_is_what_the_payments_cover_beyond_the_rows_and_payments_read_back()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.AddProduct("A-1", "Shirt", 99.40m);
        var payment = new SitooNewOrderPayment
        {
            Name = "Klarna",
            MoneyAmount = 199.00m,
            ExternalId = "7a7a",
            AdditionalData = new Dictionary<string, string> { ["payment-method"] = "payment_klarna" },
        };

        var orderId = await sitoo.Client.Orders.CreateAsync(Order([Row("A-1", 198.80m)], payment));
        var order = await sitoo.Client.Orders.GetAsync(orderId);

        Assert.Equal((0.20m, 199.00m), (order.MoneyTotalGrossRoundoff, order.MoneyTotalGrossAll));
        var read = Assert.Single(order.Payments!);
        Assert.Equal(("Klarna", 199.00m, "7a7a", "payment_klarna"), (read.Name, read.MoneyAmount, read.ExternalId, read.AdditionalData?["payment-method"]));
    }

    [Fact]
    public async Task Without_payments_there_is_no_round_off()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.AddProduct("A-1", "Shirt", 99.40m);

        var order = await sitoo.Client.Orders.GetAsync(await sitoo.Client.Orders.CreateAsync(Order([Row("A-1", 198.80m)])));

        Assert.Equal((0m, 198.80m), (order.MoneyTotalGrossRoundoff, order.MoneyTotalGrossAll));
    }
}
