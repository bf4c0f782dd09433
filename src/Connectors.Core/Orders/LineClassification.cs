namespace Connectors.Core.Orders;

/// <summary>What a Shopware line item becomes in Sitoo; produced by an <see cref="ILineItemClassifier"/>.</summary>
public abstract record LineClassification
{
    private protected LineClassification()
    {
    }

    /// <summary>An inventoried product with this Sitoo SKU.</summary>
    /// <param name="Sku">The Sitoo SKU.</param>
    public sealed record Product(string Sku) : LineClassification;

    /// <summary>A promotion or discount; the <see cref="IPromotionPolicy"/> decides how it is carried.</summary>
    public sealed record Promotion : LineClassification;

    /// <summary>A non-inventoried service product with this Sitoo SKU (credits, custom lines, fees).</summary>
    /// <param name="Sku">The Sitoo SKU of the service product.</param>
    public sealed record Service(string Sku) : LineClassification;

    /// <summary>The line cannot be translated; the whole order fails with this reason.</summary>
    /// <param name="Reason">The stable reason code.</param>
    /// <param name="Rule">The rule that failed, in words an operator understands.</param>
    public sealed record Untranslatable(OrderTranslationReason Reason, string Rule) : LineClassification;
}

/// <summary>Decides what each top-level Shopware line item becomes in Sitoo.</summary>
public interface ILineItemClassifier
{
    /// <summary>Classifies one top-level line item.</summary>
    /// <param name="line">The line to classify.</param>
    /// <param name="order">The whole order, for context.</param>
    /// <returns>What the line becomes.</returns>
    LineClassification Classify(ShopwareLineSnapshot line, ShopwareOrderSnapshot order);
}

/// <summary>The Sitoo service products that carry Shopware lines without a product.</summary>
public sealed record ServiceProductSkus
{
    /// <summary>The SKU for <c>credit</c> lines; <see langword="null"/> makes credit lines fail the translation.</summary>
    public string? Credit { get; init; }

    /// <summary>The SKU for <c>custom</c> lines; <see langword="null"/> makes custom lines fail the translation.</summary>
    public string? Custom { get; init; }
}

/// <summary>
/// The default classification: <c>product</c> lines map by <c>payload.productNumber</c> to the SKU,
/// <c>promotion</c> and <c>discount</c> lines are promotions, <c>credit</c> and <c>custom</c> lines map to the
/// configured service products; anything else (containers, unknown types) fails with a reason.
/// </summary>
public sealed class DefaultLineItemClassifier : ILineItemClassifier
{
    private readonly ServiceProductSkus _services;
    private readonly IReadOnlySet<string>? _knownSkus;

    /// <summary>Creates the classifier.</summary>
    /// <param name="services">Service products for credit and custom lines; none configured by default.</param>
    /// <param name="knownSkus">
    /// The SKUs that exist in Sitoo (ordinal). When given, a product number outside it fails with
    /// <see cref="OrderTranslationReason.MissingProductMapping"/> instead of reaching Sitoo.
    /// </param>
    public DefaultLineItemClassifier(ServiceProductSkus? services = null, IReadOnlySet<string>? knownSkus = null)
    {
        _services = services ?? new ServiceProductSkus();
        _knownSkus = knownSkus;
    }

    /// <inheritdoc/>
    public LineClassification Classify(ShopwareLineSnapshot line, ShopwareOrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Type switch
        {
            ShopwareLineTypes.Product => ClassifyProduct(line),
            ShopwareLineTypes.Promotion or ShopwareLineTypes.Discount => new LineClassification.Promotion(),
            ShopwareLineTypes.Credit => Service(_services.Credit, "credit"),
            ShopwareLineTypes.Custom => Service(_services.Custom, "custom"),
            _ => new LineClassification.Untranslatable(
                OrderTranslationReason.UnsupportedLineType,
                $"line type '{line.Type}' has no default translation; a custom ILineItemClassifier must handle it"),
        };
    }

    private LineClassification ClassifyProduct(ShopwareLineSnapshot line)
    {
        if (string.IsNullOrWhiteSpace(line.ProductNumber))
        {
            return new LineClassification.Untranslatable(
                OrderTranslationReason.MissingProductMapping, "product line has no payload.productNumber");
        }

        if (_knownSkus is not null && !_knownSkus.Contains(line.ProductNumber))
        {
            return new LineClassification.Untranslatable(
                OrderTranslationReason.MissingProductMapping,
                $"product number '{line.ProductNumber}' is not a known Sitoo SKU");
        }

        return new LineClassification.Product(line.ProductNumber);
    }

    private static LineClassification Service(string? sku, string type) =>
        sku is null
            ? new LineClassification.Untranslatable(
                OrderTranslationReason.ServiceProductNotConfigured,
                $"no service product is configured for '{type}' lines")
            : new LineClassification.Service(sku);
}
