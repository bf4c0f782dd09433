namespace Connectors.Sync.Monitoring;

/// <summary>
/// Where the stores are, for the finance journal: each store's day is cut at midnight in its own time zone.
/// </summary>
public sealed class FinanceJournalSettings
{
    /// <summary>
    /// The tzdb time zone (e.g. <c>Europe/Stockholm</c>) of each store, by store id: the store's <c>externalid</c> as
    /// its receipts carry it (<c>additionaldata["store-externalid"]</c>), else the Sitoo warehouse id the store sells
    /// from, as decimal text. Stores not listed are booked in <see cref="DefaultTimeZone"/> and flagged as unknown.
    /// </summary>
    public Dictionary<string, string> StoreTimeZones { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The tzdb time zone of the online channel and of stores without their own. Required: a day cut in the wrong zone
    /// moves evening sales to the next day and the journal no longer ties to the day's settlements.
    /// </summary>
    public string? DefaultTimeZone { get; set; }
}
