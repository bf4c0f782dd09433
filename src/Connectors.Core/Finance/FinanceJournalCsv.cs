using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Core.Finance;

/// <summary>
/// Writes a <see cref="FinanceJournal"/> as CSV (RFC 4180): a header row, comma separators, CRLF line ends, fields
/// quoted when they hold a comma, quote or line break (quotes doubled). Invariant culture throughout: '.' as decimal
/// separator, no thousands separator, amounts with all the currency's minor digits (<c>-12.50</c>), dates as ISO
/// <c>yyyy-MM-dd</c>, VAT rates without trailing zeros (<c>25</c>, <c>12.5</c>), empty for no rate.
/// </summary>
/// <remarks>
/// <para>Rows file columns, in this order: <c>store_kind</c> (<c>store</c>, <c>online</c>, <c>unknown</c>),
/// <c>store_id</c> (empty for the online channel), <c>date</c>, <c>channel</c> (<c>pos</c>, <c>online</c>), <c>currency</c>,
/// <c>vat_rate</c>, then the amount columns.</para>
/// <para>Day totals file columns: <c>store_kind</c>, <c>store_id</c>, <c>date</c>, <c>currency</c>, then the amount columns.</para>
/// <para>Amount columns (see <see cref="JournalAmounts"/>): <c>sales_gross</c>, <c>returns_gross</c>, <c>discounts</c>,
/// <c>goods_vat</c>, <c>shipping_gross</c>, <c>shipping_vat</c>, <c>fees_gross</c>, <c>fees_vat</c>, <c>round_off</c>,
/// <c>vat</c>, <c>net</c>, <c>total</c>, <c>sale_orders</c>, <c>return_orders</c>.</para>
/// </remarks>
public static class FinanceJournalCsv
{
    private const string LineEnd = "\r\n";

    private static readonly string[] _amountColumns =
    [
        "sales_gross", "returns_gross", "discounts", "goods_vat", "shipping_gross", "shipping_vat", "fees_gross",
        "fees_vat", "round_off", "vat", "net", "total", "sale_orders", "return_orders",
    ];

    /// <summary>The header of the rows file.</summary>
    public static IReadOnlyList<string> RowColumns { get; } =
        [.. new[] { "store_kind", "store_id", "date", "channel", "currency", "vat_rate" }, .. _amountColumns];

    /// <summary>The header of the day totals file.</summary>
    public static IReadOnlyList<string> DayTotalColumns { get; } =
        [.. new[] { "store_kind", "store_id", "date", "currency" }, .. _amountColumns];

    /// <summary>Writes the journal's rows, header first.</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="writer">Where to write; not flushed or closed.</param>
    /// <param name="cancellationToken">Stops between records.</param>
    /// <returns>A task that completes when all rows are written.</returns>
    public static async Task WriteRowsAsync(FinanceJournal journal, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(writer);
        await WriteRecordAsync(writer, RowColumns, cancellationToken).ConfigureAwait(false);
        foreach (var row in journal.Rows)
        {
            var key = row.Key;
            string[] fields =
            [
                StoreKind(key.Store), key.Store.Id ?? string.Empty, Date(key.Date), Channel(key.Channel), key.Currency,
                key.VatRate?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, .. Amounts(row.Amounts),
            ];
            await WriteRecordAsync(writer, fields, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the journal's day totals, header first.</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="writer">Where to write; not flushed or closed.</param>
    /// <param name="cancellationToken">Stops between records.</param>
    /// <returns>A task that completes when all day totals are written.</returns>
    public static async Task WriteDayTotalsAsync(FinanceJournal journal, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(writer);
        await WriteRecordAsync(writer, DayTotalColumns, cancellationToken).ConfigureAwait(false);
        foreach (var day in journal.DayTotals)
        {
            string[] fields =
            [
                StoreKind(day.Store), day.Store.Id ?? string.Empty, Date(day.Date), day.Currency,
                .. Amounts(day.Amounts),
            ];
            await WriteRecordAsync(writer, fields, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string StoreKind(JournalStore store) => store.Kind switch
    {
        JournalStoreKind.Store => "store",
        JournalStoreKind.Online => "online",
        _ => "unknown",
    };

    private static string Channel(JournalChannel channel) => channel == JournalChannel.Pos ? "pos" : "online";

    private static string[] Amounts(JournalAmounts amounts) =>
    [
        .. new[]
        {
            amounts.SalesGross, amounts.ReturnsGross, amounts.Discounts, amounts.GoodsVat, amounts.ShippingGross,
            amounts.ShippingVat, amounts.FeesGross, amounts.FeesVat, amounts.RoundOff, amounts.Vat, amounts.Net, amounts.Total,
        }.Select(amount => amount.ToString(CultureInfo.InvariantCulture)),
        amounts.SaleOrders.ToString(CultureInfo.InvariantCulture),
        amounts.ReturnOrders.ToString(CultureInfo.InvariantCulture),
    ];

    internal static async Task WriteRecordAsync(TextWriter writer, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                record.Append(',');
            }

            AppendField(record, fields[i]);
        }

        record.Append(LineEnd);
        await writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private static void AppendField(StringBuilder record, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            record.Append(field);
            return;
        }

        record.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
