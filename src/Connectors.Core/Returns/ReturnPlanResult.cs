namespace Connectors.Core.Returns;

/// <summary>The outcome of planning a Sitoo return: a plan, nothing to do, or a classified failure.</summary>
public abstract record ReturnPlanResult
{
    private protected ReturnPlanResult()
    {
    }

    /// <summary>Refund and return in Shopware as planned.</summary>
    /// <param name="Plan">The plan.</param>
    public sealed record Planned(RefundPlan Plan) : ReturnPlanResult;

    /// <summary>Nothing to do in Shopware, by design.</summary>
    /// <param name="Reason">Why.</param>
    /// <param name="Rule">The rule, in words an operator understands.</param>
    public sealed record NotApplicable(ReturnNotApplicableReason Reason, string Rule) : ReturnPlanResult;

    /// <summary>The return cannot be planned; nothing of it is executed.</summary>
    /// <param name="Reason">The stable reason code the engine turns into an operator exception.</param>
    /// <param name="Rule">The rule that failed, in words an operator understands.</param>
    public sealed record Failed(ReturnFailureReason Reason, string Rule) : ReturnPlanResult
    {
        /// <summary>The Sitoo return item concerned, if the failure is about one item.</summary>
        public long? ReturnItemId { get; init; }

        /// <summary>The SKU concerned, if known.</summary>
        public string? Sku { get; init; }

        /// <summary>Whether the same input may plan later, once missing data arrives (e.g. the online order).</summary>
        public bool MayResolveLater => Reason == ReturnFailureReason.ReturnWithoutOnlineOrder;
    }
}

/// <summary>Why a Sitoo return needs nothing in Shopware.</summary>
public enum ReturnNotApplicableReason
{
    /// <summary>The original is a POS sale (no Shopware order number); stock follows through the stock flow.</summary>
    PosOnlySale,

    /// <summary>The return is not validated against an original order (no <c>creditorderid</c>).</summary>
    UnlinkedReturn,

    /// <summary>This return was already planned (a duplicate delivery of the same fact).</summary>
    AlreadyPlanned,

    /// <summary>The order has no returned (negative) items.</summary>
    NoReturnedItems,
}

/// <summary>Stable reason codes of return planning failures.</summary>
public enum ReturnFailureReason
{
    /// <summary>The original order, or the Shopware order it was exported from, is not known (yet).</summary>
    ReturnWithoutOnlineOrder,

    /// <summary>More is returned than was bought, counting earlier returns.</summary>
    OverReturn,

    /// <summary>A returned item matches no product line of the original order.</summary>
    UnmatchedReturnLine,

    /// <summary>The refund would take the order's refunds beyond what was captured (refunds made in Shopware included).</summary>
    RefundExceedsCaptured,
}
