using System.Globalization;

namespace Connectors.Core.Finance;

/// <summary>
/// The settlement as CSV (RFC 4180, invariant culture): per store, day and currency one <c>turnover</c> record, one
/// <c>payment</c> record per method and one <c>difference</c> record per listed difference, so a spreadsheet can sum
/// each kind and tie them to card, Swish or PSP payouts and to the cash count.
/// </summary>
public static class SettlementCsv
{
    /// <summary>The header.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["store_kind", "store", "date", "currency", "record", "method_or_cause", "order", "amount"];

    /// <summary>Writes the days, header first.</summary>
    /// <param name="days">The settlement.</param>
    /// <param name="writer">Where to write; not flushed or closed.</param>
    /// <param name="cancellationToken">Stops between records.</param>
    public static async Task WriteAsync(IReadOnlyList<SettlementDay> days, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(writer);
        await FinanceJournalCsv.WriteRecordAsync(writer, Columns, cancellationToken).ConfigureAwait(false);
        foreach (var day in days)
        {
            string[] head = [FinanceJournalCsv.StoreKind(day.Store), day.Store.Id ?? string.Empty, FinanceJournalCsv.Date(day.Date), day.Currency];
            await FinanceJournalCsv.WriteRecordAsync(writer, [.. head, "turnover", string.Empty, string.Empty, Amount(day.Turnover)], cancellationToken).ConfigureAwait(false);
            foreach (var (method, amount) in day.PaymentsByMethod.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                await FinanceJournalCsv.WriteRecordAsync(writer, [.. head, "payment", method, string.Empty, Amount(amount)], cancellationToken).ConfigureAwait(false);
            }

            foreach (var difference in day.Differences)
            {
                await FinanceJournalCsv.WriteRecordAsync(writer, [.. head, "difference", difference.Cause.ToString(), difference.OrderId, Amount(difference.Amount)], cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
