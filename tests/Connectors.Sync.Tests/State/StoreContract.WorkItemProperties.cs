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

    [Property(MaxTest = 40)]
    public Property Any_interleaving_of_enqueue_claim_and_settle_completes_every_key_exactly_once() =>
        Prop.ForAll(
            Gen.ListOf(Steps).Select(steps => steps.Take(60).ToArray()).ToArbitrary(),
            steps => Task.Run(() => CompletesEveryKeyExactlyOnceAsync(steps)).GetAwaiter().GetResult());

    private async Task<bool> CompletesEveryKeyExactlyOnceAsync(ScheduleStep[] steps)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        await using var store = await OpenAsync($"schedule-{Guid.NewGuid():N}", clock);
        var enqueued = new HashSet<string>();
        var completions = new Dictionary<string, int>();
        var held = new List<WorkLease>[] { [], [], [] };

        async Task CompleteAsync(WorkLease lease)
        {
            try
            {
                await store.WorkItems.CompleteAsync(lease, None);
                completions[lease.Key] = completions.GetValueOrDefault(lease.Key) + 1;
            }
            catch (WorkLeaseLostException)
            {
                // A worker whose lease was taken over: the item is someone else's now.
            }
        }

        foreach (var step in steps)
        {
            var mine = held[step.Worker];
            switch (step.Kind)
            {
                case ScheduleAction.Enqueue:
                    var key = $"k{step.Key}";
                    var added = await store.WorkItems.EnqueueAsync(Work(key, step.Key % 2 == 0 ? WorkLane.Stock : WorkLane.Orders), None);
                    if (added != enqueued.Add(key))
                    {
                        return false;
                    }

                    break;
                case ScheduleAction.Claim:
                    var claimed = await store.WorkItems.ClaimAsync(Claim($"w{step.Worker}", maxCount: 1 + (step.Amount % 3)), None);
                    mine.AddRange(claimed.Select(item => item.Lease!));
                    break;
                case ScheduleAction.Complete when mine.Count > 0:
                    await CompleteAsync(mine[0]);
                    mine.RemoveAt(0);
                    break;
                case ScheduleAction.Fail when mine.Count > 0:
                    try
                    {
                        await store.WorkItems.FailAsync(mine[0], "failed", clock.GetCurrentInstant() + Duration.FromSeconds(step.Amount % 5), None);
                    }
                    catch (WorkLeaseLostException)
                    {
                    }

                    mine.RemoveAt(0);
                    break;
                case ScheduleAction.Release when mine.Count > 0:
                    try
                    {
                        await store.WorkItems.ReleaseAsync(mine[0], None);
                    }
                    catch (WorkLeaseLostException)
                    {
                    }

                    mine.RemoveAt(0);
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

        return (await store.WorkItems.CountPendingByLaneAsync(None)).Values.Sum() == 0
            && completions.Values.All(count => count == 1)
            && completions.Keys.ToHashSet().SetEquals(enqueued);
    }
}
