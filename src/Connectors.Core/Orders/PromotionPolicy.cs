namespace Connectors.Core.Orders;

/// <summary>How a promotion line is carried into the Sitoo order.</summary>
public abstract record PromotionTreatment
{
    private protected PromotionTreatment()
    {
    }

    /// <summary>
    /// Spread over the product lines as <c>moneyrowdiscount</c>: exactly as <c>payload.composition</c> says when it
    /// is present, otherwise in proportion to the lines' gross value.
    /// </summary>
    public sealed record SpreadOverProducts : PromotionTreatment;

    /// <summary>Deduct from the shipping money (delivery-scope promotions).</summary>
    public sealed record DeductFromDelivery : PromotionTreatment;

    /// <summary>Carry as a separate row of a non-inventoried discount product, one row per VAT rate.</summary>
    /// <param name="Sku">The Sitoo SKU of the discount product.</param>
    public sealed record DiscountProduct(string Sku) : PromotionTreatment;

    /// <summary>The promotion cannot be carried; the order fails with <see cref="OrderTranslationReason.PromotionLineUnmapped"/>.</summary>
    /// <param name="Rule">Why, in words an operator understands.</param>
    public sealed record Unmapped(string Rule) : PromotionTreatment;
}

/// <summary>Decides how each promotion or discount line is carried into Sitoo.</summary>
public interface IPromotionPolicy
{
    /// <summary>Decides the treatment of one promotion line.</summary>
    /// <param name="line">A line classified as <see cref="LineClassification.Promotion"/>.</param>
    /// <param name="order">The whole order, for context.</param>
    /// <returns>How the line is carried.</returns>
    PromotionTreatment Decide(ShopwareLineSnapshot line, ShopwareOrderSnapshot order);
}

/// <summary>
/// The default: delivery-scope promotions reduce the shipping money, every other promotion is spread over the
/// product lines.
/// </summary>
public sealed class SpreadPromotionPolicy : IPromotionPolicy
{
    /// <inheritdoc/>
    public PromotionTreatment Decide(ShopwareLineSnapshot line, ShopwareOrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Promotion?.IsDeliveryScope == true
            ? new PromotionTreatment.DeductFromDelivery()
            : new PromotionTreatment.SpreadOverProducts();
    }
}

/// <summary>Carries every promotion line as a row of one non-inventoried discount product.</summary>
/// <param name="discountSku">The Sitoo SKU of the discount product.</param>
public sealed class DiscountProductPromotionPolicy(string discountSku) : IPromotionPolicy
{
    /// <inheritdoc/>
    public PromotionTreatment Decide(ShopwareLineSnapshot line, ShopwareOrderSnapshot order) =>
        new PromotionTreatment.DiscountProduct(discountSku);
}
