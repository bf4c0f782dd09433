using Connectors.Core.Orders;
using NodaTime;

namespace Connectors.Core.Finance;

/// <summary>Where stores are (their time zones) and how currencies round.</summary>
public sealed record FinanceJournalOptions
{
    /// <summary>The time zone of each store, by the store id used on <see cref="JournalOrder.StoreId"/>.</summary>
    public IReadOnlyDictionary<string, DateTimeZone> StoreTimeZones { get; init; } = new Dictionary<string, DateTimeZone>();

    /// <summary>The zone of the online channel and of unknown stores; UTC by default.</summary>
    public DateTimeZone DefaultTimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>The precision of each currency by ISO 4217 code; currencies not listed round to cents.</summary>
    public IReadOnlyDictionary<string, CurrencyPrecision> CurrencyPrecisions { get; init; } = new Dictionary<string, CurrencyPrecision>();

    /// <summary>Options from tzdb zone ids, e.g. <c>Europe/Stockholm</c>.</summary>
    /// <param name="storeZoneIds">The tzdb zone id of each store.</param>
    /// <param name="defaultZoneId">The tzdb zone id of the online channel and unknown stores.</param>
    /// <returns>The options, with cents for every currency.</returns>
    /// <exception cref="NodaTime.TimeZones.DateTimeZoneNotFoundException">A zone id is not in the tzdb.</exception>
    public static FinanceJournalOptions FromTzdb(IReadOnlyDictionary<string, string> storeZoneIds, string defaultZoneId)
    {
        ArgumentNullException.ThrowIfNull(storeZoneIds);
        ArgumentException.ThrowIfNullOrEmpty(defaultZoneId);
        var zones = DateTimeZoneProviders.Tzdb;
        return new FinanceJournalOptions
        {
            StoreTimeZones = storeZoneIds.ToDictionary(entry => entry.Key, entry => zones[entry.Value], StringComparer.Ordinal),
            DefaultTimeZone = zones[defaultZoneId],
        };
    }

    /// <summary>The precision of <paramref name="currency"/>: as configured, else cents.</summary>
    /// <param name="currency">An ISO 4217 code.</param>
    public CurrencyPrecision PrecisionOf(string currency) =>
        CurrencyPrecisions.TryGetValue(currency, out var precision) ? precision : CurrencyPrecision.Cents;
}
