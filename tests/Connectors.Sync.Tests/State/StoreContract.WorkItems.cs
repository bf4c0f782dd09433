using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Enqueuing_a_known_key_changes_nothing()
    {
        await using var store = await OpenAsync();

        Assert.True(await store.WorkItems.EnqueueAsync(Work("k1"), None));
        Assert.False(await store.WorkItems.EnqueueAsync(Work("k1", WorkLane.Stock) with { Payload = "other" }, None));

        var item = await store.WorkItems.FindAsync("k1", None);
        Assert.NotNull(item);
        Assert.Equal(WorkLane.Orders, item.Lane);
        Assert.Equal("""{"key":"k1"}""", item.Payload);
        Assert.Equal(WorkItemState.Pending, item.State);
        Assert.Equal(0, item.Attempts);
    }

    [Fact]
    public async Task A_completed_key_is_never_enqueued_again()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("k1"), None);
        var claimed = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        await store.WorkItems.CompleteAsync(claimed.Lease!, None);

        Assert.False(await store.WorkItems.EnqueueAsync(Work("k1"), None));
        Assert.Empty(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        Assert.Equal(WorkItemState.Completed, (await store.WorkItems.FindAsync("k1", None))?.State);
    }

    [Fact]
    public async Task Claims_take_the_stock_lane_first_then_by_priority_then_oldest_due()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("background-1", WorkLane.Background), None);
        await store.WorkItems.EnqueueAsync(Work("order-2", WorkLane.Orders, Clock.GetCurrentInstant()), None);
        await store.WorkItems.EnqueueAsync(Work("order-1", WorkLane.Orders, Clock.GetCurrentInstant() - Duration.FromMinutes(1)), None);
        await store.WorkItems.EnqueueAsync(Work("stock-1", WorkLane.Stock), None);

        var first = await store.WorkItems.ClaimAsync(Claim("w1", maxCount: 3), None);
        var rest = await store.WorkItems.ClaimAsync(Claim("w2", maxCount: 3), None);

        Assert.Equal(["stock-1", "order-1", "order-2"], first.Select(i => i.Key));
        Assert.Equal(["background-1"], rest.Select(i => i.Key));
    }

    [Fact]
    public async Task Claims_can_be_limited_to_lanes()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("stock-1", WorkLane.Stock), None);
        await store.WorkItems.EnqueueAsync(Work("order-1", WorkLane.Orders), None);
        await store.WorkItems.EnqueueAsync(Work("background-1", WorkLane.Background), None);

        var claimed = await store.WorkItems.ClaimAsync(Claim("orders-worker", 10, 30, "orders", "background"), None);

        Assert.Equal(["order-1", "background-1"], claimed.Select(i => i.Key));
    }

    [Fact]
    public async Task A_claim_takes_at_most_its_limit_of_a_kind_and_fills_up_with_other_kinds()
    {
        await using var store = await OpenAsync();
        var due = Clock.GetCurrentInstant() - Duration.FromMinutes(10);
        for (var i = 0; i < 5; i++)
        {
            // The exports are the oldest due, so without the limit they alone would fill the claim.
            await store.WorkItems.EnqueueAsync(Work($"export-{i}", WorkLane.Orders, due + Duration.FromSeconds(i)) with { Kind = "order.export" }, None);
        }

        for (var i = 0; i < 3; i++)
        {
            await store.WorkItems.EnqueueAsync(Work($"refund-{i}") with { Kind = "returns.refund" }, None);
        }

        var limits = new Dictionary<string, int>(StringComparer.Ordinal) { ["order.export"] = 2, ["returns.refund"] = 5 };
        var first = await store.WorkItems.ClaimAsync(Claim("w1", maxCount: 5) with { MaxPerKind = limits }, None);
        var second = await store.WorkItems.ClaimAsync(Claim("w2", maxCount: 5) with { MaxPerKind = limits }, None);

        Assert.Equal(["export-0", "export-1", "refund-0", "refund-1", "refund-2"], first.Select(i => i.Key));
        Assert.Equal(["export-2", "export-3"], second.Select(i => i.Key));
        Assert.All(await store.WorkItems.ListAsync(new WorkItemFilter(Kind: "order.export"), None), item => Assert.Equal(item.Key == "export-4" ? 0 : 1, item.Attempts));
    }

    [Fact]
    public async Task A_claim_leases_the_item_to_its_owner_and_counts_the_attempt()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("k1"), None);

        var item = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1", leaseSeconds: 45), None));

        Assert.Equal(1, item.Attempts);
        Assert.NotNull(item.Lease);
        Assert.Equal("w1", item.Lease.Owner);
        Assert.Equal("k1", item.Lease.Key);
        Assert.Equal(Clock.GetCurrentInstant() + Duration.FromSeconds(45), item.Lease.ExpiresAt);
        Assert.Equal(item, await store.WorkItems.FindAsync("k1", None));
    }

    [Fact]
    public async Task Items_are_not_claimed_before_they_are_due()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("later", dueAt: Clock.GetCurrentInstant() + Duration.FromMinutes(5)), None);

        Assert.Empty(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        Clock.AdvanceMinutes(5);
        Assert.Equal(["later"], (await store.WorkItems.ClaimAsync(Claim("w1"), None)).Select(i => i.Key));
    }

    [Fact]
    public async Task A_leased_item_is_taken_over_only_after_its_lease_expires_and_the_old_owner_can_no_longer_settle_it()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("k1"), None);
        var crashed = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1", leaseSeconds: 30), None));

        Clock.AdvanceSeconds(29);
        Assert.Empty(await store.WorkItems.ClaimAsync(Claim("w2"), None));
        Clock.AdvanceSeconds(1);
        var takenOver = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w2"), None));

        Assert.Equal(2, takenOver.Attempts);
        Assert.Equal("w2", takenOver.Lease?.Owner);
        var lost = await Assert.ThrowsAsync<WorkLeaseLostException>(() => store.WorkItems.CompleteAsync(crashed.Lease!, None));
        Assert.Equal(crashed.Lease, lost.Lease);
        await Assert.ThrowsAsync<WorkLeaseLostException>(() => store.WorkItems.FailAsync(crashed.Lease!, "late", Clock.GetCurrentInstant(), None));
        await store.WorkItems.CompleteAsync(takenOver.Lease!, None);
        Assert.Equal(WorkItemState.Completed, (await store.WorkItems.FindAsync("k1", None))?.State);
    }

    [Fact]
    public async Task An_expired_lease_not_yet_taken_over_still_lets_its_owner_finish()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("k1"), None);
        var item = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1", leaseSeconds: 5), None));
        Clock.AdvanceSeconds(10);

        await store.WorkItems.CompleteAsync(item.Lease!, None);

        Assert.Equal(WorkItemState.Completed, (await store.WorkItems.FindAsync("k1", None))?.State);
    }

    [Fact]
    public async Task A_failed_item_waits_for_its_backoff_and_keeps_the_error()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("k1"), None);
        var item = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));

        await store.WorkItems.FailAsync(item.Lease!, "429 from Shopware", Clock.GetCurrentInstant() + Duration.FromSeconds(20), None);

        var failed = await store.WorkItems.FindAsync("k1", None);
        Assert.Equal(("429 from Shopware", WorkItemState.Pending, 1), (failed?.LastError, failed?.State, failed?.Attempts));
        Assert.Null(failed?.Lease);
        Clock.AdvanceSeconds(19);
        Assert.Empty(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        Clock.AdvanceSeconds(1);
        Assert.Equal(2, Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None)).Attempts);
    }

    [Fact]
    public async Task A_released_item_is_due_at_once_and_its_attempt_does_not_count()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("k1"), None);
        var item = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));

        await store.WorkItems.ReleaseAsync(item.Lease!, None);

        var again = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w2"), None));
        Assert.Equal(1, again.Attempts);
        await Assert.ThrowsAsync<WorkLeaseLostException>(() => store.WorkItems.ReleaseAsync(item.Lease!, None));
    }

    [Fact]
    public async Task A_renewed_lease_keeps_the_item_from_other_claimers()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("k1"), None);
        var item = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1", leaseSeconds: 10), None));
        Clock.AdvanceSeconds(8);

        var renewed = await store.WorkItems.RenewAsync(item.Lease!, Duration.FromSeconds(10), None);

        Assert.Equal(Clock.GetCurrentInstant() + Duration.FromSeconds(10), renewed.ExpiresAt);
        Clock.AdvanceSeconds(8);
        Assert.Empty(await store.WorkItems.ClaimAsync(Claim("w2"), None));
        await store.WorkItems.CompleteAsync(renewed, None);
    }

    [Fact]
    public async Task A_parked_item_waits_for_an_operator_retry()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("sitoo:acme:1:order:7"), None);
        var item = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        await store.WorkItems.ParkAsync(item.Lease!, "Unknown SKU 'X-1'", None);
        var record = await store.Exceptions.RecordAsync(
            new ExceptionReport("MissingProductMapping", OwningTeam.Ecommerce, new EntityReference("sitoo.order", "7"), "SKU X-1 is not in Shopware", "Create product X-1", WorkItemKey: item.Key),
            None);
        Clock.AdvanceHours(1);
        Assert.Empty(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        Assert.Equal(WorkItemState.Parked, (await store.WorkItems.FindAsync(item.Key, None))?.State);

        Assert.True(await store.Exceptions.RetryAsync(record.Id, None));

        Assert.Equal(ExceptionStatus.Retrying, (await store.Exceptions.GetAsync(record.Id, None))?.Status);
        var retried = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        Assert.Equal((item.Key, 2), (retried.Key, retried.Attempts));
    }

    [Fact]
    public async Task Queue_depth_counts_pending_items_per_lane()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("s1", WorkLane.Stock), None);
        await store.WorkItems.EnqueueAsync(Work("s2", WorkLane.Stock), None);
        await store.WorkItems.EnqueueAsync(Work("o1", WorkLane.Orders), None);
        await store.WorkItems.EnqueueAsync(Work("o2", WorkLane.Orders), None);
        var claimed = await store.WorkItems.ClaimAsync(Claim("w1", 1, 30, "orders"), None);
        await store.WorkItems.CompleteAsync(claimed[0].Lease!, None);

        var depth = await store.WorkItems.CountPendingByLaneAsync(None);

        Assert.Equal(new Dictionary<string, int> { ["stock"] = 2, ["orders"] = 1 }, depth);
    }

    [Fact]
    public async Task Concurrent_claimers_on_separate_connections_never_get_the_same_item()
    {
        const int itemCount = 120;
        await using var seed = await OpenAsync();
        for (var i = 0; i < itemCount; i++)
        {
            await seed.WorkItems.EnqueueAsync(Work($"k{i}", i % 3 == 0 ? WorkLane.Stock : WorkLane.Orders), None);
        }

        var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            await using var store = await OpenAsync();
            var mine = new List<string>();
            while (true)
            {
                var batch = await store.WorkItems.ClaimAsync(Claim($"w{w}", maxCount: 4), None);
                if (batch.Count == 0)
                {
                    return mine;
                }

                foreach (var item in batch)
                {
                    await store.WorkItems.CompleteAsync(item.Lease!, None);
                    mine.Add(item.Key);
                }
            }
        })).ToList();
        var claimedByWorker = await Task.WhenAll(workers);

        var all = claimedByWorker.SelectMany(keys => keys).ToList();
        Assert.Equal(itemCount, all.Count);
        Assert.Equal(itemCount, all.Distinct().Count());
        Assert.Equal(0, (await seed.WorkItems.CountPendingByLaneAsync(None)).Values.Sum());
    }
}

public abstract partial class StoreContract
{
    [Fact]
    public async Task Work_items_are_listed_by_kind_state_and_age_oldest_first()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(new NewWorkItem("order:1", "order.export", WorkLane.Orders, "1"), None);
        Clock.AdvanceSeconds(60);
        await store.WorkItems.EnqueueAsync(new NewWorkItem("order:2", "order.export", WorkLane.Orders, "2"), None);
        await store.WorkItems.EnqueueAsync(new NewWorkItem("stock:1", "stock.write", WorkLane.Stock, "SW-1"), None);
        var claimed = await store.WorkItems.ClaimAsync(Claim("a", lanes: "stock"), None);
        await store.WorkItems.CompleteAsync(claimed[0].Lease!, None);

        var exports = await store.WorkItems.ListAsync(new WorkItemFilter(Kind: "order.export"), None);
        var old = await store.WorkItems.ListAsync(new WorkItemFilter(State: WorkItemState.Pending, CreatedBefore: Clock.GetCurrentInstant()), None);
        var done = await store.WorkItems.ListAsync(new WorkItemFilter(State: WorkItemState.Completed), None);

        Assert.Equal(["order:1", "order:2"], exports.Select(i => i.Key));
        Assert.Equal(["order:1"], old.Select(i => i.Key));
        Assert.Equal(["stock:1"], done.Select(i => i.Key));
    }
}
