using System.Text.Json;
using Connectors.Core.Orders;

namespace Connectors.Core.Tests.Orders;

public class OrderTranslationPreviewTests
{
    private static ShopwareOrderSnapshot PromotionOrder() =>
        new OrderBuilder()
            .Product("l1", "SKU-A", 1, 10.00m, 25)
            .Product("l2", "SKU-B", 1, 20.00m, 25)
            .Product("l3", "SKU-C", 1, 30.00m, 25)
            .AbsolutePromotion("promo", "Launch", 10.00m)
            .Shipping(49.00m, 25)
            .Build();

    [Fact]
    public void The_text_preview_shows_items_the_promotion_split_shipping_and_the_total_check()
    {
        var preview = OrderTranslationPreview.Create(new OrderTranslator(), PromotionOrder());

        var text = OrderTranslationPreview.ToText(preview);

        Assert.Contains("Shopware order 10001: translates", text, StringComparison.Ordinal);
        Assert.Contains("  Product  SKU-C                x1    row      30.00 discount      5.01 VAT 25%  <- Product SKU-C\n", text, StringComparison.Ordinal);
        Assert.Contains("Promotion 'Launch' (LAUNCH): 10.00 SEK by Proportional", text, StringComparison.Ordinal);
        Assert.Contains("      5.01 -> SKU-C", text, StringComparison.Ordinal);
        Assert.Contains("Shipping: 49.00 SEK (net 39.20, VAT 9.80)", text, StringComparison.Ordinal);
        Assert.Contains("Total: 99.00 SEK, Shopware total 99.00 SEK", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_preview_carries_the_same_facts_with_names_for_enums()
    {
        var preview = OrderTranslationPreview.Create(new OrderTranslator(), PromotionOrder());

        using var json = JsonDocument.Parse(OrderTranslationPreview.ToJson(preview));

        var root = json.RootElement;
        Assert.True(root.GetProperty("translated").GetBoolean());
        Assert.Equal(99.00m, root.GetProperty("draftTotal").GetDecimal());
        Assert.Equal("Product", root.GetProperty("items")[0].GetProperty("kind").GetString());
        var allocation = root.GetProperty("allocations")[0];
        Assert.Equal("Proportional", allocation.GetProperty("method").GetString());
        Assert.Equal([1.66m, 3.33m, 5.01m], allocation.GetProperty("shares").EnumerateArray().Select(share => share.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public void A_failing_preview_names_the_reason_line_sku_and_rule()
    {
        var translator = new OrderTranslator(new OrderTranslationOptions
        {
            Classifier = new DefaultLineItemClassifier(knownSkus: new HashSet<string>(StringComparer.Ordinal) { "SKU-A", "SKU-C" }),
        });

        var preview = OrderTranslationPreview.Create(translator, PromotionOrder());
        var text = OrderTranslationPreview.ToText(preview);

        Assert.False(preview.Translated);
        Assert.Contains(
            "FAILED MissingProductMapping: product number 'SKU-B' is not a known Sitoo SKU [line l2 'Product SKU-B'] [SKU SKU-B]",
            text,
            StringComparison.Ordinal);
        using var json = JsonDocument.Parse(OrderTranslationPreview.ToJson(preview));
        Assert.Equal("MissingProductMapping", json.RootElement.GetProperty("failures")[0].GetProperty("reason").GetString());
    }
}
