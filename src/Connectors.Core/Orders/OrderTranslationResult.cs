namespace Connectors.Core.Orders;

/// <summary>The outcome of translating one Shopware order: a complete draft, or the reasons it cannot be made.</summary>
public abstract record OrderTranslationResult
{
    private protected OrderTranslationResult()
    {
    }

    /// <summary>The order translates completely.</summary>
    /// <param name="Draft">The Sitoo order to create.</param>
    /// <param name="Allocations">How each promotion was carried, for previews and audits.</param>
    public sealed record Translated(SitooOrderDraft Draft, IReadOnlyList<PromotionAllocation> Allocations) : OrderTranslationResult
    {
        /// <summary>
        /// The tax rounding correction put on the largest product line so the rows match the Shopware raw total
        /// (net orders, whose taxes Shopware may round per order and rate); <see langword="null"/> when none was
        /// needed. Cash rounding never lands here: it is the draft's <see cref="SitooOrderDraft.RoundOff"/>.
        /// </summary>
        public AllocationShare? RoundingAdjustment { get; init; }
    }

    /// <summary>The order cannot be translated; nothing of it is written.</summary>
    /// <param name="Failures">Every rule that failed, at least one.</param>
    public sealed record Failed(IReadOnlyList<OrderTranslationFailure> Failures) : OrderTranslationResult;
}

/// <summary>Why an order, or one of its lines, cannot be translated.</summary>
/// <param name="Reason">The stable reason code the engine turns into an operator exception.</param>
/// <param name="Rule">The rule that failed, in words an operator understands.</param>
public sealed record OrderTranslationFailure(OrderTranslationReason Reason, string Rule)
{
    /// <summary>The Shopware line item concerned, if the failure is about one line.</summary>
    public string? LineId { get; init; }

    /// <summary>The line's label.</summary>
    public string? LineLabel { get; init; }

    /// <summary>The SKU concerned, if known.</summary>
    public string? Sku { get; init; }
}

/// <summary>Stable reason codes of order translation failures.</summary>
public enum OrderTranslationReason
{
    /// <summary>A product line has no SKU, or its SKU does not exist in Sitoo.</summary>
    MissingProductMapping,

    /// <summary>A promotion line cannot be carried (no product to spread over, unknown composition line, no discount product).</summary>
    PromotionLineUnmapped,

    /// <summary>A credit or custom line has no configured service product.</summary>
    ServiceProductNotConfigured,

    /// <summary>A line type the classifier does not translate (containers, unknown types).</summary>
    UnsupportedLineType,

    /// <summary>A line has no single VAT rate, which a Sitoo item needs.</summary>
    AmbiguousTaxRate,

    /// <summary>A line's quantity is not a positive whole number.</summary>
    InvalidQuantity,

    /// <summary>Discounts on a line (or on shipping) exceed its price.</summary>
    DiscountExceedsLine,

    /// <summary>The translated order does not add up to the Shopware total within rounding.</summary>
    TotalMismatch,

    /// <summary>The order number is not a valid Sitoo <c>externalid</c> (<c>[A-Za-z0-9_-]{1,40}</c>).</summary>
    InvalidExternalId,

    /// <summary>
    /// The order's currency has more decimals, or a finer rounding interval, than Sitoo's two-decimal money carries
    /// (e.g. KWD with three); rounding the amounts would change what the customer paid.
    /// </summary>
    UnsupportedCurrencyPrecision,
}

/// <summary>How one promotion line was carried into the Sitoo order.</summary>
/// <param name="LineId">The promotion line item id.</param>
/// <param name="Label">The promotion's label.</param>
/// <param name="Code">The promotion code, if any.</param>
/// <param name="Method">How the amount was carried.</param>
/// <param name="Amount">The gross discount, positive.</param>
/// <param name="Shares">Where the amount went: product lines, delivery, or discount rows.</param>
public sealed record PromotionAllocation(
    string LineId,
    string Label,
    string? Code,
    AllocationMethod Method,
    decimal Amount,
    IReadOnlyList<AllocationShare> Shares);

/// <summary>One part of a promotion's amount.</summary>
/// <param name="Target">The Shopware line id that carries it, or <c>delivery</c>.</param>
/// <param name="Sku">The SKU of the Sitoo item that carries it, if any.</param>
/// <param name="Amount">The gross amount, positive.</param>
public sealed record AllocationShare(string Target, string? Sku, decimal Amount);

/// <summary>How a promotion's amount was carried.</summary>
public enum AllocationMethod
{
    /// <summary>Spread as the promotion's <c>payload.composition</c> says.</summary>
    Composition,

    /// <summary>Spread in proportion to the product lines' gross value.</summary>
    Proportional,

    /// <summary>Deducted from the shipping money.</summary>
    Delivery,

    /// <summary>Carried by discount product rows.</summary>
    DiscountProduct,
}
