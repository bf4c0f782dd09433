using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>Which days (and optionally which store) a finance journal books.</summary>
/// <param name="FirstDay">The first local day booked, in each store's own time zone.</param>
/// <param name="LastDay">The last local day booked (inclusive).</param>
/// <param name="StoreId">Only this store's orders (its id as in <see cref="FinanceJournalSettings.StoreTimeZones"/>); <see langword="null"/> for all stores and the online channel.</param>
public sealed record FinanceJournalQuery(LocalDate FirstDay, LocalDate LastDay, string? StoreId = null);
