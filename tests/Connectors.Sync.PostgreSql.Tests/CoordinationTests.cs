using System.Collections.Concurrent;
using Connectors.Sync.State;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.PostgreSql.Tests;

/// <summary>Several store instances ("workers") sharing one schema, the way several processes share one database.</summary>
public sealed class CoordinationTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestSchemas _schemas = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schemas.DisposeAsync();

    [Fact]
    public async Task Four_instances_claiming_at_once_never_share_an_item_and_finish_every_item_once()
    {
        var schema = _schemas.SchemaFor("shared");
        await using (var seed = await TestServer.OpenAsync(schema, _clock))
        {
            for (var i = 0; i < 120; i++)
            {
                // A third of the items share ordering keys: those of one key must never be held at once.
                var orderingKey = i % 3 == 0 ? $"sku:{i % 4}" : null;
                await seed.WorkItems.EnqueueAsync(
                    new NewWorkItem($"wtx:{i}", "stock.apply", WorkLane.Stock, "{}", OrderingKey: orderingKey), None);
            }
        }

        var claims = new ConcurrentBag<WorkItem>();
        var heldKeys = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var orderingViolations = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            await using var store = await TestServer.OpenAsync(schema, _clock);
            while (true)
            {
                var batch = await store.WorkItems.ClaimAsync(new WorkClaimRequest($"worker-{worker}", 5, Duration.FromMinutes(5)), None);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var item in batch)
                {
                    claims.Add(item);
                    if (item.OrderingKey is { } key && !heldKeys.TryAdd(key, item.Key))
                    {
                        Interlocked.Increment(ref orderingViolations);
                    }
                }

                foreach (var item in batch)
                {
                    if (item.OrderingKey is { } key)
                    {
                        heldKeys.TryRemove(key, out _);
                    }

                    await store.WorkItems.CompleteAsync(item.Lease!, None);
                }
            }
        })));

        Assert.Equal(120, claims.Count);
        Assert.Equal(120, claims.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(claims, c => Assert.Equal(1, c.Attempts));
        Assert.Equal(0, orderingViolations);
        await using var check = await TestServer.OpenAsync(schema, _clock);
        Assert.Empty(await check.WorkItems.CountPendingByLaneAsync(None));
    }

    [Fact]
    public async Task Items_of_one_ordering_key_are_finished_in_enqueue_order_across_instances()
    {
        var schema = _schemas.SchemaFor("ordered");
        await using var first = await TestServer.OpenAsync(schema, _clock);
        await using var second = await TestServer.OpenAsync(schema, _clock);
        for (var i = 0; i < 10; i++)
        {
            await first.WorkItems.EnqueueAsync(new NewWorkItem($"wtx:{i}", "stock.apply", WorkLane.Stock, "{}", OrderingKey: "sku:SW-1"), None);
        }

        var finished = new List<string>();
        var workers = new[] { first, second };
        for (var round = 0; finished.Count < 10; round++)
        {
            var store = workers[round % 2];
            var other = workers[(round + 1) % 2];
            var item = Assert.Single(await store.WorkItems.ClaimAsync(new WorkClaimRequest("w", 10, Duration.FromMinutes(1)), None));
            Assert.Empty(await other.WorkItems.ClaimAsync(new WorkClaimRequest("other", 10, Duration.FromMinutes(1)), None));
            await store.WorkItems.CompleteAsync(item.Lease!, None);
            finished.Add(item.Key);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"wtx:{i}"), finished);
    }

    [Fact]
    public async Task A_killed_instance_leaves_nothing_half_done_and_another_takes_its_work_over_when_its_leases_expire()
    {
        var schema = _schemas.SchemaFor("killed");
        var doomedName = $"doomed-{Guid.NewGuid():N}";
        await using var survivor = await TestServer.OpenAsync(schema, _clock);
        for (var i = 0; i < 6; i++)
        {
            await survivor.WorkItems.EnqueueAsync(new NewWorkItem($"wtx:{i}", "stock.apply", WorkLane.Stock, "{}"), None);
        }

        var doomed = await TestServer.OpenAsync(schema, _clock, doomedName);
        var taken = await doomed.WorkItems.ClaimAsync(new WorkClaimRequest("doomed", 4, Duration.FromSeconds(30)), None);
        Assert.Equal(4, taken.Count);

        // Mid-work: one item's effects are written in a unit of work that never commits.
        var unit = await doomed.BeginUnitOfWorkAsync(None);
        await unit.Ledger.TryMarkAppliedAsync(taken[0].Key, None);
        await unit.Cursors.AdvanceAsync("sitoo:wtx", CursorPosition.FromNumber(1), None);
        await unit.WorkItems.CompleteAsync(taken[0].Lease!, None);

        // Hard stop: the server sees the process's sessions vanish.
        Assert.True(await TestServer.TerminateSessionsAsync(doomedName) >= 1);

        var early = await survivor.WorkItems.ClaimAsync(new WorkClaimRequest("survivor", 10, Duration.FromMinutes(5)), None);
        Assert.Equal(["wtx:4", "wtx:5"], early.Select(i => i.Key).Order(StringComparer.Ordinal));
        _clock.AdvanceSeconds(31);
        var takenOver = await survivor.WorkItems.ClaimAsync(new WorkClaimRequest("survivor", 10, Duration.FromSeconds(30)), None);
        Assert.Equal(taken.Select(i => i.Key), takenOver.Select(i => i.Key));
        Assert.All(takenOver, item => Assert.Equal(2, item.Attempts));
        Assert.False(await survivor.Ledger.IsAppliedAsync(taken[0].Key, None));
        Assert.Null(await survivor.Cursors.GetAsync("sitoo:wtx", None));

        foreach (var item in early.Concat(takenOver))
        {
            await using var work = await survivor.BeginUnitOfWorkAsync(None);
            Assert.True(await work.Ledger.TryMarkAppliedAsync(item.Key, None));
            await work.WorkItems.CompleteAsync(item.Lease!, None);
            await work.CommitAsync(None);
        }

        // The killed instance, were it still running somewhere, could not settle what it lost.
        await Assert.ThrowsAsync<PostgreSqlStoreTransientException>(() => unit.CommitAsync(None));
        await unit.DisposeAsync();
        await Assert.ThrowsAsync<WorkLeaseLostException>(() => doomed.WorkItems.CompleteAsync(taken[1].Lease!, None));
        await doomed.DisposeAsync();

        Assert.Empty(await survivor.WorkItems.CountPendingByLaneAsync(None));
        for (var i = 0; i < 6; i++)
        {
            Assert.True(await survivor.Ledger.IsAppliedAsync($"wtx:{i}", None));
        }
    }

    [Fact]
    public async Task A_cursor_advanced_by_several_instances_at_once_ends_at_the_highest_position()
    {
        var schema = _schemas.SchemaFor("cursor");
        await using var seed = await TestServer.OpenAsync(schema, _clock);

        var moved = await Task.WhenAll(Enumerable.Range(1, 8).Select(position => Task.Run(async () =>
        {
            await using var instance = await TestServer.OpenAsync(schema, _clock);
            return (Position: position, Moved: await instance.Cursors.AdvanceAsync("sitoo:wtx", CursorPosition.FromNumber(position), None));
        })));

        Assert.Equal(8, (await seed.Cursors.GetAsync("sitoo:wtx", None))?.Position.Number);
        Assert.Contains(moved, m => m is { Position: 8, Moved: true });
        Assert.False(await seed.Cursors.AdvanceAsync("sitoo:wtx", CursorPosition.FromNumber(7), None));
    }

    [Fact]
    public async Task Instances_starting_together_on_a_new_schema_apply_each_migration_once()
    {
        var schema = _schemas.SchemaFor("fresh");

        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => TestServer.OpenAsync(schema, _clock))));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        var applied = await TestServer.AdminAsync(
            $"SELECT count(*) FROM {schema}.schema_migrations;", async command => (long)(await command.ExecuteScalarAsync())!);
        Assert.Equal(PostgreSqlConnectorStore.SchemaVersion, applied);
    }

    [Fact]
    public async Task Stores_on_different_schemas_of_one_database_do_not_see_each_other()
    {
        await using var tenantA = await TestServer.OpenAsync(_schemas.SchemaFor("tenant-a"), _clock);
        await using var tenantB = await TestServer.OpenAsync(_schemas.SchemaFor("tenant-b"), _clock);

        await tenantA.WorkItems.EnqueueAsync(new NewWorkItem("wtx:1", "stock.apply", WorkLane.Stock, "{}"), None);

        Assert.True(await tenantB.WorkItems.EnqueueAsync(new NewWorkItem("wtx:1", "stock.apply", WorkLane.Stock, "{}"), None));
        Assert.Single(await tenantA.WorkItems.ClaimAsync(new WorkClaimRequest("a", 10, Duration.FromSeconds(30)), None));
        Assert.Single(await tenantB.WorkItems.ClaimAsync(new WorkClaimRequest("b", 10, Duration.FromSeconds(30)), None));
    }
}
