using Connectors.Core.Finance;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Connectors.Core.Tests.Finance;

public class SettlementProperties
{
    private static readonly string[] Methods = ["Card", "Cash", "Swish", "Klarna"];

    private static readonly Gen<SettlementOrder> Orders =
        from id in Gen.Choose(1, 1_000_000)
        from store in Gen.Elements<string?>(null, "1", "2")
        from hour in Gen.Choose(0, 72)
        from cents in Gen.Choose(-50_000, 200_000)
        from roundOff in Gen.Elements(0m, 0.20m, -0.40m, 0.02m)
        from paid in Gen.Elements(0, 1, 2, 3)
        from split in Gen.Choose(0, 100)
        from methods in Gen.Elements(Methods).ArrayOf(2)
        from missing in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Order(id, store, hour, cents / 100m, roundOff, paid, split, methods, missing);

    [Property(MaxTest = 300)]
    public Property Turnover_less_payments_is_the_sum_of_the_listed_differences_on_every_day() =>
        Prop.ForAll(Orders.ListOf().ToArbitrary(), orders =>
        {
            var days = new SettlementBuilder(new FinanceJournalOptions { StoreTimeZones = new Dictionary<string, DateTimeZone> { ["1"] = DateTimeZoneProviders.Tzdb["Europe/Stockholm"] } })
                .Build(orders);
            return days.All(day => day.Turnover - day.Payments == day.Differences.Sum(difference => difference.Amount))
                && days.Sum(day => day.Turnover) == orders.Sum(order => order.Turnover)
                && days.Sum(day => day.Payments) == orders.Sum(order => order.Payments.Sum(payment => payment.Amount));
        });

    [Fact]
    public void Each_cause_is_named_for_what_happened()
    {
        var at = Instant.FromUtc(2026, 12, 1, 12, 0);
        var days = new SettlementBuilder(new FinanceJournalOptions()).Build(
        [
            new SettlementOrder("paid", "1", at, "SEK", 100m, [new SettlementPayment("Card", 60m), new SettlementPayment("Cash", 40m)]),
            new SettlementOrder("unpaid", "1", at, "SEK", 50m, []),
            new SettlementOrder("rounded", "1", at, "SEK", 198.80m, [new SettlementPayment("Cash", 199m)]) { RoundOff = 0.20m },
            new SettlementOrder("not-refunded", "1", at, "SEK", -30m, []) { IsReturn = true },
        ]);

        var day = Assert.Single(days);
        Assert.Equal(100m + 199m, day.Payments);
        Assert.Equal(
            [(SettlementCause.Unpaid, "unpaid", 50m), (SettlementCause.Rounding, "rounded", -0.20m), (SettlementCause.RefundNotSettled, "not-refunded", -30m)],
            day.Differences.Select(difference => (difference.Cause, difference.OrderId, difference.Amount)));
    }

    private static SettlementOrder Order(int id, string? store, int hour, decimal turnover, decimal roundOff, int paid, int split, string[] methods, bool missing)
    {
        var total = turnover + roundOff;
        var payments = paid switch
        {
            0 => new List<SettlementPayment>(),
            1 => [new SettlementPayment(methods[0], total)],
            2 => [new SettlementPayment(methods[0], Math.Round(total * split / 100m, 2)), new SettlementPayment(methods[1], total - Math.Round(total * split / 100m, 2))],
            _ => [new SettlementPayment(methods[0], Math.Round(total * split / 100m, 2))],
        };
        return new SettlementOrder(id.ToString(System.Globalization.CultureInfo.InvariantCulture), store, Instant.FromUtc(2026, 12, 1, 0, 0).Plus(Duration.FromHours(hour)), "SEK", turnover, payments)
        {
            RoundOff = roundOff,
            IsReturn = turnover < 0,
            Missing = missing,
        };
    }
}
