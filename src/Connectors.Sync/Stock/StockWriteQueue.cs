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

    /// <summary>
    /// Enqueues the writes of <paramref name="skus"/> for the window containing <paramref name="now"/>, in one batch (a
    /// no-op for a SKU whose write is queued already).
    /// </summary>
    public Task<IReadOnlySet<string>> EnqueueAsync(IStateSession session, IEnumerable<string> skus, Instant now, CancellationToken cancellationToken)
    {
        var windowTicks = Math.Max(1, window.BclCompatibleTicks);
        var bucket = now.ToUnixTimeTicks() / windowTicks;
        var dueAt = Instant.FromUnixTimeTicks((bucket + 1) * windowTicks);
        return session.WorkItems.EnqueueManyAsync(
            [.. skus.Select(sku => new NewWorkItem(
                string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}{sku}:{bucket}"), Kind, WorkLane.Stock, sku, window == Duration.Zero ? null : dueAt, "sku:" + sku))],
            cancellationToken);
    }
}
