using Connectors.Core.Orders;
using NodaTime;

namespace Connectors.Core.Finance;

/// <summary>
/// Books orders into a <see cref="FinanceJournal"/>. Each order is booked on the local date of its own
/// <see cref="JournalOrder.PlacedAt"/> in its store's time zone, so a return lands on the day it was made, not on the
/// day of the sale. Sums are exact and rounded to the currency's minor unit only when the journal is produced.
/// </summary>
/// <param name="options">Store time zones and currency precisions.</param>
public sealed class FinanceJournalBuilder(FinanceJournalOptions options)
{
    /// <summary>The options in force.</summary>
    public FinanceJournalOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Books <paramref name="orders"/>; their order does not matter.</summary>
    /// <param name="orders">The orders, each once.</param>
    /// <returns>The journal.</returns>
    /// <exception cref="ArgumentException">Two orders share an id, or an order has no currency.</exception>
    public FinanceJournal Build(IEnumerable<JournalOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var rows = new Dictionary<JournalRowKey, Accumulator>();
        var days = new Dictionary<(JournalStore Store, LocalDate Date, string Currency), Accumulator>();
        var currencies = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            ArgumentNullException.ThrowIfNull(order, nameof(orders));
            ArgumentException.ThrowIfNullOrEmpty(order.Currency, nameof(orders));
            if (!seen.Add(order.OrderId))
            {
                throw new ArgumentException($"Order '{order.OrderId}' appears more than once; an order is booked once.", nameof(orders));
            }

            var (store, zone) = Locate(order);
            var date = order.PlacedAt.InZone(zone).Date;
            Accumulator Row(decimal? rate) =>
                GetOrAdd(rows, new JournalRowKey(store, date, order.Channel, order.Currency, Normalize(rate)));

            foreach (var line in order.Lines)
            {
                Row(line.VatRate).AddLine(order, line);
            }

            foreach (var shipping in order.ShippingCharges)
            {
                Row(shipping.VatRate).AddShipping(order, shipping);
            }

            if (order.PaymentFee is { } fee)
            {
                Row(fee.VatRate).AddFee(order, fee);
            }

            if (order.RoundOff != 0m)
            {
                Row(null).AddRoundOff(order);
            }

            GetOrAdd(days, (store, date, order.Currency)).AddOrder(order);
            GetOrAdd(currencies, order.Currency).AddOrder(order);
        }

        return new FinanceJournal(
            rows.OrderBy(entry => entry.Key.Store)
                .ThenBy(entry => entry.Key.Date)
                .ThenBy(entry => entry.Key.Channel)
                .ThenBy(entry => entry.Key.Currency, StringComparer.Ordinal)
                .ThenBy(entry => entry.Key.VatRate)
                .Select(entry => new JournalRow(entry.Key, entry.Value.ToAmounts(Options.PrecisionOf(entry.Key.Currency))))
                .ToList(),
            days.OrderBy(entry => entry.Key.Store)
                .ThenBy(entry => entry.Key.Date)
                .ThenBy(entry => entry.Key.Currency, StringComparer.Ordinal)
                .Select(entry => new JournalDayTotal(
                    entry.Key.Store, entry.Key.Date, entry.Key.Currency, entry.Value.ToAmounts(Options.PrecisionOf(entry.Key.Currency))))
                .ToList(),
            currencies.OrderBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => new JournalCurrencyTotal(entry.Key, entry.Value.ToAmounts(Options.PrecisionOf(entry.Key))))
                .ToList());
    }

    private (JournalStore Store, DateTimeZone Zone) Locate(JournalOrder order)
    {
        if (order.StoreId is { } id)
        {
            return Options.StoreTimeZones.TryGetValue(id, out var zone)
                ? (JournalStore.Known(id), zone)
                : (JournalStore.Unknown(id), Options.DefaultTimeZone);
        }

        // An online order without a store belongs to the channel; a till always belongs to a store, so one without is unknown.
        return order.Channel == JournalChannel.Online
            ? (JournalStore.Online, Options.DefaultTimeZone)
            : (JournalStore.Unknown(null), Options.DefaultTimeZone);
    }

    private static Accumulator GetOrAdd<TKey>(Dictionary<TKey, Accumulator> accumulators, TKey key)
        where TKey : notnull
    {
        if (!accumulators.TryGetValue(key, out var accumulator))
        {
            accumulator = new Accumulator();
            accumulators.Add(key, accumulator);
        }

        return accumulator;
    }

    // 25m and 25.00m are equal keys; stripping trailing zeros makes the first one seen irrelevant to the output.
    private static decimal? Normalize(decimal? rate) => rate / 1.000000000000000000000000000000000m;

    /// <summary>Exact sums of one row, day or currency, and the distinct orders in it.</summary>
    private sealed class Accumulator
    {
        private readonly HashSet<string> _sales = new(StringComparer.Ordinal);
        private readonly HashSet<string> _returns = new(StringComparer.Ordinal);
        private decimal _salesGross;
        private decimal _returnsGross;
        private decimal _discounts;
        private decimal _goodsVat;
        private decimal _shippingGross;
        private decimal _shippingVat;
        private decimal _feesGross;
        private decimal _feesVat;
        private decimal _roundOff;

        public void AddOrder(JournalOrder order)
        {
            foreach (var line in order.Lines)
            {
                AddLine(order, line);
            }

            foreach (var shipping in order.ShippingCharges)
            {
                AddShipping(order, shipping);
            }

            if (order.PaymentFee is { } fee)
            {
                AddFee(order, fee);
            }

            AddRoundOff(order);
            Count(order);
        }

        public void AddLine(JournalOrder order, JournalLine line)
        {
            if (line.Quantity < 0)
            {
                _returnsGross += line.GrossAmount;
            }
            else
            {
                _salesGross += line.GrossAmount;
            }

            _discounts += line.DiscountAmount;
            _goodsVat += line.VatAmount;
            Count(order);
        }

        public void AddShipping(JournalOrder order, JournalCharge shipping)
        {
            _shippingGross += shipping.GrossAmount;
            _shippingVat += shipping.VatAmount;
            Count(order);
        }

        public void AddFee(JournalOrder order, JournalCharge fee)
        {
            _feesGross += fee.GrossAmount;
            _feesVat += fee.VatAmount;
            Count(order);
        }

        public void AddRoundOff(JournalOrder order)
        {
            _roundOff += order.RoundOff;
            Count(order);
        }

        public JournalAmounts ToAmounts(CurrencyPrecision precision) => new(
            ToMinorUnit(_salesGross, precision),
            ToMinorUnit(_returnsGross, precision),
            ToMinorUnit(_discounts, precision),
            ToMinorUnit(_goodsVat, precision),
            ToMinorUnit(_shippingGross, precision),
            ToMinorUnit(_shippingVat, precision),
            ToMinorUnit(_feesGross, precision),
            ToMinorUnit(_feesVat, precision),
            ToMinorUnit(_roundOff, precision),
            _sales.Count,
            _returns.Count);

        // Adding a zero of the currency's scale makes every amount print with all its minor digits (10.50, not 10.5).
        private static decimal ToMinorUnit(decimal amount, CurrencyPrecision precision) =>
            precision.Round(amount) + new decimal(0, 0, 0, false, (byte)precision.MinorUnitDigits);

        private void Count(JournalOrder order) => (order.IsReturn ? _returns : _sales).Add(order.OrderId);
    }
}
