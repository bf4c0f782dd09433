using Connectors.Core.Finance;
using Connectors.Core.Orders;
using NodaTime;

namespace Connectors.Core.Tests.Finance;

public class FinanceJournalCsvTests
{
    private static readonly FinanceJournalBuilder _builder = new(new FinanceJournalOptions
    {
        CurrencyPrecisions = new Dictionary<string, CurrencyPrecision> { ["JPY"] = new(0) },
    });

    private static readonly Instant _at = Instant.FromUtc(2026, 2, 3, 4, 5);

    [Fact]
    public void The_header_names_the_documented_columns_in_order()
    {
        var text = FinanceJournalProperties.WriteRows(_builder.Build([]));

        Assert.Equal(
            "store_kind,store_id,date,channel,currency,vat_rate,sales_gross,returns_gross,discounts,goods_vat,shipping_gross,"
            + "shipping_vat,fees_gross,fees_vat,round_off,vat,net,total,sale_orders,return_orders\r\n",
            text);
    }

    [Fact]
    public void Amounts_carry_the_currency_digits_with_a_point_and_dates_and_rates_are_invariant()
    {
        var order = new JournalOrder("1", "Store, \"A\"", JournalChannel.Pos, _at, "SEK", [new JournalLine(1, 10.5m, 0m, 2.1m, 25.00m)]);
        var yen = new JournalOrder("2", null, JournalChannel.Online, _at, "JPY", [new JournalLine(1, 1000.4m, 0m, 90.9m, 10m)]);

        var records = Csv.Parse(FinanceJournalProperties.WriteRows(_builder.Build([order, yen])));

        Assert.Equal(
            ["unknown", "Store, \"A\"", "2026-02-03", "pos", "SEK", "25", "10.50", "0.00", "0.00", "2.10"],
            records[2].Take(10));
        Assert.Equal(["online", string.Empty, "2026-02-03", "online", "JPY", "10", "1000", "0", "0", "91"], records[1].Take(10));
    }

    [Fact]
    public void Fields_with_separators_are_quoted_with_doubled_quotes()
    {
        var order = new JournalOrder("1", "a,\"b\"\r\nc", JournalChannel.Pos, _at, "SEK", []) { RoundOff = 0.01m };

        var text = FinanceJournalProperties.WriteRows(_builder.Build([order]));

        Assert.Contains("\r\nunknown,\"a,\"\"b\"\"\r\nc\",2026-02-03,pos,SEK,,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_stops_when_cancelled()
    {
        using var writer = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FinanceJournalCsv.WriteDayTotalsAsync(_builder.Build([]), writer, cancelled.Token));
        Assert.Empty(writer.ToString());
    }
}
