using Connectors.Core.Finance;
using Connectors.Core.Orders;
using Connectors.Core.Tests.Orders;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Connectors.Core.Tests.Finance;

/// <summary>Random orders for the journal: several stores (one unknown, one with CSV-hostile characters), three currencies, DST weeks.</summary>
internal static class JournalGen
{
    public const string Stockholm = "STO";
    public const string NewYork = "NYC";
    public const string Awkward = "Store, \"Mall\"\r\nLevel 2";
    public const string Unconfigured = "S-404";

    public static readonly FinanceJournalOptions Options = FinanceJournalOptions.FromTzdb(
        new Dictionary<string, string>
        {
            [Stockholm] = "Europe/Stockholm",
            [NewYork] = "America/New_York",
            [Awkward] = "Asia/Tokyo",
        },
        "Europe/London") with
    {
        CurrencyPrecisions = new Dictionary<string, CurrencyPrecision> { ["JPY"] = new(0), ["KWD"] = new(3) },
    };

    private static readonly string?[] _stores = [Stockholm, NewYork, Awkward, Unconfigured, null];
    private static readonly string[] _currencies = ["SEK", "JPY", "KWD"];

    // 25.00m next to 25m checks that equal rates share a row however they were written.
    private static readonly decimal[] _rates = [0m, 6m, 12m, 12.5m, 25m, 25.00m];

    /// <summary>Around the 2026 spring DST change in Europe and the US (both in March).</summary>
    private static readonly Instant _start = Instant.FromUtc(2026, 3, 6, 0, 0);

    /// <summary>Orders with unique ids and amounts in the minor unit of their currency, as Sitoo reports them.</summary>
    public static Arbitrary<List<JournalOrder>> Orders() => OrdersGen(subMinorUnits: false).ToArbitrary();

    /// <summary>Orders whose amounts may carry digits below the minor unit (e.g. net discounts grossed up).</summary>
    public static Arbitrary<List<JournalOrder>> OrdersWithFractions() => OrdersGen(subMinorUnits: true).ToArbitrary();

    private static Gen<List<JournalOrder>> OrdersGen(bool subMinorUnits) =>
        OrderGen(subMinorUnits).ListBetween(0, 25)
            .Select(orders => orders.Select((order, index) => order with { OrderId = $"O{index}" }).ToList());

    private static Gen<JournalOrder> OrderGen(bool subMinorUnits) =>
        from store in Gen.Elements(_stores)
        from channel in Gen.Elements(JournalChannel.Pos, JournalChannel.Online)
        from seconds in Gen.Choose(0, 30 * 24 * 3600)
        from currency in Gen.Elements(_currencies)
        let unit = Unit(currency, subMinorUnits)
        from lines in LineGen(unit).ListBetween(0, 4)
        from shipping in ChargeGen(unit)
        from fee in ChargeGen(unit)
        from roundOff in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-49, 49)))
        from original in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("ORIG")))
        select new JournalOrder("id", store, channel, _start.Plus(Duration.FromSeconds(seconds)), currency, lines)
        {
            ShippingCharges = shipping is null ? [] : [shipping],
            PaymentFee = fee,
            RoundOff = roundOff * unit,
            OriginalOrderId = original,
        };

    private static Gen<JournalLine> LineGen(decimal unit) =>
        from quantity in Gen.Choose(-3, 5)
        from price in Gen.Choose(0, 200_000)
        from vatShare in Gen.Choose(0, 20)
        from discount in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, 50_000)))
        from rate in Gen.Elements(_rates)
        let sign = quantity < 0 ? -1 : 1
        select new JournalLine(quantity, sign * price * unit, sign * discount * unit, sign * (price * vatShare / 100) * unit, rate);

    private static Gen<JournalCharge?> ChargeGen(decimal unit) =>
        Gen.Frequency(
            (2, Gen.Constant<JournalCharge?>(null)),
            (1, from gross in Gen.Choose(-20_000, 20_000)
                from rate in Gen.Elements<decimal?>(null, 25m, 6m)
                select (JournalCharge?)new JournalCharge(gross * unit, gross / 5 * unit) { VatRate = rate }));

    private static decimal Unit(string currency, bool subMinorUnits) =>
        Options.PrecisionOf(currency).MinorUnit / (subMinorUnits ? 1000m : 1m);
}
