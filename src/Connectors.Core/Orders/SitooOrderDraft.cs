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

    /// <summary>The gross grand total the draft adds up to: items after discounts plus delivery.</summary>
    public decimal TotalGross => Items.Sum(item => item.MoneyRowPrice - item.MoneyRowDiscount) + Delivery.TotalGross;
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

/// <summary>The order-level shipping money of a Sitoo order.</summary>
/// <param name="Net">Shipping excluding VAT (<c>moneydelivery_net</c>).</param>
/// <param name="Vat">VAT on shipping (<c>moneydelivery_vat</c>).</param>
public sealed record SitooDeliveryMoney(decimal Net, decimal Vat)
{
    /// <summary>No shipping charged.</summary>
    public static SitooDeliveryMoney None { get; } = new(0m, 0m);

    /// <summary>Shipping including VAT (<c>moneytotal_gross_delivery</c>).</summary>
    public decimal TotalGross => Net + Vat;
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
