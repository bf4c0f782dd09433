using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Pruning_completed_work_deletes_old_completed_items_of_the_prefix_in_batches_and_nothing_else()
    {
        await using var store = await OpenAsync();
        string[] old = ["stock:write:SW-1:1", "stock:write:SW-2:1", "stock:write:SW-3:1"];
        foreach (var key in old)
        {
            await CompletedAsync(store, key);
        }

        var named = await CompletedAsync(store, "stock:write:SW-named:1");
        await store.Exceptions.RecordAsync(
            new ExceptionReport("StockWriteRefused", OwningTeam.Ecommerce, new EntityReference("shopware.product", "SW-named"), "refused", "look", WorkItemKey: named),
            None);
        var export = await CompletedAsync(store, "shopware:order:export:1");
        var parked = await ClaimOnlyAsync(store, "stock:write:SW-parked:1");
        await store.WorkItems.ParkAsync(parked.Lease!, "unknown warehouse", None);
        var failed = await ClaimOnlyAsync(store, "stock:write:SW-failed:1");
        await store.WorkItems.FailAsync(failed.Lease!, "timeout", Clock.GetCurrentInstant() + Duration.FromDays(9), None);
        var claimed = await ClaimOnlyAsync(store, "stock:write:SW-claimed:1");
        await store.WorkItems.EnqueueAsync(Work("stock:write:SW-pending:1", dueAt: Clock.GetCurrentInstant() + Duration.FromDays(9)), None);

        Clock.AdvanceDays(3);
        var young = await CompletedAsync(store, "stock:write:SW-1:2");
        var horizon = Clock.GetCurrentInstant() - Duration.FromDays(2);

        Assert.Equal([2, 1, 0], await RepeatAsync(() => store.WorkItems.PruneCompletedAsync("stock:write:", horizon, 2, None)));

        foreach (var key in old)
        {
            Assert.Null(await store.WorkItems.FindAsync(key, None));
        }

        foreach (var key in new[] { named, export, parked.Key, failed.Key, claimed.Key, "stock:write:SW-pending:1", young })
        {
            Assert.NotNull(await store.WorkItems.FindAsync(key, None));
        }
    }

    private async Task<WorkItem> ClaimOnlyAsync(IConnectorStore store, string key)
    {
        await store.WorkItems.EnqueueAsync(Work(key, WorkLane.Stock), None);
        return Assert.Single(await store.WorkItems.ClaimAsync(Claim("w", maxCount: 1, leaseSeconds: 86_400 * 30, "stock"), None), item => item.Key == key);
    }

    private static async Task<string> CompletedAsync(IConnectorStore store, string key) => await ClaimAndCompleteAsync(store, Work(key, WorkLane.Stock));
}
