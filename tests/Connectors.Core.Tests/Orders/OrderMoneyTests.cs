using Connectors.Core.Orders;

namespace Connectors.Core.Tests.Orders;

/// <summary>Cash rounding, currency precision, shipping at several rates, payments and discount rows of a translation.</summary>
public class OrderMoneyTests
{
    private static readonly OrderTranslator _translator = new();

    private static readonly ShopwareOrderPayment _klarna = new("7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a")
    {
        MethodName = "Klarna Pay Later",
        MethodTechnicalName = "payment_klarna_pay_later",
    };

    private static SitooOrderDraft Draft(OrderTranslationResult result) =>
        Assert.IsType<OrderTranslationResult.Translated>(result).Draft;

    private static OrderTranslationFailure SingleFailure(OrderTranslationResult result) =>
        Assert.Single(Assert.IsType<OrderTranslationResult.Failed>(result).Failures);

    /// <summary>An order rounded as Shopware rounds a currency with a cash total rounding.</summary>
    private static ShopwareOrderSnapshot Rounded(ShopwareOrderSnapshot order, decimal rawTotal, decimal amountTotal, decimal interval) =>
        order with
        {
            RawTotal = rawTotal,
            AmountTotal = amountTotal,
            ItemRounding = new CashRounding(2, 0.01m),
            TotalRounding = new CashRounding(2, interval),
            Payment = _klarna,
        };

    [Fact]
    public void A_SEK_total_rounded_to_whole_kronor_keeps_the_lines_and_carries_the_rounding_as_round_off_and_payment()
    {
        var order = Rounded(new OrderBuilder().Product("l1", "SKU-A", 2, 99.40m, 25).Build(), rawTotal: 198.80m, amountTotal: 199.00m, interval: 1.00m);

        var translated = Assert.IsType<OrderTranslationResult.Translated>(_translator.Translate(order));
        var draft = translated.Draft;

        Assert.Equal(198.80m, Assert.Single(draft.Items).MoneyRowPrice);
        Assert.Null(translated.RoundingAdjustment);
        Assert.Equal((0.20m, 198.80m, 199.00m), (draft.RoundOff, draft.RowsGross, draft.TotalGross));
        var payment = Assert.Single(draft.Payments);
        Assert.Equal(("Klarna Pay Later", 199.00m, _klarna.TransactionId), (payment.Name, payment.Amount, payment.ExternalId));
        Assert.Equal("payment_klarna_pay_later", payment.AdditionalData[SitooPaymentDraft.PaymentMethodKey]);
        Assert.Equal(order.Id, payment.AdditionalData[SitooPaymentDraft.ShopwareOrderIdKey]);
    }

    [Fact]
    public void A_CHF_total_rounded_to_five_rappen_rounds_down_through_the_round_off_not_a_product_line()
    {
        var order = Rounded(
            new OrderBuilder().Product("l1", "SKU-A", 1, 7.51m, 8.1m).Product("l2", "SKU-B", 1, 2.51m, 8.1m).Build(),
            rawTotal: 10.02m,
            amountTotal: 10.00m,
            interval: 0.05m);

        var draft = Draft(_translator.Translate(order));

        Assert.Equal([7.51m, 2.51m], draft.Items.Select(item => item.PaidGross));
        Assert.Equal(-0.02m, draft.RoundOff);
        Assert.Equal(10.00m, Assert.Single(draft.Payments).Amount);
    }

    [Theory]
    [InlineData(198.80, 200.00, 1.00)]
    [InlineData(10.02, 10.10, 0.05)]
    [InlineData(10.02, 10.00, 0.01)]
    public void A_round_off_larger_than_rounding_to_the_interval_gives_is_a_total_mismatch(double raw, double total, double interval)
    {
        var order = Rounded(new OrderBuilder().Product("l1", "SKU-A", 1, (decimal)raw, 25).Build(), (decimal)raw, (decimal)total, (decimal)interval);

        Assert.Equal(OrderTranslationReason.TotalMismatch, SingleFailure(_translator.Translate(order)).Reason);
    }

    [Fact]
    public void A_cash_rounded_order_without_a_payment_cannot_carry_its_round_off()
    {
        var order = Rounded(new OrderBuilder().Product("l1", "SKU-A", 2, 99.40m, 25).Build(), 198.80m, 199.00m, 1.00m) with { Payment = null };

        var failure = SingleFailure(_translator.Translate(order));

        Assert.Equal(OrderTranslationReason.TotalMismatch, failure.Reason);
        Assert.Contains("no payment", failure.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Yen_are_allocated_in_whole_yen_and_the_draft_records_the_precision()
    {
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 1000m, 10)
            .Product("l2", "SKU-B", 1, 1000m, 10)
            .Product("l3", "SKU-C", 1, 1000m, 10)
            .AbsolutePromotion("p1", "Hundred off", 100m)
            .Build() with
        {
            CurrencyIsoCode = "JPY",
            ItemRounding = new CashRounding(0, 1m),
            TotalRounding = new CashRounding(0, 1m),
        };
        var discountProduct = new OrderTranslator(new OrderTranslationOptions { Promotions = new DiscountProductPromotionPolicy("DISCOUNT") });

        var spread = Draft(_translator.Translate(order));
        var rows = Draft(discountProduct.Translate(order));

        Assert.Equal(0, spread.Precision.MinorUnitDigits);
        Assert.All(spread.Items, item => Assert.Equal(decimal.Truncate(item.MoneyRowDiscount), item.MoneyRowDiscount));
        Assert.Equal(100m, spread.Items.Sum(item => item.MoneyRowDiscount));
        Assert.All(rows.DiscountRowShares.Values, share => Assert.Equal(decimal.Truncate(share), share));
        Assert.Equal(order.AmountTotal, spread.TotalGross);
        Assert.Equal(order.AmountTotal, rows.TotalGross);
    }

    [Theory]
    [InlineData("KWD", 3, 0.001)]
    [InlineData("CHF", 2, 0.001)]
    public void A_currency_finer_than_Sitoo_money_is_refused_with_the_currency_named(string currency, int decimals, double interval)
    {
        var order = new OrderBuilder().Product("l1", "SKU-A", 1, 12.345m, 0).Build() with
        {
            CurrencyIsoCode = currency,
            ItemRounding = new CashRounding(decimals, (decimal)interval),
        };

        var failure = SingleFailure(_translator.Translate(order));

        Assert.Equal(OrderTranslationReason.UnsupportedCurrencyPrecision, failure.Reason);
        Assert.StartsWith(currency + " amounts are rounded to " + decimals + " decimals", failure.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipping_taxed_at_two_rates_keeps_both_rates_and_their_VAT()
    {
        var builder = new OrderBuilder().Product("l1", "SKU-A", 1, 100.00m, 25).Product("l2", "SKU-B", 1, 25.00m, 12);
        var order = builder.Build() with
        {
            ShippingCosts = new ShopwarePrice(49.00m, [new ShopwareTaxSnapshot(7.84m, 25m, 39.20m), new ShopwareTaxSnapshot(1.05m, 12m, 9.80m)])
            {
                TaxRuleRates = [25m, 12m],
            },
            AmountTotal = 174.00m,
        };

        var draft = Draft(_translator.Translate(order));

        Assert.Equal(
            [new SitooDeliveryPart(25m, 39.20m, 7.84m), new SitooDeliveryPart(12m, 9.80m, 1.05m)],
            draft.Delivery.Parts);
        Assert.Equal(174.00m, draft.TotalGross);
    }

    [Fact]
    public void A_delivery_promotion_reduces_each_shipping_rate_in_proportion()
    {
        var builder = new OrderBuilder().Product("l1", "SKU-A", 1, 100.00m, 25).Product("l2", "SKU-B", 1, 25.00m, 12);
        var order = builder.DeliveryPromotion("d1", "Half shipping", 24.50m, 25m).Build() with
        {
            ShippingCosts = new ShopwarePrice(49.00m, [new ShopwareTaxSnapshot(7.84m, 25m, 39.20m), new ShopwareTaxSnapshot(1.05m, 12m, 9.80m)]),
            AmountTotal = 149.50m,
        };

        var draft = Draft(_translator.Translate(order));

        // Half of each part, each part's VAT halved and rounded to the cent.
        Assert.Equal(
            [new SitooDeliveryPart(25m, 19.60m, 3.92m), new SitooDeliveryPart(12m, 4.90m, 0.53m)],
            draft.Delivery.Parts);
        Assert.Equal(149.50m, draft.TotalGross);
    }

    [Fact]
    public void Discount_row_shares_follow_the_composition_in_gross()
    {
        var order = new OrderBuilder(ShopwareTaxStatus.Net)
            .Product("l1", "SKU-A", 1, 80.00m, 25)
            .Product("l2", "SKU-B", 1, 50.00m, 12)
            .Promotion("p1", "Spring", ("l1", 8.00m), ("l2", 5.00m))
            .Build();
        var translator = new OrderTranslator(new OrderTranslationOptions { Promotions = new DiscountProductPromotionPolicy("DISCOUNT") });

        var draft = Draft(translator.Translate(order));

        // Net discounts 8.00 at 25 % and 5.00 at 12 % are 10.00 and 5.60 gross.
        Assert.Equal(new Dictionary<string, decimal> { ["l1"] = 10.00m, ["l2"] = 5.60m }, draft.DiscountRowShares);
        Assert.Equal(-draft.Items.Where(item => item.Kind == SitooOrderItemKind.Discount).Sum(item => item.PaidGross), draft.DiscountRowShares.Values.Sum());
    }

    [Fact]
    public void Discount_row_shares_without_composition_follow_the_line_values()
    {
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 60.00m, 25)
            .Product("l2", "SKU-B", 2, 20.00m, 25)
            .AbsolutePromotion("p1", "Ten off", 10.00m)
            .Build();
        var translator = new OrderTranslator(new OrderTranslationOptions { Promotions = new DiscountProductPromotionPolicy("DISCOUNT") });

        var draft = Draft(translator.Translate(order));

        Assert.Equal(new Dictionary<string, decimal> { ["l1"] = 6.00m, ["l2"] = 4.00m }, draft.DiscountRowShares);
        var row = Assert.Single(draft.Items, item => item.Kind == SitooOrderItemKind.Discount);
        Assert.Equal((1m, -10.00m), (row.Quantity, row.MoneyRowPrice));
    }

    [Fact]
    public void The_tax_rounding_bound_does_not_grow_with_the_number_of_lines()
    {
        var builder = new OrderBuilder(ShopwareTaxStatus.Net);
        for (var i = 0; i < 10; i++)
        {
            builder.Product($"l{i}", $"SKU-{i}", 1, 10.00m, 25);
        }

        var order = builder.Build();

        Assert.IsType<OrderTranslationResult.Translated>(_translator.Translate(order with { AmountTotal = order.AmountTotal + 0.01m }));
        Assert.Equal(OrderTranslationReason.TotalMismatch, SingleFailure(_translator.Translate(order with { AmountTotal = order.AmountTotal + 0.02m })).Reason);
    }

    [Fact]
    public void The_preview_shows_the_cash_rounding_and_each_shipping_rate()
    {
        var order = Rounded(new OrderBuilder().Product("l1", "SKU-A", 1, 99.80m, 25).Build(), rawTotal: 148.80m, amountTotal: 149.00m, interval: 1.00m) with
        {
            ShippingCosts = new ShopwarePrice(49.00m, [new ShopwareTaxSnapshot(7.84m, 25m, 39.20m), new ShopwareTaxSnapshot(1.05m, 12m, 9.80m)]),
        };

        var text = OrderTranslationPreview.ToText(OrderTranslationPreview.Create(_translator, order));

        Assert.Contains("Cash rounding: 0.20 SEK, carried by the payment", text, StringComparison.Ordinal);
        Assert.Contains("     39.20 at VAT 25% (VAT 7.84)", text, StringComparison.Ordinal);
        Assert.Contains("      9.80 at VAT 12% (VAT 1.05)", text, StringComparison.Ordinal);
    }
}
