using Connectors.Core.Orders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Core.Tests.Orders;

public class OrderTranslationProperties
{
    private static Property AddsUpToTheShopwareTotal(OrderTranslator translator) =>
        Prop.ForAll(RandomOrders.Arbitrary(), order =>
        {
            if (translator.Translate(order) is not OrderTranslationResult.Translated translated)
            {
                return false;
            }

            var draft = translated.Draft;
            var cents = draft.Items.All(item => item.MoneyRowPrice == decimal.Round(item.MoneyRowPrice, 2) && item.MoneyRowDiscount == decimal.Round(item.MoneyRowDiscount, 2));
            var discountsWithinLines = draft.Items
                .Where(item => item.Kind == SitooOrderItemKind.Product)
                .All(item => item.MoneyRowDiscount >= 0 && item.MoneyRowDiscount <= item.MoneyRowPrice);
            var allocationsComplete = translated.Allocations.All(allocation => allocation.Shares.Sum(share => share.Amount) == allocation.Amount);
            return draft.TotalGross == order.AmountTotal
                && translated.RoundingAdjustment is null
                && cents
                && discountsWithinLines
                && allocationsComplete;
        });

    [Property(MaxTest = 300)]
    public Property Spread_promotions_add_up_to_the_shopware_total_to_the_cent() =>
        AddsUpToTheShopwareTotal(new OrderTranslator());

    [Property(MaxTest = 300)]
    public Property Discount_product_promotions_add_up_to_the_shopware_total_to_the_cent() =>
        AddsUpToTheShopwareTotal(new OrderTranslator(new OrderTranslationOptions { Promotions = new DiscountProductPromotionPolicy("DISCOUNT") }));

    [Property(MaxTest = 500)]
    public Property Allocated_shares_always_add_up_and_never_go_negative() =>
        Prop.ForAll(
            Gen.Choose(0, 10_000_000).ToArbitrary(),
            Gen.Choose(0, 1_000_000).ListBetween(1, 10).Where(weights => weights.Any(weight => weight > 0)).ToArbitrary(),
            (totalCents, weightCents) =>
            {
                var total = totalCents / 100m;
                var weights = weightCents.Select(weight => weight / 100m).ToList();
                var shares = ProportionalAllocator.Allocate(total, weights, CurrencyPrecision.Cents);
                var largest = weights.IndexOf(weights.Max());
                var othersBelowProportion = shares
                    .Select((share, i) => (share, i))
                    .Where(entry => entry.i != largest)
                    .All(entry => entry.share <= total * weights[entry.i] / weights.Sum());
                return shares.Sum() == total && shares.All(share => share >= 0) && othersBelowProportion;
            });
}
