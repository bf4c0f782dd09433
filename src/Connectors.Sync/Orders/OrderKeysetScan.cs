using Connectors.Shopware;
using Connectors.Shopware.Models;
using NodaTime;

namespace Connectors.Sync.Orders;

/// <summary>
/// Reads Shopware orders from a time on by keyset (the last value read, and the ids read at exactly that value), never
/// by offset: an order that changes during the scan moves to the end of the sort, and with offset paging it would push
/// another order out of the page being read.
/// </summary>
internal static class OrderKeysetScan
{
    /// <summary>Reads every order whose <paramref name="field"/> is at or after <paramref name="from"/>, page by page.</summary>
    /// <param name="shopware">The Admin API.</param>
    /// <param name="criteria">A new criteria per page, with the caller's filters and fields.</param>
    /// <param name="field">The date field sorted and filtered on, e.g. <c>createdAt</c>.</param>
    /// <param name="valueOf">That field's value on a read order.</param>
    /// <param name="from">The first value read.</param>
    /// <param name="pageSize">Orders per search.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    public static async IAsyncEnumerable<ShopwareOrder> ReadAsync(
        IShopwareAdminClient shopware,
        Func<ShopwareCriteria> criteria,
        string field,
        Func<ShopwareOrder, Instant?> valueOf,
        Instant from,
        int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var at = from;
        var readAt = new List<string>();
        while (true)
        {
            var page = criteria().Sort(field).Sort("id").Limit(pageSize).Filter(ShopwareFilter.Range(field, gte: at));
            if (readAt.Count > 0)
            {
                page.Filter(ShopwareFilter.Not(ShopwareFilter.EqualsAny("id", readAt)));
            }

            var result = await shopware.Orders.SearchAsync(page, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var order in result.Items)
            {
                yield return order;
                var value = valueOf(order) ?? at;
                if (value > at)
                {
                    at = value;
                    readAt.Clear();
                }

                readAt.Add(order.Id);
            }

            if (result.Items.Count < pageSize)
            {
                yield break;
            }
        }
    }
}
