using Connectors.Core.Identity;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Retention;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Retention;

public sealed class StateRetentionTests
{
    [Fact]
    public async Task Old_transaction_marks_go_except_those_the_poll_still_reads_again_which_it_then_skips()
    {
        // No reconciliation: a transaction applied twice must show in the shop's stock, not be healed away.
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Stock.TransactionOverlap = 5;
            options.Retention.KeepAppliedFacts = TimeSpan.FromDays(1);
            options.Reconciliation.FullEvery = TimeSpan.Zero;
            options.Reconciliation.IncrementalEvery = TimeSpan.Zero;
        });
        harness.AddProduct("SKU-1", store1: 100);
        for (var i = 0; i < 20; i++)
        {
            harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        }

        await harness.SyncAsync();
        var intake = harness.Services.GetRequiredService<TransactionIntake>();
        var cursor = (await harness.Store.Cursors.GetAsync(intake.CursorName, default))!.Position.Number!.Value;
        var marked = await MarkedAsync(harness, cursor);
        Assert.True(marked.Count >= 21, $"{marked.Count} marks");
        Assert.Equal(80, harness.Shop.GetProduct("SKU-1").Stock);

        harness.Clock.Advance(Duration.FromDays(2));
        await harness.SyncAsync(); // a new hour: the pruning job runs, and the poll reads the overlap again

        Assert.Equal(marked.Where(id => id > cursor - 5), await MarkedAsync(harness, cursor));
        Assert.Equal(80, harness.Shop.GetProduct("SKU-1").Stock);
    }

    [Fact]
    public async Task Marks_younger_than_the_retention_period_stay_however_far_the_cursor_moved()
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Stock.TransactionOverlap = 0;
            options.Retention.KeepAppliedFacts = TimeSpan.FromDays(7);
        });
        harness.AddProduct("SKU-1", store1: 100);
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        await harness.SyncAsync();
        var cursor = (await harness.Store.Cursors.GetAsync(harness.Services.GetRequiredService<TransactionIntake>().CursorName, default))!.Position.Number!.Value;
        var marked = await MarkedAsync(harness, cursor);

        harness.Clock.Advance(Duration.FromDays(6));
        await harness.SyncAsync();

        Assert.Equal(marked, await MarkedAsync(harness, cursor));
    }

    [Fact]
    public async Task Completed_job_runs_go_once_their_slot_ended_the_retention_period_ago_and_unprocessed_ones_never()
    {
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Retention.KeepCompletedWork = TimeSpan.FromHours(2);
            options.Retention.PruneEvery = TimeSpan.FromHours(1);
        });
        var work = harness.Store.WorkItems;
        var kind = StateRetentionJob.WorkKind;

        // Each run is the only due item when it is claimed, so every claim takes the run just queued.
        async Task<WorkItem> ClaimAsync(long slot)
        {
            await work.EnqueueAsync(new NewWorkItem(ScheduledJobKeys.Key(kind, slot), kind, WorkLane.Background, ""), default);
            return Assert.Single(await work.ClaimAsync(new WorkClaimRequest("test", 1, Duration.FromDays(30)), default));
        }

        var done = await ClaimAsync(1);
        await work.CompleteAsync(done.Lease!, default);
        var leased = await ClaimAsync(2);
        var failed = await ClaimAsync(3);
        await work.FailAsync(failed.Lease!, "timeout", harness.Clock.GetCurrentInstant() + Duration.FromDays(30), default);
        var parked = await ClaimAsync(4);
        await work.ParkAsync(parked.Lease!, "stuck", default);
        var waiting = ScheduledJobKeys.Key(kind, 5);
        await work.EnqueueAsync(new NewWorkItem(waiting, kind, WorkLane.Background, "", harness.Clock.GetCurrentInstant() + Duration.FromDays(30)), default);

        // Completed within the job's interval plus the period (three hours) before the pruning: its slot may not have ended long enough ago.
        harness.Clock.Advance(Duration.FromHours(1));
        var recent = await ClaimAsync(6);
        await work.CompleteAsync(recent.Lease!, default);

        harness.Clock.Advance(Duration.FromHours(2) + Duration.FromMinutes(1));
        await harness.Services.GetRequiredService<StateRetentionJob>().HandleAsync([], harness.Services.GetRequiredService<WorkSettler>(), default);

        Assert.Null(await work.FindAsync(done.Key, default));
        Assert.Equal(WorkItemState.Completed, (await work.FindAsync(recent.Key, default))?.State);
        Assert.Equal(WorkItemState.Pending, (await work.FindAsync(leased.Key, default))?.State);
        Assert.Equal(WorkItemState.Pending, (await work.FindAsync(failed.Key, default))?.State);
        Assert.Equal(WorkItemState.Parked, (await work.FindAsync(parked.Key, default))?.State);
        Assert.Equal(WorkItemState.Pending, (await work.FindAsync(waiting, default))?.State);
    }

    private static async Task<List<long>> MarkedAsync(ConnectorHarness harness, long upTo)
    {
        var site = harness.Services.GetRequiredService<StockIntakeSettings>();
        var marked = new List<long>();
        for (var id = 1L; id <= upTo; id++)
        {
            if (await harness.Store.Ledger.IsAppliedAsync(IdempotencyKey.SitooWarehouseTransaction(site.Account, site.EshopId, id).Value, default))
            {
                marked.Add(id);
            }
        }

        return marked;
    }
}
