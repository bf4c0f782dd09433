using Connectors.Sync.State;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Copies_of_one_webhook_arriving_at_once_on_several_connections_are_stored_once()
    {
        await using var seed = await OpenAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var receiver = await OpenAsync();
            return await receiver.Inbox.StoreAsync(Delivery("evt-race"), None);
        })));

        Assert.Equal(1, results.Count(r => r == InboxStoreResult.Stored));
        Assert.Single(await seed.Inbox.ListUnprocessedAsync(10, None));
    }

    [Fact]
    public async Task The_same_fact_enqueued_at_once_by_webhook_and_poll_paths_becomes_one_work_item()
    {
        await using var seed = await OpenAsync();

        var added = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var path = await OpenAsync();
            await using var unit = await path.BeginUnitOfWorkAsync(None);
            var result = await unit.WorkItems.EnqueueAsync(Work("sitoo:acme:1:wtx:9", WorkLane.Stock), None);
            await unit.CommitAsync(None);
            return result;
        })));

        Assert.Equal(1, added.Count(a => a));
        Assert.Equal(1, (await seed.WorkItems.CountPendingByLaneAsync(None))["stock"]);
    }
}
