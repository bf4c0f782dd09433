using System.Diagnostics;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Engine;

/// <summary>
/// How a claimed item's lease stays with the worker handling it: the renewal in the background outlasts a store that
/// fails for a moment, and the fence before an irreversible write refuses once another worker has the item.
/// </summary>
public sealed class LeaseKeepingTests
{
    private static readonly Duration Lease = Duration.FromSeconds(30);

    [Fact]
    public async Task A_renewal_that_meets_a_store_failure_tries_again_so_the_lease_outlives_a_slow_handler()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var flaky = new FailingRenewals(harness.Store.WorkItems, failures: 2);
        var item = await ClaimAsync(harness, "owner-a");

        await using (LeaseRenewal.Start(flaky, [item], harness.Clock, Lease, NullLogger.Instance))
        {
            // A handler slower than the lease: time moves on past a third of it, then past the original end.
            harness.Clock.Advance(Lease / 3 + Duration.FromSeconds(1));
            var renewedUntil = await WhenLeaseExtendedAsync(harness, item);
            Assert.True(flaky.Failed == 2, $"the store failed {flaky.Failed} times, not twice");
            Assert.True(renewedUntil > item.Lease!.ExpiresAt, "the lease was not renewed after the store's failures");
        }
    }

    [Fact]
    public async Task The_fence_gives_a_held_lease_its_full_duration_and_refuses_once_another_worker_has_the_item()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var claim = new WorkClaimSettings("owner-a", 10, Lease);
        var fence = new LeaseFence(harness.Store, claim);
        var item = await ClaimAsync(harness, "owner-a");

        harness.Clock.Advance(Duration.FromSeconds(20));
        await fence.ConfirmAsync(item, default);
        var held = await harness.Store.WorkItems.FindAsync(item.Key, default);
        Assert.Equal(harness.Clock.GetCurrentInstant() + Lease, held!.Lease!.ExpiresAt);

        // The lease runs out (a stalled process), and another instance claims the item.
        harness.Clock.Advance(Lease + Duration.FromSeconds(1));
        var taken = await harness.Store.WorkItems.ClaimAsync(new WorkClaimRequest("owner-b", 10, Lease), default);
        Assert.Equal(item.Key, Assert.Single(taken).Key);

        await Assert.ThrowsAsync<WorkLeaseLostException>(() => fence.ConfirmAsync(item, default));
    }

    private static async Task<WorkItem> ClaimAsync(ConnectorHarness harness, string owner)
    {
        await harness.Store.WorkItems.EnqueueAsync(new NewWorkItem("test:lease", "test.kind", WorkLane.Orders, ""), default);
        return Assert.Single(await harness.Store.WorkItems.ClaimAsync(new WorkClaimRequest(owner, 10, Lease), default));
    }

    /// <summary>The stored lease's end once it is later than the claim's; the renewal ticks on real time, so wait for it.</summary>
    private static async Task<Instant> WhenLeaseExtendedAsync(ConnectorHarness harness, WorkItem item)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var stored = await harness.Store.WorkItems.FindAsync(item.Key, default);
            if (stored?.Lease?.ExpiresAt > item.Lease!.ExpiresAt || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return stored!.Lease!.ExpiresAt;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The store's work items, whose first renewals fail as a database does while it restarts.</summary>
    private sealed class FailingRenewals(IWorkItems inner, int failures) : IWorkItems
    {
        private int _calls;

        public int Failed => Math.Min(Volatile.Read(ref _calls), failures);

        public Task<WorkLease> RenewAsync(WorkLease lease, Duration duration, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures
                ? throw new InvalidOperationException("The database is restarting.")
                : inner.RenewAsync(lease, duration, cancellationToken);

        public Task<bool> EnqueueAsync(NewWorkItem item, CancellationToken cancellationToken) => inner.EnqueueAsync(item, cancellationToken);

        public Task<IReadOnlySet<string>> EnqueueManyAsync(IReadOnlyCollection<NewWorkItem> items, CancellationToken cancellationToken) =>
            inner.EnqueueManyAsync(items, cancellationToken);

        public Task<WorkItem?> FindAsync(string key, CancellationToken cancellationToken) => inner.FindAsync(key, cancellationToken);

        public Task<IReadOnlyList<WorkItem>> ClaimAsync(WorkClaimRequest request, CancellationToken cancellationToken) =>
            inner.ClaimAsync(request, cancellationToken);

        public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken) => inner.CompleteAsync(lease, cancellationToken);

        public Task FailAsync(WorkLease lease, string failure, Instant retryAt, CancellationToken cancellationToken) =>
            inner.FailAsync(lease, failure, retryAt, cancellationToken);

        public Task ParkAsync(WorkLease lease, string reason, CancellationToken cancellationToken) => inner.ParkAsync(lease, reason, cancellationToken);

        public Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) => inner.ReleaseAsync(lease, cancellationToken);

        public Task<int> PruneCompletedAsync(string keyPrefix, Instant completedBefore, int maxCount, CancellationToken cancellationToken) =>
            inner.PruneCompletedAsync(keyPrefix, completedBefore, maxCount, cancellationToken);

        public Task<IReadOnlyDictionary<string, int>> CountPendingByLaneAsync(CancellationToken cancellationToken) =>
            inner.CountPendingByLaneAsync(cancellationToken);

        public Task<IReadOnlyList<WorkItem>> ListAsync(WorkItemFilter filter, CancellationToken cancellationToken) => inner.ListAsync(filter, cancellationToken);
    }
}
