using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Engine;

/// <summary>The per-item loop of the handlers: an item's own failure is settled and the rest go on; the engine's stop ends the batch.</summary>
public sealed class EachItemTests
{
    [Fact]
    public async Task A_cancellation_the_engine_did_not_ask_for_is_the_items_failure_and_the_batch_goes_on()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var items = await ClaimAsync(harness, "timed-out", "fine");

        await EachItem.HandleAsync(
            items,
            harness.Services.GetRequiredService<WorkSettler>(),
            item => item.Key == "timed-out" ? throw new TaskCanceledException("The HTTP request timed out.") : harness.Store.WorkItems.CompleteAsync(item.Lease!, default),
            item => new EntityReference("test", item.Key),
            default);

        var timedOut = await harness.Store.WorkItems.FindAsync("timed-out", default);
        Assert.Equal(WorkItemState.Pending, timedOut!.State);
        Assert.Contains("timed out", timedOut.LastError, StringComparison.Ordinal);
        Assert.Equal(WorkItemState.Completed, (await harness.Store.WorkItems.FindAsync("fine", default))!.State);
    }

    [Fact]
    public async Task The_engines_own_stop_ends_the_batch_without_settling_anything()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var items = await ClaimAsync(harness, "first", "second");
        using var stop = new CancellationTokenSource();
        var handled = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EachItem.HandleAsync(
            items,
            harness.Services.GetRequiredService<WorkSettler>(),
            item =>
            {
                handled.Add(item.Key);
                stop.Cancel();
                stop.Token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            },
            item => new EntityReference("test", item.Key),
            stop.Token));

        Assert.Equal(["first"], handled);
        Assert.Null((await harness.Store.WorkItems.FindAsync("first", default))!.LastError);
    }

    private static async Task<IReadOnlyList<WorkItem>> ClaimAsync(ConnectorHarness harness, params string[] keys)
    {
        foreach (var key in keys)
        {
            await harness.Store.WorkItems.EnqueueAsync(new NewWorkItem(key, "test.kind", WorkLane.Background, ""), default);
        }

        var claimed = await harness.Store.WorkItems.ClaimAsync(new WorkClaimRequest("test", 10, Duration.FromMinutes(1), [WorkLane.Background.Name]), default);
        return [.. keys.Select(key => claimed.Single(item => item.Key == key))];
    }
}
