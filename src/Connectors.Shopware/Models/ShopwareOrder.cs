using System.Text.Json;
using NodaTime;

namespace Connectors.Shopware.Models;

/// <summary>An order with the associations a connector loads (line items, customer, transactions, deliveries, state).</summary>
public sealed record ShopwareOrder
{
    /// <summary>Order id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Version id; the live version unless a draft was requested.</summary>
    public string? VersionId { get; init; }

    /// <summary>Order number shown to the customer, e.g. <c>10077</c>.</summary>
    public string? OrderNumber { get; init; }

    /// <summary>When the order was placed.</summary>
    public Instant? OrderDateTime { get; init; }

    /// <summary>Gross total.</summary>
    public decimal? AmountTotal { get; init; }

    /// <summary>Net total.</summary>
    public decimal? AmountNet { get; init; }

    /// <summary>Sum of the top-level line items.</summary>
    public decimal? PositionPrice { get; init; }

    /// <summary>Shipping total.</summary>
    public decimal? ShippingTotal { get; init; }

    /// <summary><c>gross</c>, <c>net</c> or <c>tax-free</c>.</summary>
    public string? TaxStatus { get; init; }

    /// <summary>Totals with taxes.</summary>
    public ShopwareCartPrice? Price { get; init; }

    /// <summary>Shipping costs with taxes.</summary>
    public ShopwareCalculatedPrice? ShippingCosts { get; init; }

    /// <summary>Currency id.</summary>
    public string? CurrencyId { get; init; }

    /// <summary>Currency factor relative to the default currency.</summary>
    public decimal? CurrencyFactor { get; init; }

    /// <summary>The order's currency (association <c>currency</c>).</summary>
    public ShopwareCurrency? Currency { get; init; }

    /// <summary>How line prices were rounded (<c>itemRounding</c>): decimals and interval.</summary>
    public ShopwareCashRounding? ItemRounding { get; init; }

    /// <summary>How the grand total was rounded (<c>totalRounding</c>), e.g. SEK to 1.00 or CHF to 0.05.</summary>
    public ShopwareCashRounding? TotalRounding { get; init; }

    /// <summary>Sales channel the order was placed in.</summary>
    public string? SalesChannelId { get; init; }

    /// <summary>Language id.</summary>
    public string? LanguageId { get; init; }

    /// <summary>Id of the order state.</summary>
    public string? StateId { get; init; }

    /// <summary>Order state (association <c>stateMachineState</c>; must be requested since 6.6).</summary>
    public ShopwareStateMachineState? StateMachineState { get; init; }

    /// <summary>The billing address (association <c>billingAddress</c>, with <c>billingAddress.country</c>).</summary>
    public ShopwareOrderAddress? BillingAddress { get; init; }

    /// <summary>The customer snapshot; load <c>orderCustomer.customer</c> to see whether it was a guest.</summary>
    public ShopwareOrderCustomer? OrderCustomer { get; init; }

    /// <summary>Line items (association <c>lineItems</c>).</summary>
    public IReadOnlyList<ShopwareOrderLineItem>? LineItems { get; init; }

    /// <summary>Payment transactions (association <c>transactions</c>).</summary>
    public IReadOnlyList<ShopwareOrderTransaction>? Transactions { get; init; }

    /// <summary>Deliveries (association <c>deliveries</c>); empty for digital-only orders.</summary>
    public IReadOnlyList<ShopwareOrderDelivery>? Deliveries { get; init; }

    /// <summary>The current transaction since 6.7 (may be unset on orders written directly through the API).</summary>
    public string? PrimaryOrderTransactionId { get; init; }

    /// <summary>The main delivery since 6.7 (may be unset on orders written directly through the API).</summary>
    public string? PrimaryOrderDeliveryId { get; init; }

    /// <summary>Customer comment.</summary>
    public string? CustomerComment { get; init; }

    /// <summary>Creation time.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>Last update time; <see langword="null"/> on new orders.</summary>
    public Instant? UpdatedAt { get; init; }

    /// <summary>Custom fields as sent by the shop.</summary>
    public JsonElement? CustomFields { get; init; }
}

/// <summary>The customer data copied into an order.</summary>
public sealed record ShopwareOrderCustomer
{
    /// <summary>Order customer id.</summary>
    public string Id { get; init; } = "";

    /// <summary>E-mail address at order time.</summary>
    public string? Email { get; init; }

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Company.</summary>
    public string? Company { get; init; }

    /// <summary>Customer number.</summary>
    public string? CustomerNumber { get; init; }

    /// <summary>The customer row (guest or account); <see langword="null"/> if it was deleted.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The customer (association <c>orderCustomer.customer</c>).</summary>
    public ShopwareCustomer? Customer { get; init; }
}

/// <summary>An order line item. Classify by <see cref="Type"/>; see <see cref="ShopwareLineItemTypes"/>.</summary>
public sealed record ShopwareOrderLineItem
{
    /// <summary>Line item id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Line type (<c>product</c>, <c>promotion</c>, <c>credit</c>, <c>custom</c>, …); unknown values are kept as they are.</summary>
    public string? Type { get; init; }

    /// <summary>Cart identifier (for promotions: the discount id).</summary>
    public string? Identifier { get; init; }

    /// <summary>Referenced id (for products the variant id, for promotions the code).</summary>
    public string? ReferencedId { get; init; }

    /// <summary>Product (variant) id of a product line.</summary>
    public string? ProductId { get; init; }

    /// <summary>Promotion id of a promotion line.</summary>
    public string? PromotionId { get; init; }

    /// <summary>Parent line of a nested line.</summary>
    public string? ParentId { get; init; }

    /// <summary>Label shown to the customer.</summary>
    public string? Label { get; init; }

    /// <summary>Quantity.</summary>
    public int Quantity { get; init; }

    /// <summary>Price of one unit.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary>Line total (negative for discounts and credits).</summary>
    public decimal? TotalPrice { get; init; }

    /// <summary>Price with taxes.</summary>
    public ShopwareCalculatedPrice? Price { get; init; }

    /// <summary>Whether the line is a physical good.</summary>
    public bool? Good { get; init; }

    /// <summary>Position in the order.</summary>
    public int? Position { get; init; }

    /// <summary>Type-specific snapshot: <c>productNumber</c> for products; <c>code</c>, <c>discountType</c>, <c>composition</c> for promotions.</summary>
    public JsonElement? Payload { get; init; }

    /// <summary>The SKU from <see cref="Payload"/> of a product line, if present.</summary>
    public string? PayloadProductNumber
        => Payload is { ValueKind: JsonValueKind.Object } payload
           && payload.TryGetProperty("productNumber", out var number)
           && number.ValueKind == JsonValueKind.String
            ? number.GetString()
            : null;
}

/// <summary>Line item types known to Shopware core.</summary>
public static class ShopwareLineItemTypes
{
    /// <summary>A product (variant).</summary>
    public const string Product = "product";

    /// <summary>A promotion discount; no product.</summary>
    public const string Promotion = "promotion";

    /// <summary>A negative manual amount.</summary>
    public const string Credit = "credit";

    /// <summary>A manual item with a manual price.</summary>
    public const string Custom = "custom";

    /// <summary>A discount.</summary>
    public const string Discount = "discount";

    /// <summary>A parent line with children.</summary>
    public const string Container = "container";
}

/// <summary>A payment transaction of an order.</summary>
public sealed record ShopwareOrderTransaction
{
    /// <summary>Transaction id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Order id.</summary>
    public string? OrderId { get; init; }

    /// <summary>Payment method id.</summary>
    public string? PaymentMethodId { get; init; }

    /// <summary>Amount.</summary>
    public ShopwareCalculatedPrice? Amount { get; init; }

    /// <summary>State id.</summary>
    public string? StateId { get; init; }

    /// <summary>Payment state (association <c>stateMachineState</c>).</summary>
    public ShopwareStateMachineState? StateMachineState { get; init; }

    /// <summary>Creation time; the newest transaction is normally the current one.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>The payment method (association <c>paymentMethod</c>).</summary>
    public ShopwarePaymentMethod? PaymentMethod { get; init; }

    /// <summary>The captures a payment extension recorded (association <c>captures</c>, with <c>captures.refunds</c>).</summary>
    public IReadOnlyList<ShopwareTransactionCapture>? Captures { get; init; }
}

/// <summary>A delivery of an order.</summary>
public sealed record ShopwareOrderDelivery
{
    /// <summary>Delivery id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Order id.</summary>
    public string? OrderId { get; init; }

    /// <summary>Shipping method id.</summary>
    public string? ShippingMethodId { get; init; }

    /// <summary>Shipping address id.</summary>
    public string? ShippingOrderAddressId { get; init; }

    /// <summary>Where the delivery goes (association <c>shippingOrderAddress</c>, with its <c>country</c>).</summary>
    public ShopwareOrderAddress? ShippingOrderAddress { get; init; }

    /// <summary>Shipping costs.</summary>
    public ShopwareCalculatedPrice? ShippingCosts { get; init; }

    /// <summary>Tracking codes.</summary>
    public IReadOnlyList<string>? TrackingCodes { get; init; }

    /// <summary>State id.</summary>
    public string? StateId { get; init; }

    /// <summary>Delivery state (association <c>stateMachineState</c>).</summary>
    public ShopwareStateMachineState? StateMachineState { get; init; }
}
