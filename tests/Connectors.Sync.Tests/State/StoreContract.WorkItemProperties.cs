using Connectors.Sync.State;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    private enum ScheduleAction
    {
        Enqueue,
        Claim,
        Complete,
        Fail,
        Release,
        Crash,
        Tick,
    }

    /// <summary>One step of a random schedule: what happens, to which key, by which worker, with which amount.</summary>
    private sealed record ScheduleStep(ScheduleAction Kind, int Key, int Worker, int Amount);

    private static readonly Gen<ScheduleStep> Steps =
        from kind in Gen.Frequency(
            (4, Gen.Constant(ScheduleAction.Enqueue)),
            (4, Gen.Constant(ScheduleAction.Claim)),
            (4, Gen.Constant(ScheduleAction.Complete)),
            (1, Gen.Constant(ScheduleAction.Fail)),
            (1, Gen.Constant(ScheduleAction.Release)),
            (1, Gen.Constant(ScheduleAction.Crash)),
            (2, Gen.Constant(ScheduleAction.Tick)))
        from key in Gen.Choose(0, 11)
        from worker in Gen.Choose(0, 2)
        from amount in Gen.Choose(1, 40)
        select new ScheduleStep(kind, key, worker, amount);

    /// <summary>Even keys are stock items in two ordering groups of three; odd keys are unordered order items.</summary>
    private static string? OrderingGroup(int key) => key % 2 == 0 ? $"sku:{key % 4 / 2}" : null;

    [Property(MaxTest = 40)]
    public Property Any_interleaving_of_enqueue_claim_and_settle_completes_every_key_exactly_once_and_in_order_per_ordering_key() =>
        Prop.ForAll(
            Gen.Choose(20, 60).SelectMany(length => Steps.ArrayOf(length)).ToArbitrary(),
            steps => Task.Run(() => RunScheduleAsync(steps)).GetAwaiter().GetResult()); // properties run synchronously

    private async Task<bool> RunScheduleAsync(ScheduleStep[] steps)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        await using var store = await OpenAsync($"schedule-{Guid.NewGuid():N}", clock);
        var enqueued = new List<string>();
        var completed = new List<string>();
        var groups = new Dictionary<string, string?>();
        var held = new List<WorkLease>[] { [], [], [] };

        async Task CompleteAsync(WorkLease lease)
        {
            try
            {
                await store.WorkItems.CompleteAsync(lease, None);
                completed.Add(lease.Key);
            }
            catch (WorkLeaseLostException)
            {
                // A worker whose lease was taken over: the item is someone else's now.
            }
        }

        foreach (var step in steps)
        {
            var mine = held[step.Worker];
            var pick = mine.Count == 0 ? -1 : step.Amount % mine.Count; // workers settle their items in any order
            switch (step.Kind)
            {
                case ScheduleAction.Enqueue:
                    var key = $"k{step.Key}";
                    var group = OrderingGroup(step.Key);
                    var item = Work(key, group is null ? WorkLane.Orders : WorkLane.Stock) with { OrderingKey = group };
                    var added = await store.WorkItems.EnqueueAsync(item, None);
                    if (added == groups.ContainsKey(key))
                    {
                        return false;
                    }

                    if (added)
                    {
                        enqueued.Add(key);
                        groups[key] = group;
                    }

                    break;
                case ScheduleAction.Claim:
                    var claimed = await store.WorkItems.ClaimAsync(Claim($"w{step.Worker}", maxCount: 1 + (step.Amount % 3)), None);
                    mine.AddRange(claimed.Select(item => item.Lease!));
                    break;
                case ScheduleAction.Complete when mine.Count > 0:
                    await CompleteAsync(mine[pick]);
                    mine.RemoveAt(pick);
                    break;
                case ScheduleAction.Fail when mine.Count > 0:
                    try
                    {
                        await store.WorkItems.FailAsync(mine[pick], "failed", clock.GetCurrentInstant() + Duration.FromSeconds(step.Amount % 5), None);
                    }
                    catch (WorkLeaseLostException)
                    {
                    }

                    mine.RemoveAt(pick);
                    break;
                case ScheduleAction.Release when mine.Count > 0:
                    try
                    {
                        await store.WorkItems.ReleaseAsync(mine[pick], None);
                    }
                    catch (WorkLeaseLostException)
                    {
                    }

                    mine.RemoveAt(pick);
                    break;
                case ScheduleAction.Crash:
                    mine.Clear();
                    break;
                case ScheduleAction.Tick:
                    clock.AdvanceSeconds(step.Amount);
                    break;
            }
        }

        // Every worker that is still alive finishes what it holds; whatever is left (crashed or failed) is
        // taken over once the leases and backoffs have run out.
        foreach (var lease in held.SelectMany(leases => leases))
        {
            await CompleteAsync(lease);
        }

        // Bounded: a store that keeps handing out completed items must fail the property, not hang it.
        clock.AdvanceMinutes(10);
        for (var round = 0; round <= enqueued.Count; round++)
        {
            var batch = await store.WorkItems.ClaimAsync(Claim("survivor"), None);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var item in batch)
            {
                await CompleteAsync(item.Lease!);
            }
        }

        var inOrderPerGroup = groups.Values.Distinct().Where(group => group is not null).All(group =>
            completed.Where(key => groups[key] == group).SequenceEqual(enqueued.Where(key => groups[key] == group)));
        return (await store.WorkItems.CountPendingByLaneAsync(None)).Values.Sum() == 0
            && completed.Count == completed.Distinct().Count()
            && completed.ToHashSet().SetEquals(enqueued)
            && inOrderPerGroup;
    }
}
