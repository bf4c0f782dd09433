using System.Globalization;
using Connectors.Core.Finance;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Text;

namespace Connectors.Core.Tests.Finance;

public class FinanceJournalProperties
{
    private static readonly FinanceJournalBuilder _builder = new(JournalGen.Options);

    /// <summary>Every column of each currency total, each sum of rows and each sum of day totals equals the sum over the input orders.</summary>
    [Property(MaxTest = 300)]
    public Property The_journal_totals_equal_the_sum_of_the_input_orders() =>
        Prop.ForAll(JournalGen.Orders(), orders =>
        {
            var journal = _builder.Build(orders);
            foreach (var currency in orders.Select(order => order.Currency).Distinct())
            {
                var inCurrency = orders.Where(order => order.Currency == currency).ToList();
                var expected = Expected(inCurrency);
                var total = journal.CurrencyTotals.Single(entry => entry.Currency == currency).Amounts;
                var rows = Sum(journal.Rows.Where(row => row.Key.Currency == currency).Select(row => row.Amounts));
                var days = Sum(journal.DayTotals.Where(day => day.Currency == currency).Select(day => day.Amounts));
                Assert.Equal(expected, total);
                Assert.Equal(expected with { SaleOrders = 0, ReturnOrders = 0 }, rows with { SaleOrders = 0, ReturnOrders = 0 });
                Assert.Equal(expected, days);
                Assert.Equal(inCurrency.Sum(order => order.TotalGross), total.Total);
            }

            Assert.Equal(orders.Select(order => order.Currency).Distinct().Count(), journal.CurrencyTotals.Count);
        });

    /// <summary>Sub-cent amounts are summed exactly and rounded once: rounding each row first would drift by cents.</summary>
    [Property(MaxTest = 200)]
    public Property Amounts_are_rounded_only_at_output() =>
        Prop.ForAll(JournalGen.OrdersWithFractions(), orders =>
        {
            var journal = _builder.Build(orders);
            foreach (var total in journal.CurrencyTotals)
            {
                var precision = JournalGen.Options.PrecisionOf(total.Currency);
                var inCurrency = orders.Where(order => order.Currency == total.Currency).ToList();
                Assert.Equal(precision.Round(inCurrency.SelectMany(order => order.Lines).Sum(line => line.DiscountAmount)), total.Amounts.Discounts);
                Assert.Equal(precision.Round(inCurrency.SelectMany(order => order.Lines).Sum(line => line.VatAmount)), total.Amounts.GoodsVat);
            }
        });

    [Property(MaxTest = 200)]
    public Property Building_from_shuffled_orders_gives_the_same_journal() =>
        Prop.ForAll(JournalGen.Orders(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (orders, seed) =>
        {
            var random = new Random(seed);
            var shuffled = orders.OrderBy(_ => random.Next()).ToList();
            var journal = _builder.Build(orders);
            var again = _builder.Build(shuffled);
            Assert.Equal(journal, again);
            Assert.Equal(WriteRows(journal), WriteRows(again));
        });

    /// <summary>Parsing the CSV back gives every row and day total of the journal, in order.</summary>
    [Property(MaxTest = 200)]
    public Property The_csv_round_trips() =>
        Prop.ForAll(JournalGen.Orders(), orders =>
        {
            var journal = _builder.Build(orders);

            var rows = Csv.Parse(WriteRows(journal));
            Assert.Equal(FinanceJournalCsv.RowColumns, rows[0]);
            Assert.Equal(journal.Rows, rows.Skip(1).Select(ParseRow).ToList());

            var days = Csv.Parse(WriteDays(journal));
            Assert.Equal(FinanceJournalCsv.DayTotalColumns, days[0]);
            Assert.Equal(journal.DayTotals, days.Skip(1).Select(ParseDay).ToList());
        });

    private static JournalAmounts Expected(List<JournalOrder> orders)
    {
        var lines = orders.SelectMany(order => order.Lines).ToList();
        return new JournalAmounts(
            lines.Where(line => line.Quantity >= 0).Sum(line => line.GrossAmount),
            lines.Where(line => line.Quantity < 0).Sum(line => line.GrossAmount),
            lines.Sum(line => line.DiscountAmount),
            lines.Sum(line => line.VatAmount),
            orders.Sum(order => order.ShippingCharges.Sum(charge => charge.GrossAmount)),
            orders.Sum(order => order.ShippingCharges.Sum(charge => charge.VatAmount)),
            orders.Sum(order => order.PaymentFee?.GrossAmount ?? 0m),
            orders.Sum(order => order.PaymentFee?.VatAmount ?? 0m),
            orders.Sum(order => order.RoundOff),
            orders.Count(order => !order.IsReturn),
            orders.Count(order => order.IsReturn));
    }

    private static JournalAmounts Sum(IEnumerable<JournalAmounts> parts)
    {
        var list = parts.ToList();
        return new JournalAmounts(
            list.Sum(a => a.SalesGross), list.Sum(a => a.ReturnsGross), list.Sum(a => a.Discounts), list.Sum(a => a.GoodsVat),
            list.Sum(a => a.ShippingGross), list.Sum(a => a.ShippingVat), list.Sum(a => a.FeesGross), list.Sum(a => a.FeesVat),
            list.Sum(a => a.RoundOff), list.Sum(a => a.SaleOrders), list.Sum(a => a.ReturnOrders));
    }

    internal static string WriteRows(FinanceJournal journal)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        FinanceJournalCsv.WriteRowsAsync(journal, writer, CancellationToken.None).GetAwaiter().GetResult();
        return writer.ToString();
    }

    internal static string WriteDays(FinanceJournal journal)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        FinanceJournalCsv.WriteDayTotalsAsync(journal, writer, CancellationToken.None).GetAwaiter().GetResult();
        return writer.ToString();
    }

    private static JournalRow ParseRow(List<string> fields)
    {
        Assert.Equal(FinanceJournalCsv.RowColumns.Count, fields.Count);
        var key = new JournalRowKey(
            ParseStore(fields[0], fields[1]),
            LocalDatePattern.Iso.Parse(fields[2]).Value,
            fields[3] switch { "pos" => JournalChannel.Pos, "online" => JournalChannel.Online, _ => throw new FormatException(fields[3]) },
            fields[4],
            fields[5].Length == 0 ? null : decimal.Parse(fields[5], NumberStyles.Number, CultureInfo.InvariantCulture));
        return new JournalRow(key, ParseAmounts(fields[6..]));
    }

    private static JournalDayTotal ParseDay(List<string> fields)
    {
        Assert.Equal(FinanceJournalCsv.DayTotalColumns.Count, fields.Count);
        return new JournalDayTotal(
            ParseStore(fields[0], fields[1]), LocalDatePattern.Iso.Parse(fields[2]).Value, fields[3], ParseAmounts(fields[4..]));
    }

    private static JournalStore ParseStore(string kind, string id) => kind switch
    {
        "store" => JournalStore.Known(id),
        "online" when id.Length == 0 => JournalStore.Online,
        "unknown" => JournalStore.Unknown(id.Length == 0 ? null : id),
        _ => throw new FormatException(kind),
    };

    /// <summary>Parses the amount columns and checks that the derived ones (vat, net, total) agree with the rest.</summary>
    private static JournalAmounts ParseAmounts(List<string> fields)
    {
        var money = fields.Take(12).Select(field => decimal.Parse(field, NumberStyles.Number, CultureInfo.InvariantCulture)).ToList();
        var amounts = new JournalAmounts(
            money[0], money[1], money[2], money[3], money[4], money[5], money[6], money[7], money[8],
            int.Parse(fields[12], CultureInfo.InvariantCulture), int.Parse(fields[13], CultureInfo.InvariantCulture));
        Assert.Equal((amounts.Vat, amounts.Net, amounts.Total), (money[9], money[10], money[11]));
        return amounts;
    }
}
