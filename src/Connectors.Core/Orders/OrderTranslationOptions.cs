using Connectors.Core.Customers;

namespace Connectors.Core.Orders;

/// <summary>The policies and settings of the Shopware → Sitoo order translation.</summary>
public sealed record OrderTranslationOptions
{
    /// <summary>Classifies line items; by default <see cref="DefaultLineItemClassifier"/> with no service products.</summary>
    public ILineItemClassifier Classifier { get; init; } = new DefaultLineItemClassifier();

    /// <summary>Decides how promotions are carried; by default <see cref="SpreadPromotionPolicy"/>.</summary>
    public IPromotionPolicy Promotions { get; init; } = new SpreadPromotionPolicy();

    /// <summary>Normalizes the e-mail address and phone number put on the Sitoo order.</summary>
    public IContactNormalizer ContactNormalizer { get; init; } = new DefaultContactNormalizer();

    /// <summary>
    /// The currency precision of orders that do not say theirs (<c>itemRounding.decimals</c>); cents by default.
    /// </summary>
    public CurrencyPrecision Precision { get; init; } = CurrencyPrecision.Cents;

    /// <summary>The store warehouse (<c>warehouseid</c>) the Sitoo order is placed on, if any.</summary>
    public long? WarehouseId { get; init; }

    /// <summary>The Sitoo payment state (<c>paymentstateid</c>) given to exported orders; 20 = Successful.</summary>
    public int PaymentStateId { get; init; } = 20;

    /// <summary>The <c>additionaldata</c> key that carries the resolved Sitoo user id of the customer.</summary>
    public string CustomerUserIdKey { get; init; } = "sitoo-userid";
}
