using System.Text.Json.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Models;

/// <summary>An order to create, e.g. a web order for pickup in store (no delivery address) or ship from store.</summary>
public sealed class SitooNewOrder
{
    /// <summary><c>ordertypeid</c>: order type; usually <see cref="SitooOrderType.Order"/>.</summary>
    [JsonPropertyName("ordertypeid")]
    public required SitooOrderType OrderType { get; init; }

    /// <summary><c>externalid</c>: external reference, unique per system (<c>[A-Za-z0-9_-]{1,40}</c>); look it up before creating to stay idempotent.</summary>
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

    /// <summary><c>orderdate</c>: time of the order; Sitoo uses now when left out.</summary>
    [JsonPropertyName("orderdate")]
    public Instant? OrderDate { get; init; }

    /// <summary><c>orderstateid</c>: order state.</summary>
    [JsonPropertyName("orderstateid")]
    public SitooOrderState? OrderState { get; init; }

    /// <summary><c>paymentstateid</c>: payment state.</summary>
    [JsonPropertyName("paymentstateid")]
    public SitooPaymentState? PaymentState { get; init; }

    /// <summary><c>warehouseid</c>: store warehouse for pickup or ship from store.</summary>
    [JsonPropertyName("warehouseid")]
    public int? WarehouseId { get; init; }

    /// <summary><c>datereserved</c>: until when stock is reserved.</summary>
    [JsonPropertyName("datereserved")]
    public Instant? DateReserved { get; init; }

    /// <summary><c>currencycode</c>: currency; Sitoo uses the system currency when left out.</summary>
    [JsonPropertyName("currencycode")]
    public string? CurrencyCode { get; init; }

    /// <summary><c>additionaldata</c>: free key/value data, e.g. a web-order marker.</summary>
    [JsonPropertyName("additionaldata")]
    public IReadOnlyDictionary<string, string>? AdditionalData { get; init; }

    /// <summary><c>orderitems</c>: lines.</summary>
    [JsonPropertyName("orderitems")]
    public IReadOnlyList<SitooNewOrderItem>? OrderItems { get; init; }

    /// <summary><c>payments</c>: payments.</summary>
    [JsonPropertyName("payments")]
    public IReadOnlyList<SitooNewOrderPayment>? Payments { get; init; }
}
