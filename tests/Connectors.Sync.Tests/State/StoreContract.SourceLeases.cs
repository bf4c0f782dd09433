using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    private static readonly Duration SourceLease = Duration.FromSeconds(60);

    [Fact]
    public async Task A_source_lease_is_held_by_one_instance_until_it_runs_out_or_is_given_back()
    {
        await using var store = await OpenAsync();

        var first = await store.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", "a", SourceLease, None);
        Assert.Equal(("a", Clock.GetCurrentInstant() + SourceLease), (first?.Owner, first?.ExpiresAt));
        Assert.Null(await store.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", "b", SourceLease, None));
        Assert.NotNull(await store.SourceLeases.TryAcquireAsync("shopware.orders", "b", SourceLease, None));

        // The holder renews; the other takes over only once the renewed lease has run out.
        Clock.AdvanceSeconds(50);
        Assert.Equal(Clock.GetCurrentInstant() + SourceLease, (await store.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", "a", SourceLease, None))?.ExpiresAt);
        Clock.AdvanceSeconds(50);
        Assert.Null(await store.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", "b", SourceLease, None));
        Clock.AdvanceSeconds(10);
        Assert.Equal("b", (await store.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", "b", SourceLease, None))?.Owner);
        Assert.Null(await store.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", "a", SourceLease, None));

        // Given back, it is free at once; giving back a lease one does not hold changes nothing.
        Assert.NotNull(await store.SourceLeases.TryAcquireAsync("shopware.orders", "b", SourceLease, None));
        await store.SourceLeases.ReleaseAsync("shopware.orders", "a", None);
        Assert.Null(await store.SourceLeases.TryAcquireAsync("shopware.orders", "a", SourceLease, None));
        await store.SourceLeases.ReleaseAsync("shopware.orders", "b", None);
        Assert.Equal("a", (await store.SourceLeases.TryAcquireAsync("shopware.orders", "a", SourceLease, None))?.Owner);
    }

    [Fact]
    public async Task A_source_announced_by_a_webhook_is_wanted_for_its_holder_whoever_read_the_webhook()
    {
        await using var store = await OpenAsync();
        Assert.Null((await store.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", "a", SourceLease, None))!.WantedAt);

        Clock.AdvanceSeconds(3);
        await using (var unit = await store.BeginUnitOfWorkAsync(None))
        {
            await unit.SourceLeases.MarkWantedAsync(["sitoo.warehouse-transactions", "sitoo.orders", "sitoo.orders"], None);
            await unit.CommitAsync(None);
        }

        var wantedAt = Clock.GetCurrentInstant();
        Assert.Equal(wantedAt, (await store.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", "a", SourceLease, None))?.WantedAt);
        // A source nobody held yet: the first to ask takes it and sees it wanted.
        Assert.Equal(("b", wantedAt), await OwnerAndWantedAsync(store, "sitoo.orders", "b"));

        // Marked in a unit of work that is not committed: nothing is wanted.
        Clock.AdvanceSeconds(3);
        await using (var unit = await store.BeginUnitOfWorkAsync(None))
        {
            await unit.SourceLeases.MarkWantedAsync(["sitoo.orders"], None);
        }

        Assert.Equal(("b", wantedAt), await OwnerAndWantedAsync(store, "sitoo.orders", "b"));
    }

    [Fact]
    public async Task Instances_racing_for_a_free_source_end_with_one_holder()
    {
        await using var seed = await OpenAsync();

        var held = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using var instance = await OpenAsync();
            return await instance.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", $"instance-{i}", SourceLease, None);
        })));

        var holder = Assert.Single(held.OfType<SourceLease>());
        Assert.Equal(holder.Owner, (await seed.SourceLeases.TryAcquireAsync("sitoo.warehouse-transactions", holder.Owner, SourceLease, None))?.Owner);
    }

    private static async Task<(string? Owner, Instant? WantedAt)> OwnerAndWantedAsync(IConnectorStore store, string source, string owner)
    {
        var lease = await store.SourceLeases.TryAcquireAsync(source, owner, SourceLease, None);
        return (lease?.Owner, lease?.WantedAt);
    }
}
