using Connectors.Core.Orders;
using Connectors.Core.Returns;
using Connectors.Core.Tests.Orders;

namespace Connectors.Core.Tests.Returns;

public class RefundPlannerTests
{
    private static readonly RefundPlanner _planner = new();

    /// <summary>Two A at 100.00 with 30.00 off them, one B at 50.00, shipping 49.00.</summary>
    private static ReturnScenario Scenario(bool shipping = true)
    {
        var builder = new OrderBuilder()
            .Product("l1", "SKU-A", 2, 100.00m, 25)
            .Product("l2", "SKU-B", 1, 50.00m, 25)
            .Promotion("promo", "Thirty off A", ("l1", 30.00m));
        if (shipping)
        {
            builder.Shipping(49.00m, 25);
        }

        return new ReturnScenario(builder.Build());
    }

    private static RefundPlan Planned(ReturnPlanResult result) => Assert.IsType<ReturnPlanResult.Planned>(result).Plan;

    [Fact]
    public void A_partial_return_refunds_the_paid_share_with_its_promotion_share_and_is_partial()
    {
        var scenario = Scenario();

        var plan = Planned(_planner.Plan(scenario.Context(ReturnScenario.Return(6001, ("SKU-A", -1)))));

        var line = Assert.Single(plan.Lines);
        Assert.Equal(("l1", "SKU-A", 1m, 85.00m, 15.00m), (line.ShopwareLineId, line.Sku, line.Quantity, line.Amount, line.PromotionShare));
        Assert.Equal((PaymentRefundAction.RefundPartially, DeliveryReturnAction.RetourPartially), (plan.PaymentAction, plan.DeliveryAction));
        Assert.Equal(("refund_partially", "retour_partially"), (plan.PaymentAction.ToActionName(), plan.DeliveryAction.ToActionName()));
        Assert.Equal(85.00m, plan.Amount);
        Assert.Equal(scenario.Exported.Order.Id, plan.ShopwareOrderId);
    }

    [Fact]
    public void Restock_is_a_separate_decision_that_by_default_leaves_stock_to_the_stock_flow()
    {
        var plan = Planned(_planner.Plan(Scenario().Context(ReturnScenario.Return(6001, ("SKU-A", -2), ("SKU-B", -1)))));

        Assert.Equal(
            [new RestockInstruction("SKU-A", 2, RestockRoute.ThroughStockFlow), new RestockInstruction("SKU-B", 1, RestockRoute.ThroughStockFlow)],
            plan.Restock);
    }

    [Fact]
    public void A_custom_restock_policy_decides_per_item()
    {
        var planner = new RefundPlanner(new RefundPlanOptions { Restock = new DamagedGoodsRestockPolicy() });
        var sitooReturn = ReturnScenario.Return(6001, ("SKU-A", -1)) with
        {
            Items = [new SitooReturnItem(0, "SKU-A", -1) { ReasonCode = "damaged" }, new SitooReturnItem(1, "SKU-B", -1)],
        };

        var plan = Planned(planner.Plan(Scenario().Context(sitooReturn)));

        Assert.Equal([RestockRoute.NotRestocked, RestockRoute.ThroughStockFlow], plan.Restock.Select(instruction => instruction.Route));
    }

    [Theory]
    [InlineData(true, ShippingRefund.Never, PaymentRefundAction.RefundPartially, 0.00)]
    [InlineData(true, ShippingRefund.WhenFullyReturned, PaymentRefundAction.Refund, 49.00)]
    [InlineData(false, ShippingRefund.Never, PaymentRefundAction.Refund, 0.00)]
    public void Repeated_returns_sum_per_line_and_the_last_one_completes_the_return(
        bool shipping, ShippingRefund shippingRefund, PaymentRefundAction expectedPayment, double expectedShipping)
    {
        var planner = new RefundPlanner(new RefundPlanOptions { Shipping = shippingRefund });
        var scenario = Scenario(shipping);

        var first = Planned(scenario.PlanAndRecord(planner, ReturnScenario.Return(6001, ("SKU-A", -1))));
        var second = Planned(scenario.PlanAndRecord(planner, ReturnScenario.Return(6002, ("SKU-B", -1))));
        var last = Planned(scenario.PlanAndRecord(planner, ReturnScenario.Return(6003, ("SKU-A", -1))));

        Assert.Equal(PaymentRefundAction.RefundPartially, first.PaymentAction);
        Assert.Equal(DeliveryReturnAction.RetourPartially, second.DeliveryAction);
        Assert.Equal((expectedPayment, DeliveryReturnAction.Retour, (decimal)expectedShipping), (last.PaymentAction, last.DeliveryAction, last.ShippingAmount));
        Assert.Equal(220.00m, first.Amount + second.Amount + last.Amount - last.ShippingAmount);
    }

    [Fact]
    public void Refunds_of_uneven_amounts_add_up_to_what_was_paid_over_partial_returns()
    {
        var scenario = new ReturnScenario(new OrderBuilder().Product("l1", "SKU-A", 3, 3.00m, 25).Promotion("promo", "One off", ("l1", 1.00m)).Build());

        var amounts = new[] { 6001L, 6002, 6003 }
            .Select(id => Planned(scenario.PlanAndRecord(_planner, ReturnScenario.Return(id, ("SKU-A", -1)))).Lines.Single().Amount)
            .ToList();

        Assert.Equal([2.67m, 2.66m, 2.67m], amounts);
    }

    [Fact]
    public void Returning_more_than_is_left_is_an_over_return_naming_the_item_and_sku()
    {
        var scenario = Scenario();
        Planned(scenario.PlanAndRecord(_planner, ReturnScenario.Return(6001, ("SKU-A", -2))));

        var failed = Assert.IsType<ReturnPlanResult.Failed>(_planner.Plan(scenario.Context(ReturnScenario.Return(6002, ("SKU-B", -1), ("SKU-A", -1)))));

        Assert.Equal((ReturnFailureReason.OverReturn, 1L, "SKU-A", false), (failed.Reason, failed.ReturnItemId, failed.Sku, failed.MayResolveLater));
        Assert.Contains("0 of 2 bought", failed.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_returned_sku_that_was_not_bought_is_unmatched()
    {
        var failed = Assert.IsType<ReturnPlanResult.Failed>(_planner.Plan(Scenario().Context(ReturnScenario.Return(6001, ("SKU-Z", -1)))));

        Assert.Equal((ReturnFailureReason.UnmatchedReturnLine, "SKU-Z"), (failed.Reason, failed.Sku));
    }

    [Fact]
    public void The_original_order_item_id_picks_the_line_when_a_sku_appears_twice()
    {
        var scenario = new ReturnScenario(new OrderBuilder().Product("l1", "SKU-A", 1, 100.00m, 25).Product("l2", "SKU-A", 1, 60.00m, 25).Build());
        var sitooReturn = new SitooReturnSnapshot(6001, ReturnScenario.SitooOrderId, [new SitooReturnItem(0, "SKU-A", -1) { OriginalOrderItemId = 1 }]);

        var line = Planned(_planner.Plan(scenario.Context(sitooReturn))).Lines.Single();

        Assert.Equal(("l2", 60.00m), (line.ShopwareLineId, line.Amount));
    }

    [Fact]
    public void An_original_order_item_id_that_is_not_that_sku_is_unmatched()
    {
        var sitooReturn = new SitooReturnSnapshot(6001, ReturnScenario.SitooOrderId, [new SitooReturnItem(0, "SKU-A", -1) { OriginalOrderItemId = 1 }]);

        var failed = Assert.IsType<ReturnPlanResult.Failed>(_planner.Plan(Scenario().Context(sitooReturn)));

        Assert.Equal(ReturnFailureReason.UnmatchedReturnLine, failed.Reason);
    }

    [Fact]
    public void Goods_sold_in_an_exchange_are_not_refunded()
    {
        var plan = Planned(_planner.Plan(Scenario().Context(ReturnScenario.Return(6001, ("SKU-A", -1), ("SKU-C", 1)))));

        Assert.Equal(["SKU-A"], plan.Lines.Select(line => line.Sku));
    }

    [Fact]
    public void Promotions_carried_by_a_discount_product_are_shared_by_the_returned_goods()
    {
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 300.00m, 25)
            .Product("l2", "SKU-B", 1, 100.00m, 25)
            .AbsolutePromotion("promo", "Forty off", 40.00m)
            .Build();
        var scenario = new ReturnScenario(order, new OrderTranslationOptions { Promotions = new DiscountProductPromotionPolicy("DISCOUNT") });

        var line = Planned(_planner.Plan(scenario.Context(ReturnScenario.Return(6001, ("SKU-A", -1))))).Lines.Single();

        Assert.Equal((270.00m, 30.00m), (line.Amount, line.PromotionShare));
    }

    [Fact]
    public void The_original_can_be_named_by_additional_data_instead_of_creditorderid()
    {
        var sitooReturn = new SitooReturnSnapshot(6001, null, [new SitooReturnItem(0, "SKU-B", -1)])
        {
            AdditionalData = new Dictionary<string, string> { ["pos-originalsales-orderid"] = "5001" },
        };

        Assert.IsType<ReturnPlanResult.Planned>(_planner.Plan(Scenario().Context(sitooReturn)));
    }

    public static TheoryData<string, ReturnNotApplicableReason> NotApplicableCases() => new()
    {
        { "unlinked", ReturnNotApplicableReason.UnlinkedReturn },
        { "pos-only", ReturnNotApplicableReason.PosOnlySale },
        { "duplicate", ReturnNotApplicableReason.AlreadyPlanned },
        { "no-goods", ReturnNotApplicableReason.NoReturnedItems },
    };

    [Theory]
    [MemberData(nameof(NotApplicableCases))]
    public void Returns_that_need_nothing_in_shopware_are_classified(string situation, ReturnNotApplicableReason expected)
    {
        var scenario = Scenario();
        var sitooReturn = ReturnScenario.Return(6001, ("SKU-A", -1));
        var context = situation switch
        {
            "unlinked" => scenario.Context(sitooReturn with { CreditOrderId = null }),
            "pos-only" => scenario.Context(sitooReturn) with { Original = new SitooOriginalOrder(ReturnScenario.SitooOrderId, null), Exported = null },
            "duplicate" => scenario.Context(sitooReturn) with { EarlierReturns = [sitooReturn] },
            _ => scenario.Context(ReturnScenario.Return(6001, ("SKU-A", 1))),
        };

        Assert.Equal(expected, Assert.IsType<ReturnPlanResult.NotApplicable>(_planner.Plan(context)).Reason);
    }

    [Theory]
    [InlineData("original-unknown")]
    [InlineData("online-order-unknown")]
    [InlineData("other-order")]
    public void Returns_of_orders_not_known_yet_fail_and_may_resolve_later(string situation)
    {
        var scenario = Scenario();
        var context = scenario.Context(ReturnScenario.Return(6001, ("SKU-A", -1)));
        context = situation switch
        {
            "original-unknown" => context with { Original = null },
            "online-order-unknown" => context with { Exported = null },
            _ => context with { Original = new SitooOriginalOrder(ReturnScenario.SitooOrderId, "99999") },
        };

        var failed = Assert.IsType<ReturnPlanResult.Failed>(_planner.Plan(context));

        Assert.Equal((ReturnFailureReason.ReturnWithoutOnlineOrder, true), (failed.Reason, failed.MayResolveLater));
    }

    private sealed class DamagedGoodsRestockPolicy : IRestockPolicy
    {
        public RestockInstruction Decide(SitooReturnItem item, RefundLine line) =>
            new(line.Sku, line.Quantity, item.ReasonCode == "damaged" ? RestockRoute.NotRestocked : RestockRoute.ThroughStockFlow);
    }
}
