using System.Text.Json;
using Connectors.Core.Orders;
using Connectors.Core.Tests.Orders.Fixtures;

namespace Connectors.Core.Tests.Orders;

public class RecordedFixtureTests
{
    private static readonly OrderTranslator _translator = new();

    [Fact]
    public void The_recorded_order_translates_to_one_item_by_product_number()
    {
        var order = ShopwareJson.Order(RecordedPayloads.RecordedOrder);

        var draft = Assert.IsType<OrderTranslationResult.Translated>(_translator.Translate(order)).Draft;

        var item = Assert.Single(draft.Items);
        Assert.Equal(("f3b92a7a618544308094cb4713b3ed84", 1m, 395.01m, 0m, 50m), (item.Sku, item.Quantity, item.MoneyRowPrice, item.MoneyRowDiscount, item.VatValue));
        Assert.Equal(("10077", "EUR", "test@example.com"), (draft.ExternalId, draft.CurrencyCode, draft.Email));
        Assert.Equal(SitooDeliveryMoney.None, draft.Delivery);
        Assert.Equal(395.01m, draft.TotalGross);
        Assert.Equal("Ebbinghoff 10", draft.DeliveryAddress?.Address);
    }

    [Fact]
    public void The_synthetic_promotion_line_spreads_onto_the_recorded_product_by_its_composition()
    {
        var recorded = ShopwareJson.Order(RecordedPayloads.RecordedOrder);
        var promotion = ShopwareJson.LineItem(RecordedPayloads.SyntheticPromotionLine);
        var order = recorded with { LineItems = [.. recorded.LineItems, promotion], AmountTotal = 355.51m };

        var translated = Assert.IsType<OrderTranslationResult.Translated>(_translator.Translate(order));

        var allocation = Assert.Single(translated.Allocations);
        Assert.Equal((AllocationMethod.Composition, 39.50m, "SUMMER10"), (allocation.Method, allocation.Amount, allocation.Code));
        var item = Assert.Single(translated.Draft.Items);
        Assert.Equal((395.01m, 39.50m), (item.MoneyRowPrice, item.MoneyRowDiscount));
        Assert.Equal(355.51m, translated.Draft.TotalGross);
    }

    [Fact]
    public void A_gross_order_translates_to_the_rows_of_sitoos_own_add_order_example()
    {
        // Sitoo's example: 125.00 at 25 %, two for 250.00 less 50.00 at 25 %, 106.00 at 6 %.
        var order = new OrderBuilder()
            .Product("l1", "10038-2", 1, 125.00m, 25)
            .Product("l2", "83428-0", 2, 125.00m, 25)
            .Product("l3", "83537-0", 1, 106.00m, 6)
            .Promotion("promo", "Sofa deal", ("l2", 50.00m))
            .Build();

        var draft = Assert.IsType<OrderTranslationResult.Translated>(_translator.Translate(order)).Draft;

        using var example = JsonDocument.Parse(RecordedPayloads.SitooAddOrderExample);
        var expected = example.RootElement.GetProperty("orderitems").EnumerateArray()
            .Select(item => (
                item.GetProperty("sku").GetString(),
                item.GetProperty("quantity").GetDecimal(),
                ShopwareJson.Money(item.GetProperty("moneyrowprice").GetString()!),
                item.TryGetProperty("moneyrowdiscount", out var discount) ? ShopwareJson.Money(discount.GetString()!) : 0m,
                item.GetProperty("vatvalue").GetDecimal()))
            .ToList();
        Assert.Equal(expected, draft.Items.Select(item => ((string?)item.Sku, item.Quantity, item.MoneyRowPrice, item.MoneyRowDiscount, item.VatValue)));
        Assert.Equal(431.00m, draft.TotalGross);
    }
}
