using Connectors.Core.Finance;
using NodaTime;

namespace Connectors.Core.Tests.Finance;

public class FinanceJournalExamples
{
    private const string Store = "STO";

    private static readonly FinanceJournalBuilder _builder =
        new(FinanceJournalOptions.FromTzdb(new Dictionary<string, string> { [Store] = "Europe/Stockholm" }, "Europe/London"));

    [Fact]
    public void A_pos_sale_is_booked_per_vat_rate_on_the_store_day()
    {
        var sale = new JournalOrder("1001", Store, JournalChannel.Pos, Instant.FromUtc(2026, 11, 26, 10, 15), "SEK",
        [
            new JournalLine(2, 250.00m, 0m, 50.00m, 25m),
            new JournalLine(1, 112.00m, 0m, 12.00m, 12m),
            new JournalLine(1, 125.00m, 0m, 25.00m, 25m),
        ]);

        var journal = _builder.Build([sale]);

        Assert.Equal(2, journal.Rows.Count);
        var twelve = journal.Rows[0];
        var twentyFive = journal.Rows[1];
        Assert.Equal(new JournalRowKey(JournalStore.Known(Store), new LocalDate(2026, 11, 26), JournalChannel.Pos, "SEK", 12m), twelve.Key);
        Assert.Equal(25m, twentyFive.Key.VatRate);
        Assert.Equal((375.00m, 75.00m, 300.00m, 1, 0), (twentyFive.Amounts.SalesGross, twentyFive.Amounts.Vat, twentyFive.Amounts.Net, twentyFive.Amounts.SaleOrders, twentyFive.Amounts.ReturnOrders));
        Assert.Equal((112.00m, 12.00m, 100.00m), (twelve.Amounts.SalesGross, twelve.Amounts.Vat, twelve.Amounts.Net));
        var day = Assert.Single(journal.DayTotals);
        Assert.Equal((487.00m, 87.00m, 1), (day.Amounts.Total, day.Amounts.Vat, day.Amounts.SaleOrders));
    }

    [Fact]
    public void An_online_order_with_discount_and_shipping_books_shipping_on_its_rate_or_on_a_row_without_one()
    {
        var order = new JournalOrder("SW-10077", null, JournalChannel.Online, Instant.FromUtc(2026, 7, 1, 23, 30), "SEK",
            [new JournalLine(2, 200.00m, 50.00m, 40.00m, 25m)])
        {
            ShippingCharges = [new JournalCharge(49.00m, 9.80m) { VatRate = 25m }],
            PaymentFee = new JournalCharge(10.00m, 2.00m),
        };

        var journal = _builder.Build([order]);

        // 23:30 UTC in July is 00:30 the next day in London (BST), the default zone of the online channel.
        Assert.All(journal.Rows, row => Assert.Equal((JournalStore.Online, new LocalDate(2026, 7, 2), JournalChannel.Online), (row.Key.Store, row.Key.Date, row.Key.Channel)));
        Assert.Equal([null, 25m], journal.Rows.Select(row => row.Key.VatRate));
        var unrated = journal.Rows[0].Amounts;
        var rated = journal.Rows[1].Amounts;
        Assert.Equal((10.00m, 2.00m, 0m, 1), (unrated.FeesGross, unrated.FeesVat, unrated.SalesGross, unrated.SaleOrders));
        Assert.Equal((200.00m, 50.00m, 49.00m, 9.80m, 49.80m), (rated.SalesGross, rated.Discounts, rated.ShippingGross, rated.ShippingVat, rated.Vat));
        Assert.Equal(order.TotalGross, Assert.Single(journal.DayTotals).Amounts.Total);
    }

    [Fact]
    public void A_return_after_store_midnight_is_booked_on_the_return_day_in_the_store_zone()
    {
        var sale = new JournalOrder("2001", Store, JournalChannel.Pos, Instant.FromUtc(2026, 11, 26, 12, 0), "SEK",
            [new JournalLine(1, 125.00m, 0m, 25.00m, 25m)]);

        // 23:30 UTC is still the 26th in UTC but 00:30 on the 27th in Stockholm (UTC+1 in November).
        var refund = new JournalOrder("2002", Store, JournalChannel.Pos, Instant.FromUtc(2026, 11, 26, 23, 30), "SEK",
            [new JournalLine(-1, -125.00m, 0m, -25.00m, 25m)])
        {
            OriginalOrderId = "2001",
        };

        var journal = _builder.Build([refund, sale]);

        Assert.Equal([new LocalDate(2026, 11, 26), new LocalDate(2026, 11, 27)], journal.DayTotals.Select(day => day.Date));
        var saleDay = journal.DayTotals[0].Amounts;
        var returnDay = journal.DayTotals[1].Amounts;
        Assert.Equal((125.00m, 0m, 1, 0), (saleDay.SalesGross, saleDay.ReturnsGross, saleDay.SaleOrders, saleDay.ReturnOrders));
        Assert.Equal((0m, -125.00m, -25.00m, -100.00m, 0, 1), (returnDay.SalesGross, returnDay.ReturnsGross, returnDay.Vat, returnDay.Net, returnDay.SaleOrders, returnDay.ReturnOrders));
        Assert.Equal(0m, journal.CurrencyTotals.Single().Amounts.Total);
    }

    [Fact]
    public void Orders_of_an_unconfigured_store_get_their_own_rows_in_the_default_zone()
    {
        var known = new JournalOrder("1", Store, JournalChannel.Pos, Instant.FromUtc(2026, 1, 10, 23, 30), "SEK", [new JournalLine(1, 10m, 0m, 2m, 25m)]);
        var unknown = known with { OrderId = "2", StoreId = "S-404" };
        var noStore = known with { OrderId = "3", StoreId = null };

        var journal = _builder.Build([known, unknown, noStore]);

        Assert.Equal(
            [
                (JournalStore.Known(Store), new LocalDate(2026, 1, 11)),
                (JournalStore.Unknown(null), new LocalDate(2026, 1, 10)),
                (JournalStore.Unknown("S-404"), new LocalDate(2026, 1, 10)),
            ],
            journal.Rows.Select(row => (row.Key.Store, row.Key.Date)));
        Assert.Equal(["STO", "unknown", "unknown:S-404"], journal.Rows.Select(row => row.Key.Store.Label));
        Assert.Equal([JournalStore.Unknown(null), JournalStore.Unknown("S-404")], journal.UnknownStores);
        Assert.Equal(30m, journal.CurrencyTotals.Single().Amounts.Total);
    }

    [Fact]
    public void Currencies_are_never_added_together()
    {
        var at = Instant.FromUtc(2026, 5, 5, 12, 0);
        var sek = new JournalOrder("1", Store, JournalChannel.Pos, at, "SEK", [new JournalLine(1, 100m, 0m, 20m, 25m)]);
        var eur = new JournalOrder("2", Store, JournalChannel.Pos, at, "EUR", [new JournalLine(1, 10m, 0m, 2m, 25m)]);

        var journal = _builder.Build([sek, eur]);

        Assert.Equal(["EUR", "SEK"], journal.DayTotals.Select(day => day.Currency));
        Assert.Equal([10m, 100m], journal.CurrencyTotals.Select(total => total.Amounts.Total));
    }

    [Fact]
    public void An_order_given_twice_is_refused()
    {
        var order = new JournalOrder("7", Store, JournalChannel.Pos, Instant.FromUtc(2026, 5, 5, 12, 0), "SEK", []);

        Assert.Throws<ArgumentException>(() => _builder.Build([order, order with { }]));
    }

    [Fact]
    public void Net_read_fields_are_grossed_up_without_rounding()
    {
        // 3 units at a net discount of 0.333 per unit, 25 % VAT: 1.24875 gross, kept exact until output.
        var line = JournalLine.FromNet(3, 240.00m, 60.00m, 25m, 0.333m);

        Assert.Equal((300.00m, 240.00m, 1.24875m), (line.GrossAmount, line.NetAmount, line.DiscountAmount));
        Assert.Equal(-1.24875m, JournalLine.FromNet(-3, -240.00m, -60.00m, 25m, 0.333m).DiscountAmount);
    }
}
