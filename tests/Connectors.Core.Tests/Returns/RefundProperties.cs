using Connectors.Core.Orders;
using Connectors.Core.Returns;
using Connectors.Core.Tests.Orders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Core.Tests.Returns;

public class RefundProperties
{
    private static readonly RefundPlanner _planner = new();

    /// <summary>
    /// Returns every product of a random order in random partial returns (by SKU or by original item id) and checks,
    /// after each one, that no line has been refunded more than was paid for it; once all is back, exactly that.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property A_refund_never_exceeds_what_was_paid_for_the_line_over_any_sequence_of_partial_returns() =>
        Prop.ForAll(RandomOrders.Arbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (order, seed) =>
        {
            var scenario = new ReturnScenario(order);
            var products = scenario.Exported.Draft.Items
                .Select((item, index) => (Item: item, Index: index))
                .Where(entry => entry.Item.Kind == SitooOrderItemKind.Product)
                .ToList();
            var random = new Random(seed);
            var units = products.SelectMany(entry => Enumerable.Repeat(entry, (int)entry.Item.Quantity)).OrderBy(_ => random.Next()).ToList();
            var refunded = products.ToDictionary(entry => entry.Item.SourceLineId, _ => 0m);
            var returnId = 6000L;
            var planned = new List<RefundPlan>();
            while (units.Count > 0)
            {
                var take = random.Next(1, Math.Min(units.Count, 4) + 1);
                var items = units.Take(take)
                    .GroupBy(entry => entry.Index)
                    .Select((group, i) => new SitooReturnItem(i, group.First().Item.Sku, -group.Count())
                    {
                        OriginalOrderItemId = random.Next(2) == 0 ? group.Key : null,
                    })
                    .ToList();
                units.RemoveRange(0, take);
                var sitooReturn = new SitooReturnSnapshot(++returnId, ReturnScenario.SitooOrderId, items);
                if (scenario.PlanAndRecord(_planner, sitooReturn) is not ReturnPlanResult.Planned { Plan: var plan })
                {
                    return false;
                }

                planned.Add(plan);
                foreach (var line in plan.Lines)
                {
                    refunded[line.ShopwareLineId] += line.Amount;
                }

                if (products.Any(entry => refunded[entry.Item.SourceLineId] > entry.Item.PaidGross))
                {
                    return false;
                }
            }

            var overReturn = _planner.Plan(scenario.Context(new SitooReturnSnapshot(++returnId, ReturnScenario.SitooOrderId, [new SitooReturnItem(0, products[0].Item.Sku, -1)])));
            return products.All(entry => refunded[entry.Item.SourceLineId] == entry.Item.PaidGross)
                && planned[^1].DeliveryAction == DeliveryReturnAction.Retour
                && planned.Take(planned.Count - 1).All(plan => plan.DeliveryAction == DeliveryReturnAction.RetourPartially)
                && overReturn is ReturnPlanResult.Failed { Reason: ReturnFailureReason.OverReturn };
        });
}
