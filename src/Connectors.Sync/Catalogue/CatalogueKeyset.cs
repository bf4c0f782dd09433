using Connectors.Shopware;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// Where a catalogue scan stands: the last change time read and the ids read at exactly that time. Shopware filters no
/// range on ids, so the next page is "at or after that time, except those ids at that time"; the list stays as short as
/// the products sharing one millisecond. As text, a later position always sorts after an earlier one, as the cursor store requires.
/// </summary>
internal readonly record struct CatalogueKeyset(Instant? At, IReadOnlyList<string> IdsAt)
{
    // Fixed width, so the ordinal order of the text is the order of the instants.
    private static readonly InstantPattern TimePattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'");

    public static CatalogueKeyset Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new CatalogueKeyset(null, []);
        }

        var parts = text.Split('|');
        return new CatalogueKeyset(TimePattern.Parse(parts[0]).Value, parts[1].Length == 0 ? [] : parts[1].Split(','));
    }

    /// <summary>The position once the row (<paramref name="at"/>, <paramref name="id"/>) is read; rows come sorted by time, then id.</summary>
    public CatalogueKeyset After(Instant at, string id) =>
        at == At ? this with { IdsAt = [.. IdsAt, id] } : at < At ? this : new CatalogueKeyset(at, [id]);

    /// <summary>Limits a search sorted by <paramref name="field"/> and id to the rows after this position.</summary>
    public void Narrow(ShopwareCriteria criteria, string field)
    {
        if (At is not { } at)
        {
            return;
        }

        var time = at;
        criteria.Filter(ShopwareFilter.Range(field, gte: time));
        if (IdsAt.Count > 0)
        {
            // Only the rows read at exactly that time are skipped: one of them changed since is read again at its new time.
            criteria.Filter(ShopwareFilter.Not(ShopwareFilter.And(ShopwareFilter.Range(field, gte: time, lte: time), ShopwareFilter.EqualsAny("id", IdsAt))));
        }
    }

    public string Format() => TimePattern.Format(At!.Value) + "|" + string.Join(',', IdsAt);
}
