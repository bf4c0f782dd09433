using NodaTime;

namespace Connectors.Shopware.Models;

/// <summary>Shopware's <c>CashRoundingConfig</c> (<c>order.itemRounding</c>, <c>order.totalRounding</c>).</summary>
public sealed record ShopwareCashRounding
{
    /// <summary>Digits after the decimal separator (<c>decimals</c>).</summary>
    public int Decimals { get; init; } = 2;

    /// <summary>The rounding step (<c>interval</c>), e.g. 0.01, 0.05 or 1.00.</summary>
    public decimal Interval { get; init; } = 0.01m;

    /// <summary>Whether net prices are rounded too (<c>roundForNet</c>).</summary>
    public bool RoundForNet { get; init; } = true;
}

/// <summary>A currency (<c>currency</c>).</summary>
public sealed record ShopwareCurrency
{
    /// <summary>Currency id.</summary>
    public string Id { get; init; } = "";

    /// <summary>ISO 4217 code (<c>isoCode</c>), e.g. <c>SEK</c>.</summary>
    public string? IsoCode { get; init; }
}

/// <summary>A payment method (<c>payment_method</c>).</summary>
public sealed record ShopwarePaymentMethod
{
    /// <summary>Payment method id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The name shown to customers (<c>name</c>, translated).</summary>
    public string? Name { get; init; }

    /// <summary>The stable technical name (<c>technicalName</c>, required since 6.7), e.g. <c>payment_klarna</c>.</summary>
    public string? TechnicalName { get; init; }
}

/// <summary>A capture of a payment transaction (<c>order_transaction_capture</c>), written by a payment extension.</summary>
public sealed record ShopwareTransactionCapture
{
    /// <summary>Capture id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The transaction captured (<c>orderTransactionId</c>).</summary>
    public string? OrderTransactionId { get; init; }

    /// <summary>The amount captured (<c>amount</c>).</summary>
    public ShopwareCalculatedPrice? Amount { get; init; }

    /// <summary>The payment provider's reference (<c>externalReference</c>).</summary>
    public string? ExternalReference { get; init; }

    /// <summary>State: <c>pending</c>, <c>completed</c> or <c>failed</c> (association <c>stateMachineState</c>).</summary>
    public ShopwareStateMachineState? StateMachineState { get; init; }

    /// <summary>When the capture was recorded.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>Its refunds (association <c>refunds</c>, with <c>refunds.positions</c>).</summary>
    public IReadOnlyList<ShopwareCaptureRefund>? Refunds { get; init; }
}

/// <summary>A refund of a capture (<c>order_transaction_capture_refund</c>).</summary>
public sealed record ShopwareCaptureRefund
{
    /// <summary>Refund id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The capture refunded (<c>captureId</c>).</summary>
    public string? CaptureId { get; init; }

    /// <summary>The amount refunded (<c>amount</c>).</summary>
    public ShopwareCalculatedPrice? Amount { get; init; }

    /// <summary>Why (<c>reason</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>A reference of the refund's origin (<c>externalReference</c>), e.g. the Sitoo return.</summary>
    public string? ExternalReference { get; init; }

    /// <summary>State: <c>open</c>, <c>in_progress</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c> (association <c>stateMachineState</c>).</summary>
    public ShopwareStateMachineState? StateMachineState { get; init; }

    /// <summary>When the refund was recorded.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>The refunded lines (association <c>positions</c>).</summary>
    public IReadOnlyList<ShopwareCaptureRefundPosition>? Positions { get; init; }
}

/// <summary>One line of a capture refund (<c>order_transaction_capture_refund_position</c>).</summary>
public sealed record ShopwareCaptureRefundPosition
{
    /// <summary>Position id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The order line refunded (<c>orderLineItemId</c>).</summary>
    public string? OrderLineItemId { get; init; }

    /// <summary>The quantity refunded (<c>quantity</c>).</summary>
    public int Quantity { get; init; }

    /// <summary>The amount refunded for the line (<c>amount</c>).</summary>
    public ShopwareCalculatedPrice? Amount { get; init; }

    /// <summary>Why (<c>reason</c>).</summary>
    public string? Reason { get; init; }
}

/// <summary>An address as the order keeps it (<c>order_address</c>), copied from the customer's address at checkout.</summary>
public sealed record ShopwareOrderAddress
{
    /// <summary>Address id.</summary>
    public string Id { get; init; } = "";

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Company.</summary>
    public string? Company { get; init; }

    /// <summary>Street and number.</summary>
    public string? Street { get; init; }

    /// <summary>Second address line (<c>additionalAddressLine1</c>).</summary>
    public string? AdditionalAddressLine1 { get; init; }

    /// <summary>Postal code (<c>zipcode</c>).</summary>
    public string? Zipcode { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>Phone number (<c>phoneNumber</c>), as the customer typed it.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The country (association <c>country</c>).</summary>
    public ShopwareCountry? Country { get; init; }
}

/// <summary>A country (<c>country</c>).</summary>
public sealed record ShopwareCountry
{
    /// <summary>Country id.</summary>
    public string Id { get; init; } = "";

    /// <summary>ISO 3166-1 alpha-2 code (<c>iso</c>), e.g. <c>SE</c>.</summary>
    public string? Iso { get; init; }
}
