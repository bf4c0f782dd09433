namespace Connectors.Sync.Returns;

/// <summary>Reason codes of the exception records only the returns pipeline writes (the shared ones are in <see cref="Engine.ReasonCodes"/>).</summary>
public static class ReturnReasonCodes
{
    /// <summary>A returned item matches no product line of the online order it was returned against (retail).</summary>
    public const string UnmatchedReturnLine = nameof(UnmatchedReturnLine);

    /// <summary>Shopware's payment or delivery state allows no refund or return transition (finance).</summary>
    public const string RefundNotAllowed = nameof(RefundNotAllowed);

    /// <summary>The restock policy asked for a direct Shopware restock, which the connector does not write (ecommerce).</summary>
    public const string RestockNotApplied = nameof(RestockNotApplied);

    /// <summary>A store return owes the customer money that could not be refunded in Shopware (no capture, the provider refused, or more than was captured).</summary>
    public const string RefundNotRecorded = nameof(RefundNotRecorded);
}
