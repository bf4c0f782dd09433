using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Paging;

/// <summary>Reads Sitoo collections page by page.</summary>
internal static class SitooPaging
{
    /// <summary>Pages with <c>start</c>/<c>num</c> until <c>totalcount</c> is reached. The total is re-read on every page,
    /// so a collection that shrinks or grows meanwhile cannot loop forever; a page shorter than asked for is read on
    /// from where it ended (Sitoo may cap <c>num</c>), and an empty page before the total is reached is refused, because
    /// ending there would silently drop the rest.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Func<int, int, CancellationToken, Task<SitooListResponse<T>?>> fetchPage,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = 0;
        while (true)
        {
            var page = await Required(fetchPage(start, pageSize, cancellationToken)).ConfigureAwait(false);
            var items = page.Items ?? [];
            if (items.Count == 0 && start < page.TotalCount)
            {
                throw new SitooApiException(
                    string.Create(CultureInfo.InvariantCulture, $"Sitoo answered a list read from start={start} with no items, though its totalcount is {page.TotalCount}; the list would end incomplete."),
                    HttpStatusCode.OK);
            }
            foreach (var item in items)
            {
                yield return item;
            }
            start += items.Count;
            if (items.Count == 0 || start >= page.TotalCount)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Reads ascending from an id cursor (<c>…idfrom</c> is inclusive): each page starts after the last id seen, so items
    /// added meanwhile are neither skipped nor read twice. A page is checked before any of it is yielded: its ids must
    /// be at or above the cursor and strictly ascending, or the read is refused (the caller's cursor stays where it
    /// was). Each item is read on its own: one that cannot be read goes to <paramref name="onUnreadable"/> with its raw
    /// JSON and the read goes on past it; without a callback it fails the read with
    /// <see cref="SitooUnreadableItemException"/>.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadFromCursorAsync<T>(
        long fromId,
        CursorCollection<T> collection,
        Func<long, int, CancellationToken, Task<SitooListResponse<JsonElement>?>> fetchPage,
        int pageSize,
        Action<SitooUnreadableItem>? onUnreadable,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var cursor = fromId;
        while (true)
        {
            var page = await Required(fetchPage(cursor, pageSize, cancellationToken)).ConfigureAwait(false);
            var raw = page.Items ?? [];
            var entries = raw.Select(collection.Read).ToList();
            var highest = HighestIdOfAscendingPage(entries, cursor, collection.Name);
            foreach (var entry in entries)
            {
                if (entry.Item is not null)
                {
                    yield return entry.Item;
                }
                else if (onUnreadable is null)
                {
                    throw new SitooUnreadableItemException(entry.Unreadable!);
                }
                else
                {
                    onUnreadable(entry.Unreadable!);
                }
            }
            if (raw.Count == 0 || raw.Count >= page.TotalCount)
            {
                yield break;
            }
            if (highest is not { } last)
            {
                throw new SitooApiException(
                    $"Sitoo answered a read of {collection.Name} from id {cursor.ToString(CultureInfo.InvariantCulture)} with a page in which no id could be read; the read cannot move on.",
                    HttpStatusCode.OK);
            }
            cursor = last + 1;
        }
    }

    /// <summary>The page's highest id; throws unless its ids are at or above the cursor and strictly ascending.</summary>
    private static long? HighestIdOfAscendingPage<T>(List<CursorEntry<T>> entries, long cursor, string collection)
        where T : class
    {
        long? previous = null;
        foreach (var id in entries.Select(e => e.Id).OfType<long>())
        {
            if (id < cursor)
            {
                throw new SitooApiException(
                    string.Create(CultureInfo.InvariantCulture, $"Sitoo returned {collection} id {id} for a read from id {cursor}; the id filter or the ascending sort was ignored."),
                    HttpStatusCode.OK);
            }
            if (id <= previous)
            {
                throw new SitooApiException(
                    string.Create(CultureInfo.InvariantCulture, $"Sitoo returned a page of {collection} whose ids do not ascend ({previous} then {id}) for a read from id {cursor}; the page is refused so that no item is skipped."),
                    HttpStatusCode.OK);
            }
            previous = id;
        }
        return previous;
    }

    private static Task<SitooListResponse<T>> Required<T>(Task<SitooListResponse<T>?> page) =>
        Http.SitooApiContext.Required(page, "a list request");
}
