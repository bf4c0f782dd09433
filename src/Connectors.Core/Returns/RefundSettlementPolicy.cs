namespace Connectors.Core.Returns;

/// <summary>Where the money of a store return of an online order goes back to the customer.</summary>
public enum RefundSettlement
{
    /// <summary>The till paid the customer (cash, card at the terminal): Shopware records the refund as done; the payment provider is not asked.</summary>
    SettledInStore,

    /// <summary>The money goes back to the online payment: Shopware processes the refund, and the payment app refunds through the provider.</summary>
    OnlinePayment,
}

/// <summary>Decides, from the Sitoo return's payments, who pays the customer back. Replace it to follow your till's conventions.</summary>
public interface IRefundSettlementPolicy
{
    /// <summary>Decides for one return.</summary>
    /// <param name="storeReturn">The return with its payments.</param>
    /// <param name="amount">The amount the connector refunds for it in Shopware.</param>
    RefundSettlement Decide(SitooReturnSnapshot storeReturn, decimal amount);
}

/// <summary>
/// The default: the till settled the refund when it paid out at least the amount with payments of its own (cash, card
/// at the terminal); a payment that refers to the original sale's payment (<c>pos-originalsales-payment-index</c>) is
/// not the till's money. A return without payments paid nothing out at the till, so the online payment refunds.
/// </summary>
public sealed class TillPayoutSettlementPolicy : IRefundSettlementPolicy
{
    /// <summary>The payment <c>additionaldata</c> key Sitoo sets on a refund to the original sale's payment.</summary>
    public const string OriginalPaymentKey = "pos-originalsales-payment-index";

    /// <inheritdoc/>
    public RefundSettlement Decide(SitooReturnSnapshot storeReturn, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(storeReturn);
        var paidOutAtTill = -storeReturn.Payments
            .Where(payment => !payment.AdditionalData.ContainsKey(OriginalPaymentKey))
            .Sum(payment => payment.Amount);
        return amount > 0 && paidOutAtTill >= amount ? RefundSettlement.SettledInStore : RefundSettlement.OnlinePayment;
    }
}
