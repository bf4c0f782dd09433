using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>Which days (and optionally which store) a finance journal books.</summary>
/// <param name="FirstDay">The first local day booked, in each store's own time zone.</param>
/// <param name="LastDay">The last local day booked (inclusive).</param>
/// <param name="StoreId">Only this store's orders (its id as in <see cref="FinanceJournalSettings.StoreTimeZones"/>); <see langword="null"/> for all stores and the online channel.</param>
public sealed record FinanceJournalQuery(LocalDate FirstDay, LocalDate LastDay, string? StoreId = null)
{
    // The widest UTC offsets in use: a local day starts at most 14 h before UTC midnight and ends at most 12 h after it.
    private static readonly Duration EarliestOffset = Duration.FromHours(14);
    private static readonly Duration LatestOffset = Duration.FromHours(12);

    /// <summary>The span of instants that holds the days in every time zone; what falls outside a store's own days is dropped after booking.</summary>
    internal (Instant From, Instant To) Window() =>
        (FirstDay.AtMidnight().InUtc().ToInstant() - EarliestOffset, LastDay.PlusDays(1).AtMidnight().InUtc().ToInstant() + LatestOffset);
}
