using Connectors.Core.Orders;
using Connectors.Core.Returns;

namespace Connectors.Core.Tests.Orders;

// The examples of docs/extending.md, compiled and tested here; ExtendingGuideTests checks the guide quotes them verbatim.

/// <summary>Gift wrapping added by a plugin as a custom line becomes the Sitoo service product GIFTWRAP.</summary>
public sealed class GiftWrapClassifier(ILineItemClassifier fallback) : ILineItemClassifier
{
    public LineClassification Classify(ShopwareLineSnapshot line, ShopwareOrderSnapshot order) =>
        line.Type == ShopwareLineTypes.Custom
            && line.ReferencedId?.StartsWith("giftwrap", StringComparison.Ordinal) == true
            ? new LineClassification.Service("GIFTWRAP")
            : fallback.Classify(line, order);
}

/// <summary>Staff discounts stay visible in store reports as their own product; other promotions keep the default.</summary>
public sealed class StaffDiscountPolicy(IPromotionPolicy fallback) : IPromotionPolicy
{
    public PromotionTreatment Decide(ShopwareLineSnapshot line, ShopwareOrderSnapshot order) =>
        line.Promotion?.Code?.StartsWith("STAFF-", StringComparison.Ordinal) == true
            ? new PromotionTreatment.DiscountProduct("STAFF-DISCOUNT")
            : fallback.Decide(line, order);
}

public sealed class WebRefundTenderPolicy : IRefundSettlementPolicy
{
    public RefundSettlement Decide(SitooReturnSnapshot storeReturn, decimal amount) =>
        storeReturn.Payments.Any(payment => payment.Name == "Web refund")
            ? RefundSettlement.OnlinePayment
            : RefundSettlement.SettledInStore;
}
