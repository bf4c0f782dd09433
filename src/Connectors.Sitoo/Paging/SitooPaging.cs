using System.Net;
using System.Runtime.CompilerServices;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Paging;

/// <summary>Reads Sitoo collections page by page.</summary>
internal static class SitooPaging
{
    /// <summary>Pages with <c>start</c>/<c>num</c> until <c>totalcount</c> is reached. The total is re-read on every page,
    /// and an empty page ends the read, so a collection that shrinks or grows meanwhile cannot loop forever.</summary>
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

    /// <summary>Reads ascending from an id cursor (<c>…idfrom</c> is inclusive): each page starts after the last id
    /// seen, so items added meanwhile are neither skipped nor read twice.</summary>
    public static async IAsyncEnumerable<T> ReadFromCursorAsync<T>(
        long fromId,
        Func<T, long> idOf,
        Func<long, int, CancellationToken, Task<SitooListResponse<T>?>> fetchPage,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = fromId;
        while (true)
        {
            var page = await Required(fetchPage(cursor, pageSize, cancellationToken)).ConfigureAwait(false);
            var items = page.Items ?? [];
            var next = cursor;
            foreach (var item in items)
            {
                var id = idOf(item);
                if (id < cursor)
                {
                    throw new SitooApiException(
                        $"Sitoo returned id {id} for a read from id {cursor}; the id filter or the ascending sort was ignored.",
                        HttpStatusCode.OK);
                }
                next = Math.Max(next, id + 1);
                yield return item;
            }
            if (items.Count == 0 || items.Count >= page.TotalCount)
            {
                yield break;
            }
            cursor = next;
        }
    }

    private static Task<SitooListResponse<T>> Required<T>(Task<SitooListResponse<T>?> page) =>
        Http.SitooApiContext.Required(page, "a list request");
}
