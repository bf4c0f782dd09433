namespace Connectors.Core.Finance;

/// <summary>
/// The finance journal: per store and local day, sales, returns, discounts, VAT, shipping and fees, split by channel,
/// currency and VAT rate, with day totals per store and totals per currency. Built by <see cref="FinanceJournalBuilder"/>;
/// every list is sorted, so the same orders in any order give an equal journal.
/// </summary>
/// <param name="Rows">The rows, sorted by store, date, channel, currency and VAT rate (no rate first).</param>
/// <param name="DayTotals">The day totals, sorted by store, date and currency.</param>
/// <param name="CurrencyTotals">The totals per currency, sorted by currency.</param>
public sealed record FinanceJournal(
    IReadOnlyList<JournalRow> Rows,
    IReadOnlyList<JournalDayTotal> DayTotals,
    IReadOnlyList<JournalCurrencyTotal> CurrencyTotals)
{
    /// <summary>
    /// The stores that had orders but no configured time zone, in sort order: for the operator's exception list
    /// (<c>UnknownStoreLocation</c>, owned by finance), since their days were cut in the default zone.
    /// </summary>
    public IReadOnlyList<JournalStore> UnknownStores =>
        DayTotals.Select(day => day.Store).Where(store => store.Kind == JournalStoreKind.Unknown).Distinct().ToList();

    /// <summary>Whether both journals hold the same rows and totals in the same order.</summary>
    /// <param name="other">The journal to compare with.</param>
    public bool Equals(FinanceJournal? other) =>
        other is not null
        && Rows.SequenceEqual(other.Rows)
        && DayTotals.SequenceEqual(other.DayTotals)
        && CurrencyTotals.SequenceEqual(other.CurrencyTotals);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rows.Count, DayTotals.Count, CurrencyTotals.Count);
}
