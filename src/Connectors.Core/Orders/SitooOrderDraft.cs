using NodaTime;

namespace Connectors.Core.Orders;

/// <summary>
/// A Sitoo order ready to be created with <c>POST /sites/{siteid}/orders.json</c>. Field names follow Sitoo's
/// lowercase wire names; money is gross (VAT included), as Sitoo expects for <c>moneyrowprice</c> and
/// <c>moneyrowdiscount</c> on writes.
/// </summary>
/// <param name="ExternalId">The Shopware order number (<c>externalid</c>); Sitoo keeps it unique, so a create is idempotent.</param>
/// <param name="OrderDate">When the order was placed (<c>orderdate</c>, Unix seconds on the wire).</param>
/// <param name="CurrencyCode">The currency (<c>currencycode</c>).</param>
/// <param name="Email">The customer's normalized e-mail address (<c>email</c>): how store staff find the order.</param>
/// <param name="Items">The order items (<c>orderitems</c>).</param>
/// <param name="Delivery">The shipping money (<c>moneydelivery_net</c>, <c>moneydelivery_vat</c>, <c>moneytotal_gross_delivery</c>).</param>
public sealed record SitooOrderDraft(
    string ExternalId,
    Instant OrderDate,
    string CurrencyCode,
    string Email,
    IReadOnlyList<SitooOrderItemDraft> Items,
    SitooDeliveryMoney Delivery)
{
    /// <summary>The order type (<c>ordertypeid</c>): 10 = Order.</summary>
    public int OrderTypeId { get; init; } = 10;

    /// <summary>The payment state (<c>paymentstateid</c>), e.g. 20 = Successful.</summary>
    public int PaymentStateId { get; init; } = 20;

    /// <summary>The store warehouse that serves the order (<c>warehouseid</c>), when one is configured.</summary>
    public long? WarehouseId { get; init; }

    /// <summary>The first name (<c>namefirst</c>).</summary>
    public string? NameFirst { get; init; }

    /// <summary>The last name (<c>namelast</c>).</summary>
    public string? NameLast { get; init; }

    /// <summary>The company (<c>company</c>).</summary>
    public string? Company { get; init; }

    /// <summary>The phone number (<c>phone</c>).</summary>
    public string? Phone { get; init; }

    /// <summary>The billing address (<c>invoice_*</c> fields).</summary>
    public SitooAddress? InvoiceAddress { get; init; }

    /// <summary>The delivery address (<c>delivery_*</c> fields); none means pickup in store.</summary>
    public SitooAddress? DeliveryAddress { get; init; }

    /// <summary>The customer's comment (<c>comment</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>Free key/value tags (<c>additionaldata</c>), e.g. the Shopware order id.</summary>
    public IReadOnlyDictionary<string, string> AdditionalData { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The order currency's precision, the one every amount of the draft was allocated in; returns refund in it.
    /// </summary>
    public CurrencyPrecision Precision { get; init; } = CurrencyPrecision.Cents;

    /// <summary>
    /// The cash rounding of the grand total (Shopware's <c>amountTotal − price.rawTotal</c>, e.g. 0.20 when SEK
    /// 198.80 is rounded to 199.00). Sitoo derives <c>moneytotal_gross_roundoff</c> from the payments, so it reaches
    /// Sitoo through <see cref="Payments"/>, never through a row.
    /// </summary>
    public decimal RoundOff { get; init; }

    /// <summary>The payments (<c>payments</c>): what the customer paid online, the rounded grand total.</summary>
    public IReadOnlyList<SitooPaymentDraft> Payments { get; init; } = [];

    /// <summary>
    /// Which product lines the discount rows (<see cref="SitooOrderItemKind.Discount"/>) take their amount off: gross,
    /// positive, by Shopware product line id, adding up to minus the discount rows' total. Returns refund a line's
    /// share of them.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> DiscountRowShares { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The gross rows: items after discounts plus delivery, before the cash rounding.</summary>
    public decimal RowsGross => Items.Sum(item => item.MoneyRowPrice - item.MoneyRowDiscount) + Delivery.TotalGross;

    /// <summary>The gross grand total the customer pays: <see cref="RowsGross"/> plus <see cref="RoundOff"/>.</summary>
    public decimal TotalGross => RowsGross + RoundOff;
}

/// <summary>A payment of a Sitoo order on write (<c>payments[]</c>).</summary>
/// <param name="Name">The payment's name (<c>name</c>): the Shopware payment method's name.</param>
/// <param name="Amount">The amount paid (<c>moneyamount</c>), signed.</param>
/// <param name="ExternalId">The Shopware payment transaction id (<c>externalid</c>).</param>
public sealed record SitooPaymentDraft(string Name, decimal Amount, string ExternalId)
{
    /// <summary>The <c>additionaldata</c> key of the Shopware payment method's technical name.</summary>
    public const string PaymentMethodKey = "payment-method";

    /// <summary>The <c>additionaldata</c> key of the Shopware order id the payment was made for.</summary>
    public const string ShopwareOrderIdKey = "shopware-orderid";

    /// <summary>The name of a payment whose Shopware method was not loaded.</summary>
    public const string UnnamedMethod = "Shopware";

    /// <summary>Free key/value tags (<c>additionaldata</c>), e.g. the payment method's technical name.</summary>
    public IReadOnlyDictionary<string, string> AdditionalData { get; init; } = new Dictionary<string, string>();
}

/// <summary>A Sitoo order item on write.</summary>
/// <param name="Sku">The SKU (<c>sku</c>).</param>
/// <param name="ProductName">The name shown on the order (<c>productname</c>).</param>
/// <param name="Quantity">The quantity (<c>quantity</c>).</param>
/// <param name="MoneyRowPrice">The gross row total before discount (<c>moneyrowprice</c>).</param>
/// <param name="MoneyRowDiscount">The gross row discount (<c>moneyrowdiscount</c>), positive.</param>
/// <param name="VatValue">The VAT rate in percent (<c>vatvalue</c>).</param>
/// <param name="Kind">What the item stands for.</param>
/// <param name="SourceLineId">The Shopware line item it comes from; also sent as <c>additionaldata["web-itemid"]</c>.</param>
public sealed record SitooOrderItemDraft(
    string Sku,
    string ProductName,
    decimal Quantity,
    decimal MoneyRowPrice,
    decimal MoneyRowDiscount,
    decimal VatValue,
    SitooOrderItemKind Kind,
    string SourceLineId)
{
    /// <summary>The gross amount the customer pays for the row.</summary>
    public decimal PaidGross => MoneyRowPrice - MoneyRowDiscount;
}

/// <summary>What a Sitoo order item of a translated order stands for.</summary>
public enum SitooOrderItemKind
{
    /// <summary>An inventoried product.</summary>
    Product,

    /// <summary>A non-inventoried discount product that carries a promotion.</summary>
    Discount,

    /// <summary>A non-inventoried service product that carries a credit or custom line.</summary>
    Service,
}

/// <summary>
/// The shipping money of a Sitoo order, one part per VAT rate: Shopware taxes shipping at the cart's rates in
/// proportion ("auto" shipping tax), and each rate stays exact.
/// </summary>
/// <param name="Parts">The parts, at most one per rate; empty when no shipping is charged.</param>
public sealed record SitooDeliveryMoney(IReadOnlyList<SitooDeliveryPart> Parts)
{
    /// <summary>No shipping charged.</summary>
    public static SitooDeliveryMoney None { get; } = new([]);

    /// <summary>Shipping excluding VAT (<c>moneydelivery_net</c>).</summary>
    public decimal Net => Parts.Sum(part => part.Net);

    /// <summary>VAT on shipping (<c>moneydelivery_vat</c>).</summary>
    public decimal Vat => Parts.Sum(part => part.Vat);

    /// <summary>Shipping including VAT (<c>moneytotal_gross_delivery</c>).</summary>
    public decimal TotalGross => Parts.Sum(part => part.Gross);
}

/// <summary>The shipping taxed at one VAT rate.</summary>
/// <param name="VatRate">The rate in percent, from Shopware's <c>shippingCosts.calculatedTaxes[].taxRate</c>.</param>
/// <param name="Gross">The gross amount taxed at the rate.</param>
/// <param name="Vat">The VAT in it.</param>
public sealed record SitooDeliveryPart(decimal VatRate, decimal Gross, decimal Vat)
{
    /// <summary>The amount excluding VAT.</summary>
    public decimal Net => Gross - Vat;
}

/// <summary>A Sitoo order address (<c>invoice_*</c> or <c>delivery_*</c> fields).</summary>
/// <param name="Address">The street (<c>*_address</c>).</param>
/// <param name="Zip">The postal code (<c>*_zip</c>).</param>
/// <param name="City">The city (<c>*_city</c>).</param>
/// <param name="CountryId">The ISO country code (<c>*_countryid</c>).</param>
public sealed record SitooAddress(string Address, string? Zip, string City, string? CountryId)
{
    /// <summary>The second address line (<c>*_address2</c>).</summary>
    public string? Address2 { get; init; }
}
