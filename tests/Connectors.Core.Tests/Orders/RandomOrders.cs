using Connectors.Core.Orders;
using FsCheck;
using FsCheck.Fluent;

namespace Connectors.Core.Tests.Orders;

/// <summary>Random Shopware orders with random promotions, gross and net, priced as Shopware prices them.</summary>
internal static class RandomOrders
{
    private static readonly decimal[] _rates = [0m, 6m, 7m, 12m, 19m, 25m];

    public static Arbitrary<ShopwareOrderSnapshot> Arbitrary() => Generator().ToArbitrary();

    public static Gen<ShopwareOrderSnapshot> Generator() =>
        from status in Gen.Elements(ShopwareTaxStatus.Gross, ShopwareTaxStatus.Net)
        from products in ProductGen().ListBetween(1, 6)
        from promotions in PromotionGen().ListBetween(0, 3)
        from shippingCents in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 20000)))
        from shippingRate in Gen.Elements(_rates)
        from deliveryPercent in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 100)))
        select Build(status, products, promotions, shippingCents / 100m, shippingRate, deliveryPercent);

    private static Gen<(int Quantity, decimal Unit, decimal Rate)> ProductGen() =>
        from quantity in Gen.Choose(1, 5)
        from cents in Gen.Choose(1, 250000)
        from rate in Gen.Elements(_rates)
        select (quantity, cents / 100m, rate);

    /// <summary>A promotion: percent off (at most 25 % each, so three never exceed a line), a line mask, composition or not.</summary>
    private static Gen<(int Percent, int Mask, bool Composition)> PromotionGen() =>
        from percent in Gen.Choose(1, 25)
        from mask in Gen.Choose(0, 63)
        from composition in Gen.Elements(true, false)
        select (percent, mask, composition);

    private static ShopwareOrderSnapshot Build(
        ShopwareTaxStatus status,
        List<(int Quantity, decimal Unit, decimal Rate)> products,
        List<(int Percent, int Mask, bool Composition)> promotions,
        decimal shipping,
        decimal shippingRate,
        int deliveryPercent)
    {
        var builder = new OrderBuilder(status);
        for (var i = 0; i < products.Count; i++)
        {
            builder.Product($"line{i}", $"SKU-{i}", products[i].Quantity, products[i].Unit, products[i].Rate);
        }

        for (var p = 0; p < promotions.Count; p++)
        {
            var (percent, mask, composition) = promotions[p];
            var picked = Enumerable.Range(0, products.Count).Where(i => (mask & (1 << i)) != 0).ToList();
            if (picked.Count == 0)
            {
                picked = [.. Enumerable.Range(0, products.Count)];
            }

            if (composition)
            {
                builder.Promotion(
                    $"promo{p}",
                    $"Promo {p}",
                    picked.Select(i => ($"line{i}", Math.Round(products[i].Quantity * products[i].Unit * percent / 100m, 2, MidpointRounding.AwayFromZero))).ToArray());
            }
            else
            {
                var goods = products.Sum(product => product.Quantity * product.Unit);
                builder.AbsolutePromotion($"promo{p}", $"Promo {p}", Math.Round(goods * percent / 100m, 2, MidpointRounding.AwayFromZero));
            }
        }

        if (shipping > 0)
        {
            builder.Shipping(shipping, shippingRate);
            if (deliveryPercent > 0)
            {
                builder.DeliveryPromotion("free-shipping", "Shipping deal", Math.Round(shipping * deliveryPercent / 100m, 2, MidpointRounding.AwayFromZero), shippingRate);
            }
        }

        return builder.Build();
    }
}
