using NodaTime;

namespace Connectors.Core.Finance;

/// <summary>What a journal row is about.</summary>
/// <param name="Store">The store, the online channel, or an unknown store.</param>
/// <param name="Date">The local date in the store's time zone.</param>
/// <param name="Channel">POS or online.</param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="VatRate">The VAT rate in percent, trailing zeros removed; <see langword="null"/> for amounts without a stated rate (charges without one, round-off).</param>
public sealed record JournalRowKey(JournalStore Store, LocalDate Date, JournalChannel Channel, string Currency, decimal? VatRate);

/// <summary>One row of the journal: one store, day, channel, currency and VAT rate.</summary>
/// <param name="Key">What the row is about.</param>
/// <param name="Amounts">Its money; the order counts are the orders with an amount on this row.</param>
public sealed record JournalRow(JournalRowKey Key, JournalAmounts Amounts);

/// <summary>The total of one store's day in one currency, over both channels and all VAT rates.</summary>
/// <param name="Store">The store, the online channel, or an unknown store.</param>
/// <param name="Date">The local date in the store's time zone.</param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="Amounts">Its money, rounded from exact sums (so it may differ from the sum of its rounded rows by rounding); the order counts are distinct orders.</param>
public sealed record JournalDayTotal(JournalStore Store, LocalDate Date, string Currency, JournalAmounts Amounts);

/// <summary>The total of the whole journal in one currency.</summary>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="Amounts">Its money, rounded from exact sums; the order counts are distinct orders.</param>
public sealed record JournalCurrencyTotal(string Currency, JournalAmounts Amounts);
