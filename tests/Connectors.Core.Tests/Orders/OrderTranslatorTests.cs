using Connectors.Core.Orders;

namespace Connectors.Core.Tests.Orders;

public class OrderTranslatorTests
{
    private static readonly OrderTranslator _translator = new();

    private static OrderTranslationResult.Translated Translated(OrderTranslationResult result) =>
        Assert.IsType<OrderTranslationResult.Translated>(result);

    private static OrderTranslationFailure SingleFailure(OrderTranslationResult result) =>
        Assert.Single(Assert.IsType<OrderTranslationResult.Failed>(result).Failures);

    [Fact]
    public void Product_lines_map_by_product_number_with_gross_row_price_and_vat()
    {
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 2, 100.00m, 25)
            .Product("l2", "SKU-B", 1, 49.90m, 12)
            .Build();

        var draft = Translated(_translator.Translate(order)).Draft;

        Assert.Collection(
            draft.Items,
            item => Assert.Equal(("SKU-A", 2m, 200.00m, 0m, 25m, "l1"), (item.Sku, item.Quantity, item.MoneyRowPrice, item.MoneyRowDiscount, item.VatValue, item.SourceLineId)),
            item => Assert.Equal(("SKU-B", 1m, 49.90m, 0m, 12m, "l2"), (item.Sku, item.Quantity, item.MoneyRowPrice, item.MoneyRowDiscount, item.VatValue, item.SourceLineId)));
        Assert.Equal(order.OrderNumber, draft.ExternalId);
        Assert.Equal(249.90m, draft.TotalGross);
    }

    [Fact]
    public void Customer_contact_is_normalized_and_the_resolved_sitoo_user_is_recorded()
    {
        var order = new OrderBuilder().Product("l1", "SKU-A", 1, 10m, 25).Build();

        var draft = Translated(_translator.Translate(order, sitooUserId: "{3CCB9848-155A-49E1-7CA8-5F7F78FC3067}")).Draft;

        Assert.Equal("anna.svensson@example.com", draft.Email);
        Assert.Equal("+46701234567", draft.Phone);
        Assert.Equal("{3CCB9848-155A-49E1-7CA8-5F7F78FC3067}", draft.AdditionalData["sitoo-userid"]);
        Assert.Equal(order.Id, draft.AdditionalData["shopware-orderid"]);
    }

    [Theory]
    [InlineData(new[] { 10.00, 10.00, 10.00 }, 10.00, new[] { 3.34, 3.33, 3.33 })]
    [InlineData(new[] { 10.00, 20.00, 30.00 }, 10.00, new[] { 1.66, 3.33, 5.01 })]
    [InlineData(new[] { 200.00, 50.00 }, 30.00, new[] { 24.00, 6.00 })]
    [InlineData(new[] { 0.01, 99.99 }, 1.00, new[] { 0.00, 1.00 })]
    public void Promotions_without_composition_spread_in_proportion_with_the_remainder_on_the_largest_line(
        double[] lineTotals, double discount, double[] expectedShares)
    {
        var builder = new OrderBuilder();
        for (var i = 0; i < lineTotals.Length; i++)
        {
            builder.Product($"l{i}", $"SKU-{i}", 1, (decimal)lineTotals[i], 25);
        }

        var order = builder.AbsolutePromotion("promo", "Spring", (decimal)discount).Build();

        var translated = Translated(_translator.Translate(order));

        Assert.Equal(expectedShares.Select(share => (decimal)share), translated.Draft.Items.Select(item => item.MoneyRowDiscount));
        var allocation = Assert.Single(translated.Allocations);
        Assert.Equal(AllocationMethod.Proportional, allocation.Method);
        Assert.Equal(order.AmountTotal, translated.Draft.TotalGross);
    }

    [Fact]
    public void Promotions_with_composition_spread_exactly_as_the_composition_says()
    {
        // Proportional spreading would give 20.00 / 5.00; the composition puts everything on the second line.
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 2, 100.00m, 25)
            .Product("l2", "SKU-B", 1, 50.00m, 25)
            .Promotion("promo", "Buy A get B cheaper", ("l2", 25.00m))
            .Build();

        var translated = Translated(_translator.Translate(order));

        Assert.Equal([0m, 25.00m], translated.Draft.Items.Select(item => item.MoneyRowDiscount));
        Assert.Equal(AllocationMethod.Composition, Assert.Single(translated.Allocations).Method);
    }

    [Fact]
    public void Net_orders_become_gross_rows_with_each_lines_own_vat()
    {
        var order = new OrderBuilder(ShopwareTaxStatus.Net)
            .Product("l1", "SKU-A", 1, 100.00m, 25)
            .Product("l2", "SKU-B", 2, 100.00m, 6)
            .Promotion("promo", "Ten off", ("l1", 10.00m), ("l2", 20.00m))
            .Shipping(40.00m, 25)
            .Build();

        var translated = Translated(_translator.Translate(order));
        var draft = translated.Draft;

        // Gross rows: 100 + 25 VAT, 200 + 12 VAT. Discounts: 10 net at 25 % = 12.50, 20 net at 6 % = 21.20.
        Assert.Equal([125.00m, 212.00m], draft.Items.Select(item => item.MoneyRowPrice));
        Assert.Equal([12.50m, 21.20m], draft.Items.Select(item => item.MoneyRowDiscount));
        Assert.Equal([25m, 6m], draft.Items.Select(item => item.VatValue));
        Assert.Equal((40.00m, 10.00m), (draft.Delivery.Net, draft.Delivery.Vat));
        Assert.Equal(353.30m, order.AmountTotal);
        Assert.Equal(order.AmountTotal, draft.TotalGross);
        Assert.Null(translated.RoundingAdjustment);
    }

    [Fact]
    public void Tax_free_orders_carry_zero_vat()
    {
        var order = new OrderBuilder(ShopwareTaxStatus.TaxFree).Product("l1", "SKU-A", 3, 10.00m, 25).Build();

        var item = Assert.Single(Translated(_translator.Translate(order)).Draft.Items);

        Assert.Equal((30.00m, 0m), (item.MoneyRowPrice, item.VatValue));
    }

    [Fact]
    public void Shipping_goes_to_the_delivery_money_fields()
    {
        var order = new OrderBuilder().Product("l1", "SKU-A", 1, 100m, 25).Shipping(49.00m, 25).Build();

        var draft = Translated(_translator.Translate(order)).Draft;

        Assert.Equal((39.20m, 9.80m, 49.00m), (draft.Delivery.Net, draft.Delivery.Vat, draft.Delivery.TotalGross));
        Assert.Equal(149.00m, draft.TotalGross);
    }

    [Theory]
    [InlineData(49.00, 0.00, 0.00)]
    [InlineData(20.00, 23.20, 5.80)]
    public void Delivery_scope_promotions_reduce_the_delivery_money(double discount, double expectedNet, double expectedVat)
    {
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 100m, 25)
            .Shipping(49.00m, 25)
            .DeliveryPromotion("free-shipping", "Free shipping", (decimal)discount, 25)
            .Build();

        var translated = Translated(_translator.Translate(order));

        Assert.Equal(((decimal)expectedNet, (decimal)expectedVat), (translated.Draft.Delivery.Net, translated.Draft.Delivery.Vat));
        Assert.Equal(0m, Assert.Single(translated.Draft.Items).MoneyRowDiscount);
        Assert.Equal(AllocationMethod.Delivery, Assert.Single(translated.Allocations).Method);
        Assert.Equal(order.AmountTotal, translated.Draft.TotalGross);
    }

    [Fact]
    public void The_discount_product_policy_carries_a_promotion_as_one_row_per_vat_rate()
    {
        var translator = new OrderTranslator(new OrderTranslationOptions { Promotions = new DiscountProductPromotionPolicy("DISCOUNT") });
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 100.00m, 25)
            .Product("l2", "SKU-B", 1, 100.00m, 6)
            .AbsolutePromotion("promo", "Twenty off", 20.00m)
            .Build();

        var draft = Translated(translator.Translate(order)).Draft;

        var discounts = draft.Items.Where(item => item.Kind == SitooOrderItemKind.Discount).ToList();
        Assert.Equal([("DISCOUNT", -10.00m, 25m), ("DISCOUNT", -10.00m, 6m)], discounts.Select(item => (item.Sku, item.MoneyRowPrice, item.VatValue)));
        Assert.All(draft.Items.Where(item => item.Kind == SitooOrderItemKind.Product), item => Assert.Equal(0m, item.MoneyRowDiscount));
        Assert.Equal(180.00m, draft.TotalGross);
    }

    [Theory]
    [InlineData(ShopwareLineTypes.Credit, -15.00, "SVC-CREDIT")]
    [InlineData(ShopwareLineTypes.Custom, 25.00, "SVC-CUSTOM")]
    public void Credit_and_custom_lines_map_to_the_configured_service_products(string type, double amount, string expectedSku)
    {
        var services = new ServiceProductSkus { Credit = "SVC-CREDIT", Custom = "SVC-CUSTOM" };
        var translator = new OrderTranslator(new OrderTranslationOptions { Classifier = new DefaultLineItemClassifier(services) });
        var builder = new OrderBuilder().Product("l1", "SKU-A", 1, 100m, 25);
        var order = builder.Line(new ShopwareLineSnapshot("s1", type, "Goodwill", 1, builder.Priced((decimal)amount, 25))).Build();

        var draft = Translated(translator.Translate(order)).Draft;

        var service = Assert.Single(draft.Items, item => item.Kind == SitooOrderItemKind.Service);
        Assert.Equal((expectedSku, (decimal)amount, "s1"), (service.Sku, service.MoneyRowPrice, service.SourceLineId));
        Assert.Equal(order.AmountTotal, draft.TotalGross);
    }

    [Theory]
    [InlineData(ShopwareLineTypes.Credit, OrderTranslationReason.ServiceProductNotConfigured)]
    [InlineData(ShopwareLineTypes.Custom, OrderTranslationReason.ServiceProductNotConfigured)]
    [InlineData(ShopwareLineTypes.Container, OrderTranslationReason.UnsupportedLineType)]
    [InlineData("plugin-bundle", OrderTranslationReason.UnsupportedLineType)]
    public void Lines_without_a_rule_fail_the_order_naming_the_line(string type, OrderTranslationReason reason)
    {
        var builder = new OrderBuilder().Product("l1", "SKU-A", 1, 100m, 25);
        var order = builder.Line(new ShopwareLineSnapshot("x1", type, "Something", 1, builder.Priced(-5m, 25))).Build();

        var failure = SingleFailure(_translator.Translate(order));

        Assert.Equal((reason, "x1", "Something"), (failure.Reason, failure.LineId, failure.LineLabel));
        Assert.Contains(type, failure.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_line_without_product_number_is_a_missing_product_mapping()
    {
        var order = new OrderBuilder().Product("l1", null, 1, 100m, 25).Build();

        var failure = SingleFailure(_translator.Translate(order));

        Assert.Equal((OrderTranslationReason.MissingProductMapping, "l1"), (failure.Reason, failure.LineId));
    }

    [Fact]
    public void A_product_number_unknown_to_sitoo_is_a_missing_product_mapping_naming_the_sku()
    {
        var translator = new OrderTranslator(new OrderTranslationOptions
        {
            Classifier = new DefaultLineItemClassifier(knownSkus: new HashSet<string>(StringComparer.Ordinal) { "SKU-A" }),
        });
        var order = new OrderBuilder().Product("l1", "SKU-A", 1, 100m, 25).Product("l2", "sku-a", 1, 10m, 25).Build();

        var failure = SingleFailure(translator.Translate(order));

        Assert.Equal((OrderTranslationReason.MissingProductMapping, "l2", "sku-a"), (failure.Reason, failure.LineId, failure.Sku));
    }

    [Fact]
    public void Nothing_is_partial_every_failing_line_is_reported_and_no_draft_is_made()
    {
        var builder = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 100m, 25)
            .Product("l2", null, 1, 10m, 25)
            .Product("l3", "SKU-C", 1, 10m, 25);
        var order = builder.Line(new ShopwareLineSnapshot("c1", ShopwareLineTypes.Credit, "Goodwill", 1, builder.Priced(-5m, 25))).Build();

        var failed = Assert.IsType<OrderTranslationResult.Failed>(_translator.Translate(order));

        Assert.Equal(["l2", "c1"], failed.Failures.Select(failure => failure.LineId));
    }

    [Fact]
    public void A_composition_naming_a_line_that_is_not_a_product_line_fails_as_promotion_line_unmapped()
    {
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 100m, 25)
            .Product("gone", "SKU-B", 1, 10m, 25)
            .Promotion("promo", "Ghost", ("gone", 5m))
            .Build();
        var withoutLine = order with { LineItems = order.LineItems.Where(line => line.Id != "gone").ToList() };

        var failure = SingleFailure(_translator.Translate(withoutLine));

        Assert.Equal((OrderTranslationReason.PromotionLineUnmapped, "promo"), (failure.Reason, failure.LineId));
        Assert.Contains("gone", failure.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_promotion_with_no_product_to_spread_over_fails_as_promotion_line_unmapped()
    {
        var services = new ServiceProductSkus { Custom = "SVC" };
        var translator = new OrderTranslator(new OrderTranslationOptions { Classifier = new DefaultLineItemClassifier(services) });
        var builder = new OrderBuilder();
        builder.Line(new ShopwareLineSnapshot("s1", ShopwareLineTypes.Custom, "Engraving", 1, builder.Priced(20m, 25)));
        var order = builder.Line(new ShopwareLineSnapshot("p1", ShopwareLineTypes.Promotion, "Five off", 1, builder.Priced(-5m, 25))).Build();

        var failure = SingleFailure(translator.Translate(order));

        Assert.Equal((OrderTranslationReason.PromotionLineUnmapped, "p1"), (failure.Reason, failure.LineId));
    }

    [Fact]
    public void Promotions_taking_more_than_a_line_is_worth_fail_naming_the_line()
    {
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 100m, 25)
            .Product("l2", "SKU-B", 1, 10m, 25)
            .Promotion("promo", "Too much", ("l2", 15m))
            .Build();

        var failure = SingleFailure(_translator.Translate(order));

        Assert.Equal((OrderTranslationReason.DiscountExceedsLine, "l2", "SKU-B"), (failure.Reason, failure.LineId, failure.Sku));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Quantities_must_be_positive_whole_numbers(double quantity)
    {
        var builder = new OrderBuilder();
        var order = builder.Line(new ShopwareLineSnapshot("l1", ShopwareLineTypes.Product, "Odd", (decimal)quantity, builder.Priced(10m, 25))
        {
            ProductNumber = "SKU-A",
        }).Build();

        Assert.Equal(OrderTranslationReason.InvalidQuantity, SingleFailure(_translator.Translate(order)).Reason);
    }

    [Fact]
    public void A_line_taxed_at_several_rates_is_ambiguous_for_a_sitoo_item()
    {
        var order = new OrderBuilder().Line(new ShopwareLineSnapshot(
            "l1",
            ShopwareLineTypes.Product,
            "Mixed",
            1,
            new ShopwarePrice(20m, [new ShopwareTaxSnapshot(2m, 25, 10m), new ShopwareTaxSnapshot(0.57m, 6, 10m)]))
        {
            ProductNumber = "SKU-A",
        }).Build();

        Assert.Equal(OrderTranslationReason.AmbiguousTaxRate, SingleFailure(_translator.Translate(order)).Reason);
    }

    [Theory]
    [InlineData("SW 10001")]
    [InlineData("10001/2")]
    [InlineData("")]
    public void Order_numbers_must_be_valid_sitoo_external_ids(string orderNumber)
    {
        var order = new OrderBuilder().Product("l1", "SKU-A", 1, 10m, 25).Number(orderNumber).Build();

        Assert.Equal(OrderTranslationReason.InvalidExternalId, SingleFailure(_translator.Translate(order)).Reason);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(-0.02)]
    public void Rounding_differences_within_a_minor_unit_per_rate_go_to_the_largest_line(double difference)
    {
        var order = new OrderBuilder(ShopwareTaxStatus.Net)
            .Product("l1", "SKU-A", 1, 10.00m, 12)
            .Product("l2", "SKU-B", 1, 30.00m, 25)
            .Build();
        order = order with { AmountTotal = order.AmountTotal + (decimal)difference };

        var translated = Translated(_translator.Translate(order));

        Assert.Equal(order.AmountTotal, translated.Draft.TotalGross);
        Assert.Equal(("l2", (decimal)difference), (translated.RoundingAdjustment!.Target, translated.RoundingAdjustment.Amount));
    }

    [Fact]
    public void A_total_that_rounding_cannot_explain_is_a_total_mismatch()
    {
        var order = new OrderBuilder().Product("l1", "SKU-A", 1, 10.00m, 25).Total(12.00m).Build();

        Assert.Equal(OrderTranslationReason.TotalMismatch, SingleFailure(_translator.Translate(order)).Reason);
    }

    [Fact]
    public void Nested_lines_are_carried_by_their_parent_not_translated_twice()
    {
        var builder = new OrderBuilder().Product("l1", "SKU-A", 1, 10.00m, 25);
        var order = builder
            .Line(new ShopwareLineSnapshot("child", ShopwareLineTypes.Product, "Child", 1, builder.Priced(5m, 25)) { ParentId = "l1", ProductNumber = "SKU-CHILD" })
            .Build();

        var draft = Translated(_translator.Translate(order)).Draft;

        Assert.Equal(["SKU-A"], draft.Items.Select(item => item.Sku));
    }

    [Fact]
    public void Zero_minor_unit_currencies_round_to_whole_amounts()
    {
        var translator = new OrderTranslator(new OrderTranslationOptions { Precision = new CurrencyPrecision(0) });
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 1000m, 10)
            .Product("l2", "SKU-B", 1, 1000m, 10)
            .Product("l3", "SKU-C", 1, 1000m, 10)
            .AbsolutePromotion("promo", "Hundred off", 100m)
            .Build();

        var draft = Translated(translator.Translate(order)).Draft;

        Assert.Equal([34m, 33m, 33m], draft.Items.Select(item => item.MoneyRowDiscount));
    }
}
