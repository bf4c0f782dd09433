using Connectors.Core.Orders;
using Connectors.Core.Returns;
using Connectors.Core.Tests.Orders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Core.Tests.Returns;

/// <summary>Refunds are capped by what was paid and captured, every line type counted.</summary>
public class RefundCapProperties
{
    private static readonly RefundPlanner _planner = new();

    /// <summary>The credit in percent of the goods, whether promotions go on a discount product, and the return order's seed.</summary>
    private static readonly Gen<(int CreditPercent, bool DiscountProduct, int Seed)> Settings =
        from credit in Gen.Choose(0, 30)
        from discountProduct in Gen.Elements(true, false)
        from seed in Gen.Choose(0, int.MaxValue)
        select (credit, discountProduct, seed);

    /// <summary>
    /// A random order with a credit line, carried with spread promotions or on a discount product, returned unit by unit in
    /// random partial returns: after each return the order's refunds stay within what was captured (the payment is read
    /// before each plan, as the engine reads it), and once all goods are back they equal what the goods cost after
    /// promotions and credit, to the minor unit.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Refunds_never_exceed_what_was_captured_and_a_full_return_refunds_what_the_goods_cost() =>
        Prop.ForAll(RandomOrders.Arbitrary(), Settings.ToArbitrary(), (order, settings) =>
        {
            var (creditPercent, discountProduct, seed) = settings;
            var goods = order.LineItems.Where(line => line.Type == ShopwareLineTypes.Product).Sum(line => line.Price.TotalPrice);
            var credit = Math.Round(goods * creditPercent / 100m, 2, MidpointRounding.AwayFromZero);
            var withCredit = credit == 0 ? order : WithCredit(order, credit);
            var options = new OrderTranslationOptions
            {
                Classifier = new DefaultLineItemClassifier(new ServiceProductSkus { Credit = "CREDIT" }),
                Promotions = discountProduct ? new DiscountProductPromotionPolicy("DISCOUNT") : new SpreadPromotionPolicy(),
            };
            if (new OrderTranslator(options).Translate(withCredit) is not OrderTranslationResult.Translated translated)
            {
                return true; // e.g. a credit larger than a discounted order: refused at export, nothing to return
            }

            var draft = translated.Draft;
            var scenario = new ReturnScenario(new ExportedOrder(withCredit, draft, ReturnScenario.SitooOrderId));
            var captured = draft.TotalGross;
            var refunded = 0m;
            var random = new Random(seed);
            var units = draft.Items
                .Where(item => item.Kind == SitooOrderItemKind.Product)
                .SelectMany(item => Enumerable.Repeat(item.Sku, (int)item.Quantity))
                .OrderBy(_ => random.Next())
                .ToList();
            var returnId = 7000L;
            while (units.Count > 0)
            {
                var take = random.Next(1, Math.Min(units.Count, 3) + 1);
                var items = units.Take(take).GroupBy(sku => sku).Select((group, i) => new SitooReturnItem(i, group.Key, -group.Count())).ToList();
                units.RemoveRange(0, take);
                var sitooReturn = new SitooReturnSnapshot(++returnId, ReturnScenario.SitooOrderId, items);
                var context = scenario.Context(sitooReturn) with { Payment = new CapturedPayment(captured, refunded) };
                if (_planner.Plan(context) is not ReturnPlanResult.Planned { Plan: var plan })
                {
                    return false;
                }

                scenario.Earlier.Add(sitooReturn);
                refunded += plan.Amount;
                if (refunded > captured || plan.Lines.Any(line => line.Amount < 0))
                {
                    return false;
                }
            }

            var goodsCost = Math.Max(0m, draft.Items.Where(item => item.Kind is SitooOrderItemKind.Product or SitooOrderItemKind.Discount || item.PaidGross < 0).Sum(item => item.PaidGross));
            return refunded == goodsCost;
        });

    [Fact]
    public void A_credit_line_lowers_the_refund_of_a_full_return_to_what_was_paid()
    {
        var order = new OrderBuilder(ShopwareTaxStatus.Gross).Product("line0", "SKU-0", 1, 100m, 25m).Build();
        var scenario = new ReturnScenario(WithCredit(order, 10m), new OrderTranslationOptions
        {
            Classifier = new DefaultLineItemClassifier(new ServiceProductSkus { Credit = "CREDIT" }),
        });

        var plan = Assert.IsType<ReturnPlanResult.Planned>(_planner.Plan(scenario.Context(ReturnScenario.Return(7001, ("SKU-0", -1))))).Plan;

        Assert.Equal(90m, plan.Amount);
    }

    [Fact]
    public void A_return_beyond_what_is_left_of_the_capture_refunds_nothing_and_names_the_amounts()
    {
        var scenario = new ReturnScenario(new OrderBuilder(ShopwareTaxStatus.Gross).Product("line0", "SKU-0", 1, 20m, 25m).Build());
        var context = scenario.Context(ReturnScenario.Return(7001, ("SKU-0", -1))) with { Payment = new CapturedPayment(20m, 10m) };

        var failed = Assert.IsType<ReturnPlanResult.Failed>(_planner.Plan(context));

        Assert.Equal(ReturnFailureReason.RefundExceedsCaptured, failed.Reason);
        Assert.Contains("20", failed.Rule, StringComparison.Ordinal);
        Assert.Contains("10", failed.Rule, StringComparison.Ordinal);
    }

    private static ShopwareOrderSnapshot WithCredit(ShopwareOrderSnapshot order, decimal credit)
    {
        var taxes = order.LineItems.First(line => line.Type == ShopwareLineTypes.Product).Price.CalculatedTaxes;
        var rate = taxes.Count > 0 ? taxes[0].TaxRate : 0m;
        var tax = order.TaxStatus == ShopwareTaxStatus.Net
            ? Math.Round(credit * rate / 100m, 2, MidpointRounding.AwayFromZero)
            : Math.Round(credit * rate / (100m + rate), 2, MidpointRounding.AwayFromZero);
        var line = new ShopwareLineSnapshot("credit0", ShopwareLineTypes.Credit, "Goodwill", 1, new ShopwarePrice(-credit, [new ShopwareTaxSnapshot(-tax, rate, -credit)]) { TaxRuleRates = [rate] })
        {
            Position = 99,
        };
        var total = order.AmountTotal - credit - (order.TaxStatus == ShopwareTaxStatus.Net ? tax : 0m);
        return order with { LineItems = [.. order.LineItems, line], AmountTotal = total, RawTotal = order.RawTotal is null ? null : total };
    }
}
