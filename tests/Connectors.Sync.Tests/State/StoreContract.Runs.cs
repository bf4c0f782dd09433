using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Runs_record_start_end_outcome_and_counts_newest_first()
    {
        await using var store = await OpenAsync();
        var started = Clock.GetCurrentInstant();
        var stock = await store.Runs.StartAsync("stock", None);
        var reconciliation = await store.Runs.StartAsync("reconciliation.full", None);
        Clock.AdvanceSeconds(3);

        var finished = await store.Runs.FinishAsync(stock.Id, RunOutcome.PartiallySucceeded, new Dictionary<string, long> { ["read"] = 120, ["written"] = 3 }, "1 unknown SKU", None);

        Assert.Equal((RunOutcome.Running, started, (Instant?)null), (stock.Outcome, stock.StartedAt, stock.FinishedAt));
        Assert.Equal((RunOutcome.PartiallySucceeded, Clock.GetCurrentInstant(), "1 unknown SKU"), (finished.Outcome, finished.FinishedAt, finished.Error));
        Assert.Equal(new Dictionary<string, long> { ["read"] = 120, ["written"] = 3 }, finished.Counts);
        Assert.Equal([reconciliation.Id, stock.Id], (await store.Runs.ListAsync(null, 10, None)).Select(r => r.Id));
        var listed = Assert.Single(await store.Runs.ListAsync("stock", 10, None));
        Assert.Equal((finished.Id, finished.Outcome, finished.FinishedAt), (listed.Id, listed.Outcome, listed.FinishedAt));
        Assert.Equal(finished.Counts, listed.Counts);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.Runs.FinishAsync(stock.Id, RunOutcome.Failed, new Dictionary<string, long>(), null, None));
    }
}
