using Connectors.Core.Orders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Core.Tests.Orders;

public class CashRoundingProperties
{
    private static readonly decimal[] _intervals = [0.01m, 0.05m, 0.10m, 0.25m, 0.50m, 1.00m, 5.00m];

    private static readonly ShopwareOrderPayment _card = new("0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f") { MethodName = "Card", MethodTechnicalName = "payment_card" };

    /// <summary>Random orders whose total Shopware rounded to a random interval (to the nearest step, half away from zero).</summary>
    private static Arbitrary<(ShopwareOrderSnapshot Order, decimal Interval)> CashRoundedOrders() =>
        (from order in RandomOrders.Generator()
         from interval in Gen.Elements(_intervals)
         select (Round(order, interval), interval)).ToArbitrary();

    private static ShopwareOrderSnapshot Round(ShopwareOrderSnapshot order, decimal interval) =>
        order with
        {
            RawTotal = order.AmountTotal,
            AmountTotal = Math.Round(order.AmountTotal / interval, MidpointRounding.AwayFromZero) * interval,
            ItemRounding = new CashRounding(2, 0.01m),
            TotalRounding = new CashRounding(2, interval),
            Payment = _card,
        };

    private static decimal GrossOf(ShopwareOrderSnapshot order, ShopwareLineSnapshot line) =>
        order.TaxStatus == ShopwareTaxStatus.Net ? line.Price.TotalPrice + line.Price.CalculatedTaxes.Sum(tax => tax.Tax) : line.Price.TotalPrice;

    private static Property RowsAndRoundOffAddUpToTheTotal(OrderTranslator translator) =>
        Prop.ForAll(CashRoundedOrders(), generated =>
        {
            var (order, _) = generated;
            var translated = Assert.IsType<OrderTranslationResult.Translated>(translator.Translate(order));
            var draft = translated.Draft;
            var rows = draft.Items.Sum(item => item.MoneyRowPrice - item.MoneyRowDiscount) + draft.Delivery.TotalGross;
            Assert.Equal(order.AmountTotal, rows + draft.RoundOff);
            Assert.Equal(order.AmountTotal - order.RawTotal!.Value, draft.RoundOff);
            Assert.Equal(order.AmountTotal, Assert.Single(draft.Payments).Amount);

            // The rounding never lands on a product row: each keeps the Shopware line's gross price.
            Assert.Null(translated.RoundingAdjustment);
            foreach (var item in draft.Items.Where(item => item.Kind == SitooOrderItemKind.Product))
            {
                Assert.Equal(GrossOf(order, order.LineItems.Single(line => line.Id == item.SourceLineId)), item.MoneyRowPrice);
            }
        });

    [Property(MaxTest = 300)]
    public Property Spread_orders_add_up_to_the_rounded_total_with_the_rounding_only_in_the_round_off() =>
        RowsAndRoundOffAddUpToTheTotal(new OrderTranslator());

    [Property(MaxTest = 300)]
    public Property Discount_product_orders_add_up_to_the_rounded_total_with_the_rounding_only_in_the_round_off() =>
        RowsAndRoundOffAddUpToTheTotal(new OrderTranslator(new OrderTranslationOptions { Promotions = new DiscountProductPromotionPolicy("DISCOUNT") }));

    [Property(MaxTest = 300)]
    public Property Discount_row_shares_add_up_to_the_discount_rows() =>
        Prop.ForAll(RandomOrders.Arbitrary(), order =>
        {
            var translator = new OrderTranslator(new OrderTranslationOptions { Promotions = new DiscountProductPromotionPolicy("DISCOUNT") });
            var draft = Assert.IsType<OrderTranslationResult.Translated>(translator.Translate(order)).Draft;
            var rows = draft.Items.Where(item => item.Kind == SitooOrderItemKind.Discount).Sum(item => item.PaidGross);
            var products = draft.Items.Where(item => item.Kind == SitooOrderItemKind.Product).Select(item => item.SourceLineId).ToHashSet();
            Assert.Equal(-rows, draft.DiscountRowShares.Values.Sum());
            Assert.All(draft.DiscountRowShares, share => Assert.True(share.Value >= 0 && products.Contains(share.Key)));
        });
}
