using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>Which orders a finance journal books.</summary>
/// <param name="FromOrderId">
/// The first Sitoo order id to read. Sitoo lists orders by id only, so every order from this id to the newest is
/// read (one call per page), whatever day range is asked for: start from an id shortly before the first day (e.g.
/// the first order id of the previous journal) to keep the read short.
/// </param>
/// <param name="FirstDay">The first local day booked, in each store's own time zone.</param>
/// <param name="LastDay">The last local day booked (inclusive).</param>
/// <param name="StoreId">Only this store's orders (its id as in <see cref="FinanceJournalSettings.StoreTimeZones"/>); <see langword="null"/> for all stores and the online channel.</param>
public sealed record FinanceJournalQuery(long FromOrderId, LocalDate FirstDay, LocalDate LastDay, string? StoreId = null);
