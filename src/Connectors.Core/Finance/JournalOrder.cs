using NodaTime;

namespace Connectors.Core.Finance;

/// <summary>
/// One order as the finance journal books it: a POS receipt, an online order, or a return (a Sitoo order with
/// negative quantities). Amounts are signed as Sitoo reports them: returned goods are negative. Field names in the
/// remarks refer to the Sitoo order object, from which the sync engine fills this record one field at a time.
/// </summary>
/// <param name="OrderId">The order id (Sitoo <c>orderid</c>); an order is booked once, so ids are unique in a journal.</param>
/// <param name="StoreId">
/// The store the order belongs to (Sitoo store id, or the store's <c>externalid</c> from <c>additionaldata["store-externalid"]</c>,
/// as long as the time-zone map uses the same ids); <see langword="null"/> for an online order that names no store.
/// </param>
/// <param name="Channel">POS when the Sitoo order has a <c>registerid</c>, else online.</param>
/// <param name="PlacedAt">When the order was placed (<c>orderdate</c>, Unix seconds); a return's own date, not its original's.</param>
/// <param name="Currency">The ISO 4217 currency code (<c>currencycode</c>).</param>
/// <param name="Lines">The order items (<c>orderitems</c>).</param>
public sealed record JournalOrder(
    string OrderId,
    string? StoreId,
    JournalChannel Channel,
    Instant PlacedAt,
    string Currency,
    IReadOnlyList<JournalLine> Lines)
{
    /// <summary>The original order of a return (<c>creditorderid</c>, else <c>additionaldata["pos-originalsales-orderid"]</c>); <see langword="null"/> for a sale or an unvalidated return.</summary>
    public string? OriginalOrderId { get; init; }

    /// <summary>
    /// Shipping: the rows of the shipping product an exported order carries it on (one per VAT rate, each with its rate),
    /// or Sitoo's order-level <c>moneytotal_gross_delivery</c>; empty when the order charges none.
    /// </summary>
    public IReadOnlyList<JournalCharge> ShippingCharges { get; init; } = [];

    /// <summary>The payment fee (<c>moneytotal_gross_checkout</c>, <c>moneycheckout_vat</c>); <see langword="null"/> when the order has none.</summary>
    public JournalCharge? PaymentFee { get; init; }

    /// <summary>Cash rounding of the total (<c>moneytotal_gross_roundoff</c>); it carries no VAT.</summary>
    public decimal RoundOff { get; init; }

    /// <summary>
    /// Whether the order is a return: it points to an original order or returns goods (a line with a negative
    /// quantity; Sitoo keeps <c>ordertypeid</c> 10 for returns, so the type cannot tell).
    /// </summary>
    public bool IsReturn => OriginalOrderId is not null || Lines.Any(line => line.Quantity < 0);

    /// <summary>The order's gross total: lines, shipping, payment fee and round-off (Sitoo <c>moneytotal_gross_all</c>).</summary>
    public decimal TotalGross =>
        Lines.Sum(line => line.GrossAmount) + ShippingCharges.Sum(charge => charge.GrossAmount) + (PaymentFee?.GrossAmount ?? 0m) + RoundOff;
}

/// <summary>
/// One order item. Amounts are for the whole row, VAT included, after discount, and signed like the quantity's row:
/// a returned item has negative amounts, its discount included (the discount is given back).
/// </summary>
/// <param name="Quantity">The quantity (<c>quantity</c>): negative for returned goods.</param>
/// <param name="GrossAmount">The row's gross amount after discount (<c>moneyitemtotal_net</c> + <c>moneyitemtotal_vat</c>).</param>
/// <param name="DiscountAmount">The row's gross discount, already deducted from <paramref name="GrossAmount"/> (see <see cref="FromNet"/> for Sitoo's net fields).</param>
/// <param name="VatAmount">The row's VAT (<c>moneyitemtotal_vat</c>).</param>
/// <param name="VatRate">The VAT rate in percent (<c>vatvalue</c>), e.g. 25.</param>
public sealed record JournalLine(decimal Quantity, decimal GrossAmount, decimal DiscountAmount, decimal VatAmount, decimal VatRate)
{
    /// <summary>The row's net amount after discount.</summary>
    public decimal NetAmount => GrossAmount - VatAmount;

    /// <summary>
    /// A line from Sitoo's read fields, which are net: the gross amount is net + VAT and the net discount is grossed up
    /// at the line's rate. The result is not rounded; the journal rounds once, at output.
    /// </summary>
    /// <param name="quantity">The quantity (<c>quantity</c>).</param>
    /// <param name="netAmount">The row's net amount (<c>moneyitemtotal_net</c>).</param>
    /// <param name="vatAmount">The row's VAT (<c>moneyitemtotal_vat</c>).</param>
    /// <param name="vatRate">The VAT rate in percent (<c>vatvalue</c>).</param>
    /// <param name="netDiscountPerUnit">The net discount per unit (<c>moneydiscount</c>).</param>
    /// <returns>The line, with a discount signed like the quantity.</returns>
    public static JournalLine FromNet(decimal quantity, decimal netAmount, decimal vatAmount, decimal vatRate, decimal netDiscountPerUnit) =>
        new(quantity, netAmount + vatAmount, netDiscountPerUnit * quantity * (1m + (vatRate / 100m)), vatAmount, vatRate);
}

/// <summary>An order-level charge (shipping or payment fee), VAT included, signed like the order (negative when refunded).</summary>
/// <param name="GrossAmount">The gross amount.</param>
/// <param name="VatAmount">The VAT in it.</param>
public sealed record JournalCharge(decimal GrossAmount, decimal VatAmount)
{
    /// <summary>
    /// The VAT rate in percent when the source states it (e.g. the Shopware shipping tax of an exported order);
    /// <see langword="null"/> when it does not (Sitoo's order-level fields carry no rate), in which case the charge is
    /// booked on the row without a rate rather than on a guessed one.
    /// </summary>
    public decimal? VatRate { get; init; }
}
