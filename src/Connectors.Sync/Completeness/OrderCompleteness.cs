using Connectors.Shopware;
using Connectors.Sync.Options;
using Connectors.Sync.Orders;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Completeness;

/// <summary>
/// Finds the Shopware orders of a window that the order poll should have queued for export and did not (an order
/// committed late with an earlier date, an import with a past date, a poll defect), and queues their export.
/// </summary>
/// <remarks>
/// The same orders count as the poll's: the configured sales channels, placed after go-live (or the backfill start).
/// An order changed after the poll's cursor less its overlap is not due yet: the next poll reads it.
/// </remarks>
internal sealed class OrderCompleteness(IConnectorStore store, IShopwareAdminClient shopware, ShopwareOrderPoller poller, OrderSyncSettings settings)
{
    private static readonly string[] ThinFields = ["id", "orderNumber", "createdAt", "updatedAt", "orderDateTime", "salesChannelId"];

    public async Task<CompletenessFindings> CheckAsync(Instant windowStart, CancellationToken cancellationToken)
    {
        var cursor = ShopwareOrderPoller.CursorTime(await store.Cursors.GetAsync(ShopwareOrderPoller.CursorName, cancellationToken).ConfigureAwait(false));
        var goLive = await SalesBaseline.TakenAtAsync(store, cancellationToken).ConfigureAwait(false);
        if (!settings.Export || cursor is null || goLive is null)
        {
            return CompletenessFindings.NotChecked;
        }

        var firstExported = poller.FirstExported(goLive.Value);
        var due = cursor.Value - Duration.FromTimeSpan(settings.PollOverlap);
        var from = Instant.Max(windowStart, firstExported);
        var seen = 0;
        var notYetDue = 0;
        var missing = new List<(string, NewWorkItem)>();
        var orders = OrderKeysetScan.ReadAsync(
            shopware, () => poller.InChannels(new ShopwareCriteria()).Include("order", ThinFields), "createdAt", order => order.CreatedAt, from, settings.PollPageSize, cancellationToken);
        await foreach (var order in orders.ConfigureAwait(false))
        {
            if (ShopwareOrderPoller.PlacedAt(order) < firstExported)
            {
                continue;
            }

            if (ShopwareOrderPoller.ChangedAt(order) >= due)
            {
                notYetDue++;
                continue;
            }

            seen++;
            if (await store.WorkItems.FindAsync(OrderWork.ExportKey(order.Id), cancellationToken).ConfigureAwait(false) is null)
            {
                missing.Add((order.OrderNumber ?? order.Id, OrderWork.Export(order.Id, order.OrderCustomer?.Email)));
            }
        }

        return new CompletenessFindings(true, seen, notYetDue, await MissedWorkQueue.RequeueAsync(store, missing, cancellationToken).ConfigureAwait(false));
    }
}
