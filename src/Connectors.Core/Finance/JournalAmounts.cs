namespace Connectors.Core.Finance;

/// <summary>
/// The money of one journal row, day or currency, rounded to the currency's minor unit (half away from zero) from
/// exact sums. All amounts are gross (VAT included) unless named VAT or net. <see cref="Vat"/>, <see cref="Total"/>
/// and <see cref="Net"/> are derived from the rounded columns, so every row adds up across exactly.
/// </summary>
/// <param name="SalesGross">Goods sold, after discount (lines with a non-negative quantity).</param>
/// <param name="ReturnsGross">Goods returned (lines with a negative quantity); negative.</param>
/// <param name="Discounts">Discounts on goods, already deducted from sales and returns; discounts given back on returns are negative.</param>
/// <param name="GoodsVat">VAT on goods sold and returned.</param>
/// <param name="ShippingGross">Shipping charged (negative when refunded).</param>
/// <param name="ShippingVat">VAT on shipping.</param>
/// <param name="FeesGross">Payment fees charged.</param>
/// <param name="FeesVat">VAT on payment fees.</param>
/// <param name="RoundOff">Cash rounding.</param>
/// <param name="SaleOrders">Distinct sale orders that contributed.</param>
/// <param name="ReturnOrders">Distinct return orders that contributed.</param>
public sealed record JournalAmounts(
    decimal SalesGross,
    decimal ReturnsGross,
    decimal Discounts,
    decimal GoodsVat,
    decimal ShippingGross,
    decimal ShippingVat,
    decimal FeesGross,
    decimal FeesVat,
    decimal RoundOff,
    int SaleOrders,
    int ReturnOrders)
{
    /// <summary>All VAT: goods, shipping and fees.</summary>
    public decimal Vat => GoodsVat + ShippingVat + FeesVat;

    /// <summary>The gross total: sales, returns, shipping, fees and round-off (what was paid, net of refunds).</summary>
    public decimal Total => SalesGross + ReturnsGross + ShippingGross + FeesGross + RoundOff;

    /// <summary>The total without VAT.</summary>
    public decimal Net => Total - Vat;
}
