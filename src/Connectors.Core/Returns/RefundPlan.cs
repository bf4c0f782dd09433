namespace Connectors.Core.Returns;

/// <summary>What Shopware must do for one Sitoo return of an online order.</summary>
/// <param name="ShopwareOrderId">The Shopware order (<c>id</c>).</param>
/// <param name="OrderNumber">The Shopware order number.</param>
/// <param name="Lines">The refunded lines of this return.</param>
/// <param name="ShippingAmount">Shipping refunded with this return (gross), usually zero.</param>
/// <param name="PaymentAction">The <c>order_transaction</c> transition.</param>
/// <param name="DeliveryAction">The <c>order_delivery</c> transition.</param>
/// <param name="Restock">The restock decision per line, separate from the refund.</param>
public sealed record RefundPlan(
    string ShopwareOrderId,
    string OrderNumber,
    IReadOnlyList<RefundLine> Lines,
    decimal ShippingAmount,
    PaymentRefundAction PaymentAction,
    DeliveryReturnAction DeliveryAction,
    IReadOnlyList<RestockInstruction> Restock)
{
    /// <summary>The gross amount refunded by this return: the lines plus shipping.</summary>
    public decimal Amount => Lines.Sum(line => line.Amount) + ShippingAmount;
}

/// <summary>One refunded line.</summary>
/// <param name="ShopwareLineId">The Shopware order line item.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">The quantity returned, positive.</param>
/// <param name="Amount">The gross amount refunded, positive, promotions already deducted.</param>
/// <param name="PromotionShare">The part of the line's promotions that this quantity carried (not refunded).</param>
public sealed record RefundLine(string ShopwareLineId, string Sku, decimal Quantity, decimal Amount, decimal PromotionShare);

/// <summary>The payment transition for a refund.</summary>
public enum PaymentRefundAction
{
    /// <summary><c>refund_partially</c>: something paid is still not refunded.</summary>
    RefundPartially,

    /// <summary><c>refund</c>: everything paid is refunded.</summary>
    Refund,
}

/// <summary>The delivery transition for a return.</summary>
public enum DeliveryReturnAction
{
    /// <summary><c>retour_partially</c>: some goods are still with the customer.</summary>
    RetourPartially,

    /// <summary><c>retour</c>: every product was returned.</summary>
    Retour,
}

/// <summary>The Shopware state machine action names of refunds and returns.</summary>
public static class ShopwareStateActions
{
    /// <summary>The <c>order_transaction</c> action name, e.g. <c>refund_partially</c>.</summary>
    /// <param name="action">The payment action.</param>
    public static string ToActionName(this PaymentRefundAction action) =>
        action == PaymentRefundAction.Refund ? "refund" : "refund_partially";

    /// <summary>The <c>order_delivery</c> action name, e.g. <c>retour_partially</c>.</summary>
    /// <param name="action">The delivery action.</param>
    public static string ToActionName(this DeliveryReturnAction action) =>
        action == DeliveryReturnAction.Retour ? "retour" : "retour_partially";
}
