using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Testing.Shopware;

namespace Connectors.Testing.Tests.Shopware;

/// <summary>Orders in other currencies, with cash rounding, shipping at several rates, credits and no tax.</summary>
public class ShopwareOrderMoneyTests
{
    private static ShopOrderDraft Guest(params ShopOrderLine[] lines) => new(ShopBuyer.Guest("ann@example.com", "Ann", "Lee"), lines);

    private static async Task<ShopwareOrder> ReadAsync(ShopwareTestShop shop, string orderId) =>
        (await shop.Client().Orders.SearchAsync(ShopwareCriteria.ForOrderDetails().Filter(ShopwareFilter.EqualTo("id", orderId)))).Items.Single();

    [Theory]
    [InlineData(1.00, 198.80, 199.00)]
    [InlineData(1.00, 198.40, 198.00)]
    [InlineData(0.05, 10.02, 10.00)]
    [InlineData(0.05, 10.03, 10.05)]
    public async Task The_total_is_cash_rounded_to_the_currency_interval_and_the_raw_total_kept(double interval, double raw, double rounded)
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        var currency = new ShopCurrency("SEK") { TotalInterval = (decimal)interval };

        var placed = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 1, (decimal)raw)) with { Currency = currency, PaymentMethod = new ShopPaymentMethod("Swish", "payment_swish") });
        var order = await ReadAsync(shop, placed.Id);

        Assert.Equal(((decimal)raw, (decimal)rounded), (order.Price!.RawTotal, order.AmountTotal));
        Assert.Equal((2, 0.01m, 2, (decimal)interval), (order.ItemRounding!.Decimals, order.ItemRounding.Interval, order.TotalRounding!.Decimals, order.TotalRounding.Interval));
        Assert.Equal(("SEK", order.CurrencyId), (order.Currency?.IsoCode, order.Currency?.Id));
        Assert.NotEqual(ShopwareSimulator.DefaultCurrencyId, order.CurrencyId);
        var transaction = Assert.Single(order.Transactions!);
        Assert.Equal(((decimal)rounded, "Swish", "payment_swish"), (transaction.Amount!.TotalPrice, transaction.PaymentMethod?.Name, transaction.PaymentMethod?.TechnicalName));
    }

    [Fact]
    public async Task The_currency_is_only_rendered_when_requested_and_one_currency_keeps_one_id()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        var chf = new ShopCurrency("CHF") { TotalInterval = 0.05m };
        var first = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 1)) with { Currency = chf });
        var second = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 2)) with { Currency = chf });

        var (_, bare) = await shop.CallAsync("api/search/order", JsonNode.Parse("""{"associations":{"lineItems":{}}}""")!);

        Assert.All(bare!["data"]!.AsArray(), order => Assert.Null(order!["currency"]));
        Assert.Equal((await ReadAsync(shop, first.Id)).Currency?.Id, (await ReadAsync(shop, second.Id)).Currency?.Id);
    }

    [Fact]
    public async Task Yen_have_no_decimals_anywhere()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10) { TaxRate = 10m });
        shop.Simulator.AddProduct(new ShopProductDraft("B", 10) { TaxRate = 8m });

        var placed = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 1, 1234m), new ShopOrderLine("B", 3, 333m)) with
        {
            Currency = new ShopCurrency("JPY", Decimals: 0),
            Promotions = [new ShopPromotion("Sale", "SALE", Percentage: 7m)],
            ShippingCosts = 550m,
            ShippingTax = ShopShippingTax.Auto,
        });
        var order = await ReadAsync(shop, placed.Id);

        var amounts = order.LineItems!.SelectMany(line => line.Price!.CalculatedTaxes.Select(tax => tax.Tax).Append(line.Price.TotalPrice))
            .Concat(order.ShippingCosts!.CalculatedTaxes.Select(tax => tax.Tax))
            .Append(order.AmountTotal!.Value);
        Assert.All(amounts, amount => Assert.Equal(decimal.Truncate(amount), amount));
        Assert.Equal(0, order.ItemRounding!.Decimals);
    }

    [Fact]
    public async Task Auto_shipping_tax_follows_the_cart_rates_in_proportion()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("SHIRT", 10) { TaxRate = 25m });
        shop.Simulator.AddProduct(new ShopProductDraft("BOOK", 10) { TaxRate = 12m });

        var placed = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("SHIRT", 1, 60.00m), new ShopOrderLine("BOOK", 2, 20.00m)) with
        {
            ShippingCosts = 50.00m,
            ShippingTax = ShopShippingTax.Auto,
        });
        var order = await ReadAsync(shop, placed.Id);

        // The cart is 60.00 at 25 % and 40.00 at 12 %, so shipping is taxed 60 : 40.
        var taxes = order.ShippingCosts!.CalculatedTaxes.Select(tax => (tax.TaxRate, tax.Price, tax.Tax));
        Assert.Equal([(25m, 30.00m, 6.00m), (12m, 20.00m, 2.14m)], taxes);
        Assert.Equal(150.00m, order.AmountTotal);
    }

    [Fact]
    public async Task A_credit_is_a_negative_line_and_a_tax_free_order_has_no_taxes()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10) { TaxRate = 25m });

        var placed = shop.Simulator.PlaceOrder(Guest(new ShopOrderLine("A", 2, 40.00m)) with
        {
            Credits = [new ShopCredit("Goodwill", 5.00m)],
            ShippingCosts = 4.90m,
            TaxStatus = ShopTaxStatus.TaxFree,
        });
        var order = await ReadAsync(shop, placed.Id);

        var credit = Assert.Single(order.LineItems!, line => line.Type == ShopwareLineItemTypes.Credit);
        Assert.Equal(-5.00m, credit.TotalPrice);
        Assert.Equal(("tax-free", 79.90m), (order.TaxStatus, order.AmountTotal));
        Assert.All(order.LineItems!, line => Assert.Empty(line.Price!.CalculatedTaxes));
        Assert.Empty(order.ShippingCosts!.CalculatedTaxes);
    }
}
