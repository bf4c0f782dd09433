using Connectors.Sync.State;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_unit_of_work_commits_all_its_changes_together()
    {
        await using var store = await OpenAsync();
        await store.Inbox.StoreAsync(Delivery("evt-1"), None);

        await using (var unit = await store.BeginUnitOfWorkAsync(None))
        {
            await unit.Inbox.MarkProcessedAsync([new InboxKey("sitoo", "evt-1")], None);
            await unit.WorkItems.EnqueueAsync(Work("wtx:1", WorkLane.Stock), None);
            await unit.WorkItems.EnqueueAsync(Work("wtx:2", WorkLane.Stock), None);
            Assert.NotNull(await unit.WorkItems.FindAsync("wtx:1", None));
            await unit.CommitAsync(None);
        }

        Assert.Empty(await store.Inbox.ListUnprocessedAsync(10, None));
        Assert.Equal(2, (await store.WorkItems.CountPendingByLaneAsync(None))["stock"]);
    }

    [Fact]
    public async Task Changes_of_an_open_unit_of_work_are_invisible_to_other_readers()
    {
        await using var store = await OpenAsync();
        await using var unit = await store.BeginUnitOfWorkAsync(None);

        await unit.Cursors.AdvanceAsync("c", CursorPosition.FromNumber(1), None);

        Assert.Null(await store.Cursors.GetAsync("c", None));
        await unit.CommitAsync(None);
        Assert.Equal(1, (await store.Cursors.GetAsync("c", None))?.Position.Number);
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_a_unit_of_work_leaves_nothing_half_written()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("wtx:1", WorkLane.Stock), None);
        var item = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        var key = LedgerKey.ForSku("SW-1");
        var stale = await store.Ledger.SetAsync(key, new Dictionary<string, decimal> { ["lastWritten"] = 5 }, 0, None);
        await store.Ledger.SetAsync(key, new Dictionary<string, decimal> { ["lastWritten"] = 6 }, stale.Version, None);

        await Assert.ThrowsAsync<LedgerConflictException>(async () =>
        {
            await using var unit = await store.BeginUnitOfWorkAsync(None);
            await unit.WorkItems.CompleteAsync(item.Lease!, None);
            await unit.Ledger.TryMarkAppliedAsync("wtx:1", None);
            await unit.Cursors.AdvanceAsync("sitoo:wtx", CursorPosition.FromNumber(1), None);
            await unit.Ledger.SetAsync(key, new Dictionary<string, decimal> { ["lastWritten"] = 4 }, stale.Version, None);
            await unit.CommitAsync(None);
        });

        Assert.Equal(item, await store.WorkItems.FindAsync("wtx:1", None));
        Assert.False(await store.Ledger.IsAppliedAsync("wtx:1", None));
        Assert.Null(await store.Cursors.GetAsync("sitoo:wtx", None));
        Assert.Equal(6m, (await store.Ledger.GetAsync(key, None))?["lastWritten"]);
    }

    [Fact]
    public async Task A_unit_of_work_whose_lease_was_taken_over_writes_nothing()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("wtx:1"), None);
        var slow = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1", leaseSeconds: 10), None));
        Clock.AdvanceSeconds(11);
        var fast = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w2"), None));

        await Assert.ThrowsAsync<WorkLeaseLostException>(async () =>
        {
            await using var unit = await store.BeginUnitOfWorkAsync(None);
            await unit.Ledger.TryMarkAppliedAsync("wtx:1", None);
            await unit.WorkItems.CompleteAsync(slow.Lease!, None);
            await unit.CommitAsync(None);
        });

        Assert.False(await store.Ledger.IsAppliedAsync("wtx:1", None));
        Assert.Equal(fast, await store.WorkItems.FindAsync("wtx:1", None));
    }

    [Fact]
    public async Task A_unit_of_work_cannot_be_used_after_it_ended()
    {
        await using var store = await OpenAsync();
        var unit = await store.BeginUnitOfWorkAsync(None);
        await unit.Cursors.AdvanceAsync("c", CursorPosition.FromNumber(1), None);
        await unit.CommitAsync(None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => unit.CommitAsync(None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => unit.Cursors.AdvanceAsync("c", CursorPosition.FromNumber(2), None));
        await unit.DisposeAsync();
        Assert.Equal(1, (await store.Cursors.GetAsync("c", None))?.Position.Number);
    }

    [Fact]
    public async Task Reopening_the_same_database_finds_everything_committed_before()
    {
        string leasedKey;
        await using (var before = await OpenAsync())
        {
            await before.Inbox.StoreAsync(Delivery("evt-1"), None);
            await before.Cursors.AdvanceAsync("sitoo:wtx", CursorPosition.FromNumber(4711), None);
            await before.WorkItems.EnqueueAsync(Work("wtx:4711", WorkLane.Stock), None);
            await before.WorkItems.EnqueueAsync(Work("order:1"), None);
            leasedKey = Assert.Single(await before.WorkItems.ClaimAsync(Claim("crashing", 1, 30), None)).Key;
            await before.Ledger.SetAsync(LedgerKey.ForSku("SW-1"), new Dictionary<string, decimal> { ["lastWritten"] = 2.5m }, 0, None);
            await before.Ledger.TryMarkAppliedAsync("wtx:4710", None);
            await before.Links.LinkAsync(new EntityLink(LinkedEntityType.Customer, "c1", "{u1}"), None);
            await before.Exceptions.RecordAsync(Problem("OverReturn", OwningTeam.Finance, "1"), None);
            await before.Runs.StartAsync("stock", None);

            // Begun, never committed: a crash mid-unit.
            var unit = await before.BeginUnitOfWorkAsync(None);
            await unit.Cursors.AdvanceAsync("sitoo:wtx", CursorPosition.FromNumber(9999), None);
            await unit.DisposeAsync();
        }

        Clock.AdvanceSeconds(31);
        await using var after = await OpenAsync();

        Assert.Equal("evt-1", Assert.Single(await after.Inbox.ListUnprocessedAsync(10, None)).EventId);
        Assert.Equal(4711, (await after.Cursors.GetAsync("sitoo:wtx", None))?.Position.Number);
        Assert.Equal("wtx:4711", leasedKey);
        var resumed = await after.WorkItems.ClaimAsync(Claim("restarted"), None);
        Assert.Equal(["wtx:4711", "order:1"], resumed.Select(i => i.Key));
        Assert.Equal(2.5m, (await after.Ledger.GetAsync(LedgerKey.ForSku("SW-1"), None))?["lastWritten"]);
        Assert.True(await after.Ledger.IsAppliedAsync("wtx:4710", None));
        Assert.Equal("{u1}", (await after.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, "c1", None))?.SitooId);
        Assert.Single(await after.Exceptions.ListAsync(new ExceptionFilter(Team: OwningTeam.Finance), None));
        Assert.Equal(RunOutcome.Running, Assert.Single(await after.Runs.ListAsync("stock", 10, None)).Outcome);
    }
}
