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

    /// <summary>Enqueues the write of <paramref name="sku"/> for the window containing <paramref name="now"/> (a no-op when queued already).</summary>
    public Task<bool> EnqueueAsync(IStateSession session, string sku, Instant now, CancellationToken cancellationToken)
    {
        var windowTicks = Math.Max(1, window.BclCompatibleTicks);
        var bucket = now.ToUnixTimeTicks() / windowTicks;
        var dueAt = Instant.FromUnixTimeTicks((bucket + 1) * windowTicks);
        var key = string.Create(CultureInfo.InvariantCulture, $"stock:write:{sku}:{bucket}");
        return session.WorkItems.EnqueueAsync(
            new NewWorkItem(key, Kind, WorkLane.Stock, sku, window == Duration.Zero ? null : dueAt, "sku:" + sku),
            cancellationToken);
    }
}
