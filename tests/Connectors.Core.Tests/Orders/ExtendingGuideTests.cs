using Connectors.Core.Orders;
using Connectors.Tests.Shared;

namespace Connectors.Core.Tests.Orders;

public class ExtendingGuideTests
{
    private static OrderTranslator CustomTranslator() => new(new OrderTranslationOptions
    {
        Classifier = new GiftWrapClassifier(new DefaultLineItemClassifier()),
        Promotions = new StaffDiscountPolicy(new SpreadPromotionPolicy()),
    });

    [Fact]
    public void The_gift_wrap_classifier_maps_gift_wrap_lines_and_leaves_the_rest_to_the_default()
    {
        var builder = new OrderBuilder().Product("l1", "SKU-A", 1, 100m, 25);
        builder.Line(new ShopwareLineSnapshot("w1", ShopwareLineTypes.Custom, "Gift wrap", 1, builder.Priced(5m, 25)) { ReferencedId = "giftwrap-red" });
        var order = builder.Line(new ShopwareLineSnapshot("e1", ShopwareLineTypes.Custom, "Engraving", 1, builder.Priced(15m, 25))).Build();

        var failed = Assert.IsType<OrderTranslationResult.Failed>(CustomTranslator().Translate(order));
        var withoutEngraving = order with { LineItems = order.LineItems.Where(line => line.Id != "e1").ToList(), AmountTotal = 105m };
        var translated = Assert.IsType<OrderTranslationResult.Translated>(CustomTranslator().Translate(withoutEngraving));

        Assert.Equal("e1", Assert.Single(failed.Failures).LineId);
        Assert.Equal(["SKU-A", "GIFTWRAP"], translated.Draft.Items.Select(item => item.Sku));
    }

    [Fact]
    public void The_staff_discount_policy_keeps_staff_discounts_as_a_product_and_spreads_the_rest()
    {
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 100m, 25)
            .Promotion("p1", "Staff-2026", ("l1", 20m))
            .Promotion("p2", "Summer", ("l1", 10m))
            .Build();

        var translated = Assert.IsType<OrderTranslationResult.Translated>(CustomTranslator().Translate(order));

        Assert.Equal([AllocationMethod.DiscountProduct, AllocationMethod.Composition], translated.Allocations.Select(allocation => allocation.Method));
        Assert.Equal([("SKU-A", 100m, 10m), ("STAFF-DISCOUNT", -20m, 0m)], translated.Draft.Items.Select(item => (item.Sku, item.MoneyRowPrice, item.MoneyRowDiscount)));
    }

    [Fact]
    public void The_web_refund_tender_policy_sends_web_refund_tenders_to_the_online_payment()
    {
        var policy = new WebRefundTenderPolicy();
        Connectors.Core.Returns.SitooReturnSnapshot Return(string tender) =>
            new(9001, 5001, []) { Payments = [new Connectors.Core.Returns.SitooReturnPayment(tender, -20m)] };

        Assert.Equal(Connectors.Core.Returns.RefundSettlement.OnlinePayment, policy.Decide(Return("Web refund"), 20m));
        Assert.Equal(Connectors.Core.Returns.RefundSettlement.SettledInStore, policy.Decide(Return("Cash"), 20m));
    }

    [Fact]
    public void The_guide_quotes_the_compiled_examples_verbatim()
    {
        var guide = RepositoryFiles.Read("docs/extending.md");
        var examples = RepositoryFiles.Read("tests/Connectors.Core.Tests/Orders/ExtendingExamples.cs");

        foreach (var example in new[] { "GiftWrapClassifier", "StaffDiscountPolicy", "WebRefundTenderPolicy" })
        {
            Assert.Contains(Declaration(examples, example), guide, StringComparison.Ordinal);
        }
    }

    /// <summary>The lines from a class's declaration to its closing brace.</summary>
    private static string Declaration(string source, string className)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, line => line.StartsWith($"public sealed class {className}", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start, line => line == "}");
        return string.Join('\n', lines[start..(end + 1)]);
    }
}
