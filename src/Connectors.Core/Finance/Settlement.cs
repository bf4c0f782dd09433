using NodaTime;

namespace Connectors.Core.Finance;

/// <summary>Why a day's turnover and its payments differ.</summary>
public enum SettlementCause
{
    /// <summary>A sale with no payment recorded (or less paid than sold).</summary>
    Unpaid,

    /// <summary>A return whose money was not paid back (or not all of it).</summary>
    RefundNotSettled,

    /// <summary>Cash rounding: the payment is the rounded total (<c>moneytotal_gross_roundoff</c>).</summary>
    Rounding,

    /// <summary>More was paid than sold (an overpayment, or a payment booked on the wrong order).</summary>
    Overpaid,

    /// <summary>Money was taken online for an order the stores' reporting (Sitoo) does not have.</summary>
    OrderMissing,
}

/// <summary>One payment of an order, signed: money paid out (a refund) is negative.</summary>
/// <param name="Method">How it was paid, e.g. <c>Card</c>, <c>Cash</c>, <c>Swish</c>, or the shop's payment method.</param>
/// <param name="Amount">The amount.</param>
public sealed record SettlementPayment(string Method, decimal Amount);

/// <summary>An order as the settlement sees it: what it sold (or took back) and what was paid for it.</summary>
/// <param name="OrderId">The order, e.g. the Sitoo order id or the Shopware order number.</param>
/// <param name="StoreId">The store; <see langword="null"/> for the online channel.</param>
/// <param name="At">When the money moved (the receipt's time; for online payments the capture's).</param>
/// <param name="Currency">The ISO 4217 code.</param>
/// <param name="Turnover">Goods, shipping and fees, VAT included, before cash rounding; negative for a return.</param>
/// <param name="Payments">Its payments.</param>
public sealed record SettlementOrder(string OrderId, string? StoreId, Instant At, string Currency, decimal Turnover, IReadOnlyList<SettlementPayment> Payments)
{
    /// <summary>Cash rounding of the total, paid on top of the turnover.</summary>
    public decimal RoundOff { get; init; }

    /// <summary>Whether it takes goods back.</summary>
    public bool IsReturn { get; init; }

    /// <summary>Whether the stores' reporting lacks the order the payments are for.</summary>
    public bool Missing { get; init; }
}

/// <summary>One listed difference.</summary>
/// <param name="Cause">Why.</param>
/// <param name="OrderId">The order it is about.</param>
/// <param name="Amount">Turnover minus payments for that cause.</param>
public sealed record SettlementDifference(SettlementCause Cause, string OrderId, decimal Amount);

/// <summary>One store's (or the online channel's) day in one currency.</summary>
/// <param name="Store">The store.</param>
/// <param name="Date">The local day.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Turnover">Σ turnover.</param>
/// <param name="PaymentsByMethod">Σ payments per method.</param>
/// <param name="Differences">Every difference, with its cause; Σ = <see cref="Turnover"/> − <see cref="Payments"/>.</param>
public sealed record SettlementDay(
    JournalStore Store,
    LocalDate Date,
    string Currency,
    decimal Turnover,
    IReadOnlyDictionary<string, decimal> PaymentsByMethod,
    IReadOnlyList<SettlementDifference> Differences)
{
    /// <summary>Σ payments.</summary>
    public decimal Payments => PaymentsByMethod.Values.Sum();
}

/// <summary>
/// Builds the settlement: per store, local day and currency, the turnover against the payments by method, and every
/// difference listed with its cause, so that turnover − payments = Σ differences to the minor unit, always.
/// </summary>
/// <param name="options">Store time zones, as in the journal.</param>
public sealed class SettlementBuilder(FinanceJournalOptions options)
{
    /// <summary>Builds the days of <paramref name="orders"/>, ordered by store, day and currency.</summary>
    public IReadOnlyList<SettlementDay> Build(IEnumerable<SettlementOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var days = new Dictionary<(JournalStore Store, LocalDate Date, string Currency), Day>();
        foreach (var order in orders)
        {
            var (store, zone) = Locate(order.StoreId);
            var key = (store, order.At.InZone(zone).Date, order.Currency);
            if (!days.TryGetValue(key, out var day))
            {
                day = new Day();
                days.Add(key, day);
            }

            day.Add(order);
        }

        return [.. days
            .OrderBy(entry => entry.Key.Store)
            .ThenBy(entry => entry.Key.Date)
            .ThenBy(entry => entry.Key.Currency, StringComparer.Ordinal)
            .Select(entry => new SettlementDay(entry.Key.Store, entry.Key.Date, entry.Key.Currency, entry.Value.Turnover, entry.Value.Methods, entry.Value.Differences))];
    }

    private (JournalStore Store, DateTimeZone Zone) Locate(string? storeId) =>
        storeId is null
            ? (JournalStore.Online, options.DefaultTimeZone)
            : options.StoreTimeZones.TryGetValue(storeId, out var zone) ? (JournalStore.Known(storeId), zone) : (JournalStore.Unknown(storeId), options.DefaultTimeZone);

    /// <summary>One day's sums; the differences are found per order, so they always add up to turnover − payments.</summary>
    private sealed class Day
    {
        public decimal Turnover { get; private set; }

        public Dictionary<string, decimal> Methods { get; } = new(StringComparer.Ordinal);

        public List<SettlementDifference> Differences { get; } = [];

        public void Add(SettlementOrder order)
        {
            Turnover += order.Turnover;
            foreach (var payment in order.Payments)
            {
                Methods[payment.Method] = Methods.GetValueOrDefault(payment.Method) + payment.Amount;
            }

            var open = order.Turnover - order.Payments.Sum(payment => payment.Amount);
            if (order.RoundOff != 0m)
            {
                Differences.Add(new SettlementDifference(SettlementCause.Rounding, order.OrderId, -order.RoundOff));
                open += order.RoundOff;
            }

            if (open == 0m)
            {
                return;
            }

            var cause = order.Missing ? SettlementCause.OrderMissing
                : order.IsReturn ? (open < 0 ? SettlementCause.RefundNotSettled : SettlementCause.Overpaid)
                : open > 0 ? SettlementCause.Unpaid : SettlementCause.Overpaid;
            Differences.Add(new SettlementDifference(cause, order.OrderId, open));
        }
    }
}
