using System.Globalization;
using Connectors.Sitoo;
using Connectors.Sync.Returns;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Completeness;

/// <summary>
/// Finds the Sitoo returns of a window whose refund the order poll never queued (an order id that became visible after
/// the cursor had passed it, a poll defect), and queues their refund. The refund decides, as always, whether the
/// return is one of an online order.
/// </summary>
/// <remarks>
/// Sitoo offers no filter for returns, so this reads every receipt placed in the window; hence a window of days.
/// Orders above the poll's cursor are not due yet: the next poll reads them.
/// </remarks>
internal sealed class ReturnCompleteness(IConnectorStore store, ISitooClient sitoo, StockIntakeSettings site, string cursorName)
{
    public async Task<CompletenessFindings> CheckAsync(Instant windowStart, Instant now, CancellationToken cancellationToken)
    {
        if ((await store.Cursors.GetAsync(cursorName, cancellationToken).ConfigureAwait(false))?.Position.Number is not { } cursor)
        {
            return CompletenessFindings.NotChecked;
        }

        var seen = 0;
        var notYetDue = 0;
        var missing = new List<(string, NewWorkItem)>();
        await foreach (var order in sitoo.Orders.ListByOrderDateAsync(windowStart, now, cancellationToken).ConfigureAwait(false))
        {
            if (!SitooOrderPoller.IsReturn(order))
            {
                continue;
            }

            if (order.OrderId > cursor)
            {
                notYetDue++;
                continue;
            }

            seen++;
            if (await store.WorkItems.FindAsync(SitooOrderPoller.RefundKey(site, order.OrderId), cancellationToken).ConfigureAwait(false) is null)
            {
                missing.Add((order.OrderId.ToString(CultureInfo.InvariantCulture), SitooOrderPoller.RefundWork(site, order)));
            }
        }

        return new CompletenessFindings(true, seen, notYetDue, await MissedWorkQueue.RequeueAsync(store, missing, cancellationToken).ConfigureAwait(false));
    }
}
