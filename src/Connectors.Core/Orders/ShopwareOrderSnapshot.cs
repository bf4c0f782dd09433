using Connectors.Core.Customers;
using NodaTime;

namespace Connectors.Core.Orders;

/// <summary>
/// The parts of a Shopware order (<c>order</c> entity with its <c>lineItems</c>, <c>orderCustomer</c>, deliveries and
/// addresses) that decide how it becomes a Sitoo order. Field names follow the Admin API.
/// </summary>
/// <param name="Id">The order id (<c>id</c>, 32 hex characters).</param>
/// <param name="OrderNumber">The order number (<c>orderNumber</c>), which becomes the Sitoo <c>externalid</c>.</param>
/// <param name="OrderDateTime">When the order was placed (<c>orderDateTime</c>).</param>
/// <param name="CurrencyIsoCode">The currency (<c>currency.isoCode</c>), e.g. <c>EUR</c>.</param>
/// <param name="TaxStatus">Whether line prices include tax (<c>taxStatus</c>).</param>
/// <param name="AmountTotal">The grand total the customer pays (<c>amountTotal</c>), tax and shipping included.</param>
/// <param name="ShippingCosts">The order's shipping costs (<c>shippingCosts</c>), net or gross per <paramref name="TaxStatus"/>.</param>
/// <param name="LineItems">All line items (<c>lineItems</c>), nested ones included.</param>
/// <param name="Customer">The customer snapshot (<c>orderCustomer</c>).</param>
public sealed record ShopwareOrderSnapshot(
    string Id,
    string OrderNumber,
    Instant OrderDateTime,
    string CurrencyIsoCode,
    ShopwareTaxStatus TaxStatus,
    decimal AmountTotal,
    ShopwarePrice ShippingCosts,
    IReadOnlyList<ShopwareLineSnapshot> LineItems,
    ShopwareCustomerSnapshot Customer)
{
    /// <summary>The sales channel the order was placed in (<c>salesChannelId</c>).</summary>
    public string? SalesChannelId { get; init; }

    /// <summary>The billing address (<c>billingAddress</c>).</summary>
    public ShopwareOrderAddress? BillingAddress { get; init; }

    /// <summary>The shipping address of the primary delivery; <see langword="null"/> for a pickup or digital-only order.</summary>
    public ShopwareOrderAddress? ShippingAddress { get; init; }

    /// <summary>The customer's comment (<c>customerComment</c>).</summary>
    public string? CustomerComment { get; init; }

    /// <summary>How line prices were rounded (<c>itemRounding</c>); <see langword="null"/> when not sent.</summary>
    public CashRounding? ItemRounding { get; init; }

    /// <summary>How the grand total was rounded (<c>totalRounding</c>), e.g. SEK to 1.00; <see langword="null"/> when not sent.</summary>
    public CashRounding? TotalRounding { get; init; }

    /// <summary>
    /// The grand total before cash rounding (<c>price.rawTotal</c>): what lines and shipping add up to.
    /// <see langword="null"/> when not sent, taken as <see cref="AmountTotal"/>.
    /// </summary>
    public decimal? RawTotal { get; init; }

    /// <summary>The payment: the primary transaction and its method; <see langword="null"/> when the order has none.</summary>
    public ShopwareOrderPayment? Payment { get; init; }

    /// <summary>
    /// The order's customer as the <see cref="ICustomerMatcher"/> sees it: the linked customer, its guest flag and
    /// the billing phone. An order whose customer was deleted counts as a guest checkout, so it can never claim a
    /// registered account's Sitoo user.
    /// </summary>
    public ShopwareCustomerRecord ToCustomerRecord() =>
        new(Customer.CustomerId ?? string.Empty, Customer.Email, Customer.IsGuest || Customer.CustomerId is null)
        {
            Phone = BillingAddress?.PhoneNumber,
            FirstName = Customer.FirstName,
            LastName = Customer.LastName,
        };
}

/// <summary>A Shopware <c>CashRoundingConfig</c> (<c>itemRounding</c>, <c>totalRounding</c>).</summary>
/// <param name="Decimals">Digits after the decimal separator (<c>decimals</c>), e.g. 0 for JPY.</param>
/// <param name="Interval">The rounding step (<c>interval</c>), e.g. 0.01, 0.05 (CHF) or 1.00 (SEK cash).</param>
public sealed record CashRounding(int Decimals, decimal Interval);

/// <summary>The payment of a Shopware order: its primary <c>order_transaction</c> with the <c>paymentMethod</c>.</summary>
/// <param name="TransactionId">The transaction id (<c>id</c>).</param>
public sealed record ShopwareOrderPayment(string TransactionId)
{
    /// <summary>The payment method's name shown to customers (<c>paymentMethod.name</c>).</summary>
    public string? MethodName { get; init; }

    /// <summary>The payment method's stable technical name (<c>paymentMethod.technicalName</c>), e.g. <c>payment_klarna</c>.</summary>
    public string? MethodTechnicalName { get; init; }
}

/// <summary>The Shopware <c>taxStatus</c> of an order.</summary>
public enum ShopwareTaxStatus
{
    /// <summary><c>gross</c>: prices include tax.</summary>
    Gross,

    /// <summary><c>net</c>: prices exclude tax, which is added on top.</summary>
    Net,

    /// <summary><c>tax-free</c>: no tax at all.</summary>
    TaxFree,
}

/// <summary>A Shopware <c>CalculatedPrice</c>: a total with its taxes per rate.</summary>
/// <param name="TotalPrice">The total (<c>totalPrice</c>), net or gross per the order's tax status.</param>
/// <param name="CalculatedTaxes">The taxes per rate (<c>calculatedTaxes</c>).</param>
public sealed record ShopwarePrice(decimal TotalPrice, IReadOnlyList<ShopwareTaxSnapshot> CalculatedTaxes)
{
    /// <summary>A price of zero with no taxes.</summary>
    public static ShopwarePrice Zero { get; } = new(0m, []);

    /// <summary>The tax rules (<c>taxRules</c>) used when a price carries no calculated taxes.</summary>
    public IReadOnlyList<decimal> TaxRuleRates { get; init; } = [];
}

/// <summary>One entry of <c>calculatedTaxes</c>.</summary>
/// <param name="Tax">The tax amount (<c>tax</c>).</param>
/// <param name="TaxRate">The rate in percent (<c>taxRate</c>).</param>
/// <param name="Price">The part of the price taxed at this rate (<c>price</c>).</param>
public sealed record ShopwareTaxSnapshot(decimal Tax, decimal TaxRate, decimal Price);

/// <summary>A Shopware <c>order_line_item</c>.</summary>
/// <param name="Id">The line item id (<c>id</c>).</param>
/// <param name="Type">The line type (<c>type</c>) as sent; see <see cref="ShopwareLineTypes"/>. Unknown types are kept, not rejected.</param>
/// <param name="Label">The label shown to the customer (<c>label</c>).</param>
/// <param name="Quantity">The quantity (<c>quantity</c>).</param>
/// <param name="Price">The line price (<c>price</c>): total and taxes.</param>
public sealed record ShopwareLineSnapshot(
    string Id,
    string Type,
    string Label,
    decimal Quantity,
    ShopwarePrice Price)
{
    /// <summary>The cart identifier (<c>identifier</c>); promotion compositions refer to lines by it.</summary>
    public string? Identifier { get; init; }

    /// <summary>The referenced id (<c>referencedId</c>): the product id, or the promotion code.</summary>
    public string? ReferencedId { get; init; }

    /// <summary>The parent line (<c>parentId</c>) of a nested line; <see langword="null"/> at the top level.</summary>
    public string? ParentId { get; init; }

    /// <summary>The position in the order (<c>position</c>).</summary>
    public int Position { get; init; }

    /// <summary>The product number snapshot (<c>payload.productNumber</c>) of a product line.</summary>
    public string? ProductNumber { get; init; }

    /// <summary>The promotion details (<c>payload</c> of a promotion line).</summary>
    public ShopwarePromotionPayload? Promotion { get; init; }

    /// <summary>Whether this line is the one a promotion composition entry points to.</summary>
    /// <param name="compositionId">The composition entry's <c>id</c>.</param>
    public bool IsReferencedBy(string compositionId) =>
        string.Equals(Identifier, compositionId, StringComparison.Ordinal)
        || string.Equals(Id, compositionId, StringComparison.Ordinal);
}

/// <summary>The Shopware line item types known to the connector (<c>type</c>).</summary>
public static class ShopwareLineTypes
{
    /// <summary>A product (variant) line.</summary>
    public const string Product = "product";

    /// <summary>A promotion line, negative, without product.</summary>
    public const string Promotion = "promotion";

    /// <summary>A discount line, negative, without product.</summary>
    public const string Discount = "discount";

    /// <summary>A negative manual amount added in the Administration.</summary>
    public const string Credit = "credit";

    /// <summary>A free-text line with a manual price.</summary>
    public const string Custom = "custom";

    /// <summary>A parent line whose children carry the goods.</summary>
    public const string Container = "container";
}

/// <summary>The <c>payload</c> of a promotion line.</summary>
/// <param name="DiscountType">The discount type (<c>discountType</c>): <c>percentage</c>, <c>absolute</c>, <c>fixed</c>, <c>fixed_unit</c>, or a newer one.</param>
/// <param name="DiscountScope">The scope (<c>discountScope</c>): <c>cart</c>, <c>delivery</c>, <c>set</c>, <c>setgroup</c>, or a newer one.</param>
public sealed record ShopwarePromotionPayload(string? DiscountType, string? DiscountScope)
{
    /// <summary>The scope of a promotion on shipping costs.</summary>
    public const string DeliveryScope = "delivery";

    /// <summary>The promotion id (<c>promotionId</c>).</summary>
    public string? PromotionId { get; init; }

    /// <summary>The code the customer entered (<c>code</c>); empty for automatic promotions.</summary>
    public string? Code { get; init; }

    /// <summary>How the discount was split over the discounted lines (<c>composition</c>); empty when not sent.</summary>
    public IReadOnlyList<ShopwareDiscountComposition> Composition { get; init; } = [];

    /// <summary>Whether the promotion discounts shipping rather than goods.</summary>
    public bool IsDeliveryScope => string.Equals(DiscountScope, DeliveryScope, StringComparison.Ordinal);
}

/// <summary>One entry of a promotion's <c>payload.composition</c>.</summary>
/// <param name="Id">The discounted line's cart identifier (<c>id</c>).</param>
/// <param name="Quantity">The discounted quantity (<c>quantity</c>).</param>
/// <param name="Discount">The discount on that line, positive, in the order's price mode (<c>discount</c>).</param>
public sealed record ShopwareDiscountComposition(string Id, decimal Quantity, decimal Discount);

/// <summary>The Shopware <c>orderCustomer</c> snapshot, with the guest flag of the linked <c>customer</c>.</summary>
/// <param name="Email">The e-mail address (<c>email</c>).</param>
/// <param name="FirstName">The first name (<c>firstName</c>).</param>
/// <param name="LastName">The last name (<c>lastName</c>).</param>
public sealed record ShopwareCustomerSnapshot(string Email, string FirstName, string LastName)
{
    /// <summary>The linked customer (<c>customerId</c>); <see langword="null"/> when the customer was deleted.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The customer number (<c>customerNumber</c>).</summary>
    public string? CustomerNumber { get; init; }

    /// <summary>Whether the linked customer is a guest account (<c>customer.guest</c>).</summary>
    public bool IsGuest { get; init; }

    /// <summary>The company (<c>company</c>).</summary>
    public string? Company { get; init; }
}

/// <summary>A Shopware <c>order_address</c>.</summary>
/// <param name="Street">The street (<c>street</c>).</param>
/// <param name="ZipCode">The postal code (<c>zipcode</c>).</param>
/// <param name="City">The city (<c>city</c>).</param>
/// <param name="CountryIsoCode">The country (<c>country.iso</c>), e.g. <c>SE</c>.</param>
public sealed record ShopwareOrderAddress(string Street, string? ZipCode, string City, string? CountryIsoCode)
{
    /// <summary>The first name on the address (<c>firstName</c>).</summary>
    public string? FirstName { get; init; }

    /// <summary>The last name on the address (<c>lastName</c>).</summary>
    public string? LastName { get; init; }

    /// <summary>The phone number (<c>phoneNumber</c>).</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The second address line (<c>additionalAddressLine1</c>).</summary>
    public string? AdditionalAddressLine1 { get; init; }
}
