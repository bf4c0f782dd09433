using Connectors.Sync.Monitoring;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The journal the operator asks for in the query string: <c>from</c> and <c>to</c> (ISO dates, inclusive; today in
/// UTC when left out) and <c>store</c> (one store id; all when empty). Shared by the journal page and its CSV download.
/// </summary>
internal sealed record JournalRequest(LocalDate From, LocalDate To, string? Store)
{
    /// <summary>The longest range one request books: each request reads Sitoo, so a year at a time is not offered.</summary>
    public const int MaxDays = 92;

    public FinanceJournalQuery ToQuery() => new(From, To, Store);

    public string ToQueryString()
    {
        var query = $"from={Date(From)}&to={Date(To)}";
        return Store is null ? query : query + "&store=" + Uri.EscapeDataString(Store);
    }

    public string FileName(string kind = "finance-journal") => Store is null
        ? $"{kind}-{Date(From)}-{Date(To)}.csv"
        : $"{kind}-{Date(From)}-{Date(To)}-store-{new string([.. Store.Where(char.IsAsciiLetterOrDigit)])}.csv";

    /// <summary>Reads the request, or says what is wrong with it.</summary>
    public static bool TryParse(IQueryCollection query, Instant now, out JournalRequest request, out string? error)
    {
        var today = now.InUtc().Date;
        request = new JournalRequest(today, today, null);
        if (!TryDate(query["from"], today, out var from) || !TryDate(query["to"], from, out var to))
        {
            error = "from and to must be dates like 2026-11-26.";
            return false;
        }
        if (to < from || Period.Between(from, to, PeriodUnits.Days).Days >= MaxDays)
        {
            error = $"to must be on or after from, at most {MaxDays} days later.";
            return false;
        }
        var store = query["store"].ToString().Trim();
        request = new JournalRequest(from, to, store.Length == 0 ? null : store);
        error = null;
        return true;
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static bool TryDate(string? text, LocalDate fallback, out LocalDate date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        date = parsed.Success ? parsed.Value : fallback;
        return parsed.Success;
    }
}
