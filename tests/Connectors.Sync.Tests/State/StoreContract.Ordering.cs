using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    private static NewWorkItem Ordered(string key, string orderingKey) => Work(key, WorkLane.Stock) with { OrderingKey = orderingKey };

    [Fact]
    public async Task Items_sharing_an_ordering_key_are_claimed_one_at_a_time_in_enqueue_order()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Ordered("wtx:3", "sku:A"), None);
        await store.WorkItems.EnqueueAsync(Ordered("wtx:1", "sku:A"), None);
        await store.WorkItems.EnqueueAsync(Ordered("wtx:2", "sku:B"), None);
        await store.WorkItems.EnqueueAsync(Work("order:1"), None);

        var first = await store.WorkItems.ClaimAsync(Claim("w1"), None);
        Assert.Equal(["wtx:3", "wtx:2", "order:1"], first.Select(i => i.Key));
        Assert.Empty(await store.WorkItems.ClaimAsync(Claim("w2"), None));

        await store.WorkItems.CompleteAsync(first[0].Lease!, None);

        var next = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w2"), None));
        Assert.Equal(("wtx:1", "sku:A"), (next.Key, next.OrderingKey));
    }

    [Fact]
    public async Task A_failed_item_holds_back_later_items_of_its_ordering_key_until_it_succeeds()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Ordered("wtx:1", "sku:A"), None);
        await store.WorkItems.EnqueueAsync(Ordered("wtx:2", "sku:A"), None);
        var head = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        await store.WorkItems.FailAsync(head.Lease!, "503", Clock.GetCurrentInstant() + Duration.FromSeconds(10), None);

        Assert.Empty(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        Clock.AdvanceSeconds(10);
        var retried = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        Assert.Equal("wtx:1", retried.Key);
        await store.WorkItems.CompleteAsync(retried.Lease!, None);
        Assert.Equal("wtx:2", Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None)).Key);
    }

    [Fact]
    public async Task A_parked_item_does_not_hold_back_its_ordering_key()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Ordered("wtx:1", "sku:A"), None);
        await store.WorkItems.EnqueueAsync(Ordered("wtx:2", "sku:A"), None);
        var head = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));

        await store.WorkItems.ParkAsync(head.Lease!, "unknown warehouse", None);

        Assert.Equal("wtx:2", Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None)).Key);
    }
}
