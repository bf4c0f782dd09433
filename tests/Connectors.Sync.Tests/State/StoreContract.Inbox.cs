using System.Text;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Inbox_keeps_the_first_delivery_of_an_event_and_reports_copies_as_duplicates()
    {
        await using var store = await OpenAsync();

        var first = await store.Inbox.StoreAsync(Delivery("evt-1", """{"copy":1}"""), None);
        Clock.AdvanceSeconds(5);
        var second = await store.Inbox.StoreAsync(Delivery("evt-1", """{"copy":2}"""), None);

        Assert.Equal(InboxStoreResult.Stored, first);
        Assert.Equal(InboxStoreResult.Duplicate, second);
        var stored = await store.Inbox.FindAsync("sitoo", "evt-1", None);
        Assert.NotNull(stored);
        Assert.Equal("""{"copy":1}""", Encoding.UTF8.GetString(stored.Body.Span));
        Assert.Equal(Clock.GetCurrentInstant() - Duration.FromSeconds(5), stored.ReceivedAt);
        Assert.Single(await store.Inbox.ListUnprocessedAsync(10, None));
    }

    [Fact]
    public async Task Inbox_tells_when_the_latest_delivery_of_a_source_arrived_processed_or_not()
    {
        await using var store = await OpenAsync();
        Assert.Null(await store.Inbox.LatestReceivedAsync("sitoo", None));

        await store.Inbox.StoreAsync(Delivery("evt-1"), None);
        Clock.AdvanceSeconds(30);
        await store.Inbox.StoreAsync(Delivery("evt-2"), None);
        await store.Inbox.MarkProcessedAsync([new InboxKey("sitoo", "evt-2")], None);
        Clock.AdvanceSeconds(30);
        await store.Inbox.StoreAsync(Delivery("evt-3", source: "shopware"), None);

        Assert.Equal(Clock.GetCurrentInstant() - Duration.FromSeconds(30), await store.Inbox.LatestReceivedAsync("sitoo", None));
        Assert.Equal(Clock.GetCurrentInstant(), await store.Inbox.LatestReceivedAsync("shopware", None));
    }

    [Fact]
    public async Task Inbox_deduplicates_per_source()
    {
        await using var store = await OpenAsync();

        Assert.Equal(InboxStoreResult.Stored, await store.Inbox.StoreAsync(Delivery("42", source: "sitoo"), None));
        Assert.Equal(InboxStoreResult.Stored, await store.Inbox.StoreAsync(Delivery("42", source: "shopware"), None));
        Assert.Equal(2, (await store.Inbox.ListUnprocessedAsync(10, None)).Count);
    }

    [Fact]
    public async Task Inbox_keeps_body_bytes_and_headers_exactly()
    {
        await using var store = await OpenAsync();
        byte[] body = [0xEF, 0xBB, 0xBF, (byte)'{', 0x00, 0xFF, (byte)'}'];
        var headers = new Dictionary<string, string> { ["shopware-shop-signature"] = "ab12", ["X-Sitoo-Event"] = "order" };

        await store.Inbox.StoreAsync(new InboxDelivery("shopware", "e", "order.placed", body, headers), None);

        var stored = await store.Inbox.FindAsync("shopware", "e", None);
        Assert.NotNull(stored);
        Assert.Equal(body, stored.Body.ToArray());
        Assert.Equal(headers, stored.Headers);
        Assert.Equal("order.placed", stored.EventType);
        Assert.Null(stored.ProcessedAt);
    }

    [Fact]
    public async Task Inbox_lists_unprocessed_deliveries_in_arrival_order_until_marked_processed()
    {
        await using var store = await OpenAsync();
        foreach (var id in new[] { "c", "a", "b" })
        {
            await store.Inbox.StoreAsync(Delivery(id), None);
        }

        Assert.Equal(["c", "a"], (await store.Inbox.ListUnprocessedAsync(2, None)).Select(m => m.EventId));

        Assert.Equal(1, await store.Inbox.MarkProcessedAsync([new InboxKey("sitoo", "a")], None));
        var processedAt = Clock.GetCurrentInstant();
        Clock.AdvanceMinutes(1);
        Assert.Equal(1, await store.Inbox.MarkProcessedAsync([new InboxKey("sitoo", "a")], None));
        Assert.Equal(0, await store.Inbox.MarkProcessedAsync([new InboxKey("sitoo", "unknown")], None));

        Assert.Equal(["c", "b"], (await store.Inbox.ListUnprocessedAsync(10, None)).Select(m => m.EventId));
        Assert.Equal(processedAt, (await store.Inbox.FindAsync("sitoo", "a", None))!.ProcessedAt);
    }

    [Fact]
    public async Task Inbox_purge_removes_only_processed_deliveries_received_before_the_horizon()
    {
        await using var store = await OpenAsync();
        await store.Inbox.StoreAsync(Delivery("old-processed"), None);
        await store.Inbox.StoreAsync(Delivery("old-pending"), None);
        await store.Inbox.MarkProcessedAsync([new InboxKey("sitoo", "old-processed")], None);
        Clock.AdvanceHours(25);
        var horizon = Clock.GetCurrentInstant() - Duration.FromHours(24);
        await store.Inbox.StoreAsync(Delivery("new-processed"), None);
        await store.Inbox.MarkProcessedAsync([new InboxKey("sitoo", "new-processed")], None);

        Assert.Equal(1, await store.Inbox.PurgeProcessedAsync(horizon, 100, None));

        Assert.Null(await store.Inbox.FindAsync("sitoo", "old-processed", None));
        Assert.NotNull(await store.Inbox.FindAsync("sitoo", "old-pending", None));
        Assert.NotNull(await store.Inbox.FindAsync("sitoo", "new-processed", None));
    }
}
