using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    private const string TransactionKeys = "sitoo:acme:1:wtx:";

    [Fact]
    public async Task Inbox_purge_deletes_old_processed_deliveries_in_batches_and_never_a_pending_one()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 7; i++)
        {
            await store.Inbox.StoreAsync(Delivery($"old-{i}"), None);
            await store.Inbox.MarkProcessedAsync([new InboxKey("sitoo", $"old-{i}")], None);
        }

        await store.Inbox.StoreAsync(Delivery("old-pending"), None);
        Clock.AdvanceDays(3);
        var horizon = Clock.GetCurrentInstant() - Duration.FromDays(2);
        await store.Inbox.StoreAsync(Delivery("new"), None);
        await store.Inbox.MarkProcessedAsync([new InboxKey("sitoo", "new")], None);

        Assert.Equal([3, 3, 1, 0], await RepeatAsync(() => store.Inbox.PurgeProcessedAsync(horizon, 3, None)));

        Assert.Equal(0, await store.Inbox.PurgeProcessedAsync(horizon, 3, None));
        for (var i = 0; i < 7; i++)
        {
            Assert.Null(await store.Inbox.FindAsync("sitoo", $"old-{i}", None));
        }

        Assert.Equal(["old-pending"], (await store.Inbox.ListUnprocessedAsync(10, None)).Select(m => m.EventId));
        Assert.NotNull(await store.Inbox.FindAsync("sitoo", "new", None));
    }

    [Fact]
    public async Task Pruning_marks_deletes_only_numbered_facts_of_the_prefix_up_to_the_number_and_older_than_the_horizon()
    {
        await using var store = await OpenAsync();
        long[] old = [1, 2, 9, 10, 14, 15, 16, 100, 1000];
        foreach (var number in old)
        {
            Assert.True(await store.Ledger.TryMarkAppliedAsync(TransactionKeys + number, None));
        }

        string[] others = [TransactionKeys + "15:refund", TransactionKeys + "x1", "sitoo:acme:2:wtx:3", "sitoo:acme:1:order:5:refund", TransactionKeys];
        foreach (var key in others)
        {
            Assert.True(await store.Ledger.TryMarkAppliedAsync(key, None));
        }

        Clock.AdvanceDays(8);
        var horizon = Clock.GetCurrentInstant() - Duration.FromDays(7);
        Assert.True(await store.Ledger.TryMarkAppliedAsync(TransactionKeys + "3", None)); // young: kept though numbered low

        Assert.Equal([4, 2, 0], await RepeatAsync(() => store.Ledger.PruneAppliedAsync(TransactionKeys, 15, horizon, 4, None)));

        Assert.Equal(0, await store.Ledger.PruneAppliedAsync(TransactionKeys, 15, horizon, 4, None));
        foreach (var number in old)
        {
            Assert.Equal(number > 15, await store.Ledger.IsAppliedAsync(TransactionKeys + number, None));
        }

        Assert.True(await store.Ledger.IsAppliedAsync(TransactionKeys + "3", None));
        foreach (var key in others)
        {
            Assert.True(await store.Ledger.IsAppliedAsync(key, None), key);
        }
    }

    [Fact]
    public async Task A_pruned_mark_is_a_new_fact_again()
    {
        await using var store = await OpenAsync();
        await store.Ledger.TryMarkAppliedAsync(TransactionKeys + "7", None);
        Clock.AdvanceDays(1);

        Assert.Equal(0, await store.Ledger.PruneAppliedAsync(TransactionKeys, 6, Clock.GetCurrentInstant(), 10, None));
        Assert.Equal(1, await store.Ledger.PruneAppliedAsync(TransactionKeys, 7, Clock.GetCurrentInstant(), 10, None));

        Assert.False(await store.Ledger.IsAppliedAsync(TransactionKeys + "7", None));
        Assert.True(await store.Ledger.TryMarkAppliedAsync(TransactionKeys + "7", None));
    }

    [Fact]
    public async Task Run_pruning_deletes_runs_started_before_the_horizon_in_batches()
    {
        await using var store = await OpenAsync();
        var finished = await store.Runs.StartAsync("stock", None);
        await store.Runs.FinishAsync(finished.Id, RunOutcome.Succeeded, new Dictionary<string, long>(), null, None);
        for (var i = 0; i < 4; i++)
        {
            await store.Runs.StartAsync("reconciliation.full", None); // left running by a stopped process
        }

        Clock.AdvanceDays(31);
        var horizon = Clock.GetCurrentInstant() - Duration.FromDays(30);
        var young = await store.Runs.StartAsync("stock", None);

        Assert.Equal([2, 2, 1, 0], await RepeatAsync(() => store.Runs.PruneAsync(horizon, 2, None)));

        Assert.Equal(0, await store.Runs.PruneAsync(horizon, 2, None));
        Assert.Equal([young.Id], (await store.Runs.ListAsync(null, 10, None)).Select(r => r.Id));
    }

    /// <summary>Calls a batched prune until it deletes nothing, returning each batch's count.</summary>
    private static async Task<List<int>> RepeatAsync(Func<Task<int>> prune)
    {
        var counts = new List<int>();
        int deleted;
        do
        {
            deleted = await prune();
            counts.Add(deleted);
        }
        while (deleted > 0 && counts.Count < 10);

        return counts;
    }
}
