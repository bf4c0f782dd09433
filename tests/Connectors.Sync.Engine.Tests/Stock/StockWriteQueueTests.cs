using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Stock;

public sealed class StockWriteQueueTests
{
    [Fact]
    public async Task The_next_due_write_is_the_earliest_window_queued_that_has_not_closed()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var queue = new StockWriteQueue(Duration.FromMilliseconds(500));
        var windowStart = Instant.FromUnixTimeMilliseconds(1_800_000_000_000);
        var firstEnd = windowStart + Duration.FromMilliseconds(500);
        Assert.Null(queue.NextDueAfter(windowStart));

        await queue.EnqueueAsync(harness.Store, [], windowStart, default);
        Assert.Null(queue.NextDueAfter(windowStart));

        await queue.EnqueueAsync(harness.Store, ["SKU-1"], windowStart + Duration.FromMilliseconds(100), default);
        await queue.EnqueueAsync(harness.Store, ["SKU-2"], windowStart + Duration.FromMilliseconds(300), default);
        Assert.Equal(firstEnd, queue.NextDueAfter(windowStart + Duration.FromMilliseconds(300)));

        // Once the first window has closed, the next one queued is the one to wake for.
        Assert.Null(queue.NextDueAfter(firstEnd));
        await queue.EnqueueAsync(harness.Store, ["SKU-3"], firstEnd + Duration.FromMilliseconds(200), default);
        Assert.Equal(firstEnd + Duration.FromMilliseconds(500), queue.NextDueAfter(firstEnd + Duration.FromMilliseconds(200)));
    }
}
