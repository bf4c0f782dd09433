using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Models;

/// <summary>An order: web orders, POS sales and POS returns (negative quantities with <see cref="CreditOrderId"/>) alike.</summary>
public sealed class SitooOrder
{
    /// <summary><c>orderid</c>: order id; grows monotonically and serves as a read cursor.</summary>
    [JsonPropertyName("orderid")]
    public long OrderId { get; init; }

    /// <summary><c>eshopid</c>: site of the order.</summary>
    [JsonPropertyName("eshopid")]
    public int? EshopId { get; init; }

    /// <summary><c>externalid</c>: external reference, unique per system (e.g. the web shop's order number).</summary>
    [JsonPropertyName("externalid")]
    public string? ExternalId { get; init; }

    /// <summary><c>creditorderid</c>: for a return: the order it returns.</summary>
    [JsonPropertyName("creditorderid")]
    public long? CreditOrderId { get; init; }

    /// <summary><c>email</c>: customer email.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary><c>namefirst</c>: customer first name.</summary>
    [JsonPropertyName("namefirst")]
    public string? NameFirst { get; init; }

    /// <summary><c>namelast</c>: customer last name.</summary>
    [JsonPropertyName("namelast")]
    public string? NameLast { get; init; }

    /// <summary><c>personalid</c>: customer personal id.</summary>
    [JsonPropertyName("personalid")]
    public string? PersonalId { get; init; }

    /// <summary><c>company</c>: customer company.</summary>
    [JsonPropertyName("company")]
    public string? Company { get; init; }

    /// <summary><c>phone</c>: customer phone.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary><c>invoice_address</c>: invoice street address.</summary>
    [JsonPropertyName("invoice_address")]
    public string? InvoiceAddress { get; init; }

    /// <summary><c>invoice_address2</c>: invoice second address line.</summary>
    [JsonPropertyName("invoice_address2")]
    public string? InvoiceAddress2 { get; init; }

    /// <summary><c>invoice_zip</c>: invoice postal code.</summary>
    [JsonPropertyName("invoice_zip")]
    public string? InvoiceZip { get; init; }

    /// <summary><c>invoice_city</c>: invoice city.</summary>
    [JsonPropertyName("invoice_city")]
    public string? InvoiceCity { get; init; }

    /// <summary><c>invoice_state</c>: invoice state or region.</summary>
    [JsonPropertyName("invoice_state")]
    public string? InvoiceState { get; init; }

    /// <summary><c>invoice_countryid</c>: invoice country code (ISO 3166-1 alpha-2, lowercase in Sitoo's examples).</summary>
    [JsonPropertyName("invoice_countryid")]
    public string? InvoiceCountryId { get; init; }

    /// <summary><c>delivery_address</c>: delivery street address.</summary>
    [JsonPropertyName("delivery_address")]
    public string? DeliveryAddress { get; init; }

    /// <summary><c>delivery_address2</c>: delivery second address line.</summary>
    [JsonPropertyName("delivery_address2")]
    public string? DeliveryAddress2 { get; init; }

    /// <summary><c>delivery_zip</c>: delivery postal code.</summary>
    [JsonPropertyName("delivery_zip")]
    public string? DeliveryZip { get; init; }

    /// <summary><c>delivery_city</c>: delivery city.</summary>
    [JsonPropertyName("delivery_city")]
    public string? DeliveryCity { get; init; }

    /// <summary><c>delivery_state</c>: delivery state or region.</summary>
    [JsonPropertyName("delivery_state")]
    public string? DeliveryState { get; init; }

    /// <summary><c>delivery_countryid</c>: delivery country code (ISO 3166-1 alpha-2, lowercase in Sitoo's examples).</summary>
    [JsonPropertyName("delivery_countryid")]
    public string? DeliveryCountryId { get; init; }

    /// <summary><c>comment</c>: customer comment.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary><c>commentinternal</c>: internal comment.</summary>
    [JsonPropertyName("commentinternal")]
    public string? CommentInternal { get; init; }

    /// <summary><c>customerref</c>: customer reference.</summary>
    [JsonPropertyName("customerref")]
    public string? CustomerRef { get; init; }

    /// <summary><c>checkoutref</c>: checkout reference.</summary>
    [JsonPropertyName("checkoutref")]
    public string? CheckoutRef { get; init; }

    /// <summary><c>moneytotal_net</c>: items total excluding VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneytotal_net")]
    public decimal? MoneyTotalNet { get; init; }

    /// <summary><c>moneytotal_vat</c>: items VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneytotal_vat")]
    public decimal? MoneyTotalVat { get; init; }

    /// <summary><c>moneycheckout_net</c>: payment fee excluding VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneycheckout_net")]
    public decimal? MoneyCheckoutNet { get; init; }

    /// <summary><c>moneycheckout_vat</c>: payment fee VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneycheckout_vat")]
    public decimal? MoneyCheckoutVat { get; init; }

    /// <summary><c>moneytotal_gross_checkout</c>: payment fee including VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneytotal_gross_checkout")]
    public decimal? MoneyTotalGrossCheckout { get; init; }

    /// <summary><c>moneydelivery_net</c>: shipping excluding VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneydelivery_net")]
    public decimal? MoneyDeliveryNet { get; init; }

    /// <summary><c>moneydelivery_vat</c>: shipping VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneydelivery_vat")]
    public decimal? MoneyDeliveryVat { get; init; }

    /// <summary><c>moneytotal_gross_delivery</c>: shipping including VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneytotal_gross_delivery")]
    public decimal? MoneyTotalGrossDelivery { get; init; }

    /// <summary><c>moneyfinal_net</c>: grand total excluding VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyfinal_net")]
    public decimal? MoneyFinalNet { get; init; }

    /// <summary><c>moneyfinal_vat</c>: total VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyfinal_vat")]
    public decimal? MoneyFinalVat { get; init; }

    /// <summary><c>moneyfinal_salestax</c>: total sales tax.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneyfinal_salestax")]
    public decimal? MoneyFinalSalesTax { get; init; }

    /// <summary><c>moneytotal_gross_roundoff</c>: cash rounding.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneytotal_gross_roundoff")]
    public decimal? MoneyTotalGrossRoundoff { get; init; }

    /// <summary><c>moneytotal_gross_all</c>: grand total including VAT.</summary>
    [JsonConverter(typeof(SitooMoneyConverter))]
    [JsonPropertyName("moneytotal_gross_all")]
    public decimal? MoneyTotalGrossAll { get; init; }

    /// <summary><c>checkouttypename</c>: payment method name, e.g. "Sitoo POS - Card".</summary>
    [JsonPropertyName("checkouttypename")]
    public string? CheckoutTypeName { get; init; }

    /// <summary><c>deliverytypename</c>: delivery method name.</summary>
    [JsonPropertyName("deliverytypename")]
    public string? DeliveryTypeName { get; init; }

    /// <summary><c>orderdate</c>: time of sale; an offline POS keeps the original time, so this is no cursor.</summary>
    [JsonPropertyName("orderdate")]
    public Instant? OrderDate { get; init; }

    /// <summary><c>orderstateid</c>: order state.</summary>
    [JsonPropertyName("orderstateid")]
    public SitooOrderState? OrderState { get; init; }

    /// <summary><c>paymentstateid</c>: payment state.</summary>
    [JsonPropertyName("paymentstateid")]
    public SitooPaymentState? PaymentState { get; init; }

    /// <summary><c>ordertypeid</c>: order type.</summary>
    [JsonPropertyName("ordertypeid")]
    public SitooOrderType? OrderType { get; init; }

    /// <summary><c>userid_staff</c>: staff user.</summary>
    [JsonPropertyName("userid_staff")]
    public string? UserIdStaff { get; init; }

    /// <summary><c>registerid</c>: POS register GUID (braces kept); null for web orders.</summary>
    [JsonPropertyName("registerid")]
    public string? RegisterId { get; init; }

    /// <summary><c>warehouseid</c>: warehouse the order is reserved in or sold from.</summary>
    [JsonPropertyName("warehouseid")]
    public int? WarehouseId { get; init; }

    /// <summary><c>datereserved</c>: until when stock is reserved.</summary>
    [JsonPropertyName("datereserved")]
    public Instant? DateReserved { get; init; }

    /// <summary><c>currencycode</c>: currency.</summary>
    [JsonPropertyName("currencycode")]
    public string? CurrencyCode { get; init; }

    /// <summary><c>additionaldata</c>: free key/value data (e.g. <c>pos-receiptid</c>, <c>pos-originalsales-orderid</c>).</summary>
    [JsonPropertyName("additionaldata")]
    [JsonConverter(typeof(SitooMapConverter))]
    public IReadOnlyDictionary<string, string>? AdditionalData { get; init; }

    /// <summary><c>orderitems</c>: lines.</summary>
    [JsonPropertyName("orderitems")]
    public IReadOnlyList<SitooOrderItem>? OrderItems { get; init; }

    /// <summary><c>payments</c>: payments (negative on returns).</summary>
    [JsonPropertyName("payments")]
    public IReadOnlyList<SitooOrderPayment>? Payments { get; init; }
}
