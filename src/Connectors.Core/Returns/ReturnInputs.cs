using System.Globalization;
using Connectors.Core.Orders;

namespace Connectors.Core.Returns;

/// <summary>
/// A Sitoo return: an order with negative quantities whose <c>creditorderid</c> points to the original order.
/// Field names follow the Sitoo order object.
/// </summary>
/// <param name="OrderId">The return's own order id (<c>orderid</c>).</param>
/// <param name="CreditOrderId">The original order (<c>creditorderid</c>); <see langword="null"/> for an unvalidated return.</param>
/// <param name="Items">The order items (<c>orderitems</c>); returned goods have negative quantities.</param>
public sealed record SitooReturnSnapshot(long OrderId, long? CreditOrderId, IReadOnlyList<SitooReturnItem> Items)
{
    /// <summary>The key/value tags of the order (<c>additionaldata</c>).</summary>
    public IReadOnlyDictionary<string, string> AdditionalData { get; init; } = new Dictionary<string, string>();

    /// <summary>How the till paid the customer back (<c>payments</c>, amounts negative on a return).</summary>
    public IReadOnlyList<SitooReturnPayment> Payments { get; init; } = [];

    /// <summary>The original order: <c>creditorderid</c>, else <c>additionaldata["pos-originalsales-orderid"]</c>.</summary>
    public long? OriginalOrderId =>
        CreditOrderId ?? (AdditionalData.TryGetValue("pos-originalsales-orderid", out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : null);
}

/// <summary>An item of a Sitoo return.</summary>
/// <param name="OrderItemId">The item's index in the return (<c>orderitemid</c>).</param>
/// <param name="Sku">The SKU (<c>sku</c>).</param>
/// <param name="Quantity">The quantity (<c>quantity</c>): negative for returned goods, positive for goods sold in an exchange.</param>
public sealed record SitooReturnItem(long OrderItemId, string Sku, decimal Quantity)
{
    /// <summary>The original order's item (<c>additionaldata["pos-originalsales-orderitemid"]</c>), where the POS recorded it.</summary>
    public long? OriginalOrderItemId { get; init; }

    /// <summary>The return reason code (<c>additionaldata["reasoncode-return"]</c>).</summary>
    public string? ReasonCode { get; init; }
}

/// <summary>The Sitoo order a return points to, as read from Sitoo.</summary>
/// <param name="OrderId">The order id (<c>orderid</c>).</param>
/// <param name="ExternalId">The external id (<c>externalid</c>): the Shopware order number for exported orders, else <see langword="null"/>.</param>
public sealed record SitooOriginalOrder(long OrderId, string? ExternalId);

/// <summary>A Shopware order as the connector exported it to Sitoo.</summary>
/// <param name="Order">The Shopware order.</param>
/// <param name="Draft">The Sitoo order that was created from it; item <i>n</i> is Sitoo's <c>orderitemid</c> <i>n</i>.</param>
/// <param name="SitooOrderId">The id Sitoo gave the created order.</param>
public sealed record ExportedOrder(ShopwareOrderSnapshot Order, SitooOrderDraft Draft, long SitooOrderId);

/// <summary>Everything a refund plan is decided from.</summary>
/// <param name="Return">The Sitoo return to plan.</param>
/// <param name="Original">The Sitoo order it points to; <see langword="null"/> when Sitoo did not return it.</param>
/// <param name="Exported">The exported Shopware order whose number is the original's <c>externalid</c>; <see langword="null"/> when not known (yet).</param>
/// <param name="EarlierReturns">Returns against the same order that were already refunded.</param>
public sealed record ReturnContext(
    SitooReturnSnapshot Return,
    SitooOriginalOrder? Original,
    ExportedOrder? Exported,
    IReadOnlyList<SitooReturnSnapshot> EarlierReturns)
{
    /// <summary>
    /// What the order's payment holds in Shopware, read right before planning: captured, and refunded already (by the
    /// connector's earlier returns, by staff in Shopware, or by the provider). <see langword="null"/> when the payment
    /// has no capture (the payment extension writes none): the plan is then capped by the exported order alone.
    /// </summary>
    public CapturedPayment? Payment { get; init; }
}

/// <summary>The money of an order's payment in Shopware.</summary>
/// <param name="Captured">Σ completed captures of the payment transaction.</param>
/// <param name="Refunded">Σ capture refunds that are not failed or cancelled, this return's own refund left out.</param>
public sealed record CapturedPayment(decimal Captured, decimal Refunded)
{
    /// <summary>What can still be refunded.</summary>
    public decimal Refundable => Captured - Refunded;
}

/// <summary>One payment of a Sitoo return (<c>payments[]</c>).</summary>
/// <param name="Name">The payment's name at the till (<c>name</c>), e.g. <c>Cash</c>, <c>Card</c>, <c>Klarna</c>.</param>
/// <param name="Amount">The amount (<c>moneyamount</c>), negative for money paid out.</param>
public sealed record SitooReturnPayment(string Name, decimal Amount)
{
    /// <summary>The reference type (<c>reftype</c>), e.g. a terminal's.</summary>
    public string? RefType { get; init; }

    /// <summary>The external id (<c>externalid</c>); the export writes the Shopware transaction id here.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The payment's <c>additionaldata</c>, e.g. <c>pos-originalsales-payment-index</c> for a refund to the original payment.</summary>
    public IReadOnlyDictionary<string, string> AdditionalData { get; init; } = new Dictionary<string, string>();
}
