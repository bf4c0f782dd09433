using System.Globalization;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Stock;

/// <summary>
/// Queues the stock writes of changed SKUs, coalesced: every change of one SKU within one window shares one
/// work item, due when the window closes, so a burst of sales becomes one write.
/// </summary>
internal sealed class StockWriteQueue(Duration window)
{
    /// <summary>The work item kind of a stock write.</summary>
    public const string Kind = "stock.write";

    /// <summary>What every stock write's key starts with; the rest is the SKU and the window.</summary>
    public const string KeyPrefix = "stock:write:";

    // Unix ticks of the earliest window end queued that had not passed when it was queued; 0 for none.
    private long _nextDueTicks;

    /// <summary>
    /// When the earliest write this instance queued falls due, if that is after <paramref name="now"/>: the stock loop
    /// sleeps until then rather than a whole tick. A hint only (its unit of work may have been rolled back); later windows
    /// queued meanwhile are found by the tick as before.
    /// </summary>
    public Instant? NextDueAfter(Instant now)
    {
        var ticks = Interlocked.Read(ref _nextDueTicks);
        return ticks > now.ToUnixTimeTicks() ? Instant.FromUnixTimeTicks(ticks) : null;
    }

    /// <summary>
    /// Enqueues the writes of <paramref name="skus"/> for the window containing <paramref name="now"/>, in one batch (a
    /// no-op for a SKU whose write is queued already).
    /// </summary>
    public Task<IReadOnlySet<string>> EnqueueAsync(IStateSession session, IEnumerable<string> skus, Instant now, CancellationToken cancellationToken)
    {
        var windowTicks = Math.Max(1, window.BclCompatibleTicks);
        var bucket = now.ToUnixTimeTicks() / windowTicks;
        var dueAt = Instant.FromUnixTimeTicks((bucket + 1) * windowTicks);
        List<NewWorkItem> items =
        [
            .. skus.Select(sku => new NewWorkItem(
                string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}{sku}:{bucket}"), Kind, WorkLane.Stock, sku, window == Duration.Zero ? null : dueAt, "sku:" + sku)),
        ];
        if (items.Count > 0 && window > Duration.Zero)
        {
            RememberDue(dueAt, now);
        }

        return session.WorkItems.EnqueueManyAsync(items, cancellationToken);
    }

    private void RememberDue(Instant dueAt, Instant now)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _nextDueTicks);
            var keep = current > now.ToUnixTimeTicks() && current <= dueAt.ToUnixTimeTicks();
            if (keep || Interlocked.CompareExchange(ref _nextDueTicks, dueAt.ToUnixTimeTicks(), current) == current)
            {
                return;
            }
        }
    }
}
