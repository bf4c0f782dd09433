using System.Globalization;
using Connectors.Sync.State;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    private static Dictionary<string, decimal> Total(decimal total) => new(StringComparer.Ordinal) { ["total"] = total };

    private static string Numbered(string prefix, int i) => prefix + i.ToString("D4", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_batch_of_ledger_writes_inserts_and_updates_across_several_statements()
    {
        await using var store = await OpenAsync();
        var existing = await store.Ledger.SetManyAsync([.. Enumerable.Range(0, 600).Select(i => new LedgerWrite(new LedgerKey(Numbered("SW-", i), "7"), Total(i), 0))], None);
        Assert.All(existing, entry => Assert.Equal(1, entry.Version));

        // More rows than one statement takes: the 600 stored ones updated at their versions, 600 new ones inserted.
        List<LedgerWrite> writes =
        [
            .. existing.Select(entry => new LedgerWrite(entry.Key, Total(entry["total"]!.Value + 0.5m), entry.Version)),
            .. Enumerable.Range(0, 600).Select(i => new LedgerWrite(new LedgerKey(Numbered("SW-", i), "12"), Total(-i), 0)),
        ];
        var written = await store.Ledger.SetManyAsync(writes, None);

        Assert.Equal(writes.Select(w => (w.Key, w.ExpectedVersion + 1)), written.Select(e => (e.Key, e.Version)));
        var stored = await store.Ledger.ListAsync(null, 2_000, None);
        Assert.Equal(1_200, stored.Count);
        Assert.Equal(2, (await store.Ledger.GetAsync(new LedgerKey("SW-0599", "7"), None))!.Version);
        Assert.Equal(599.5m, (await store.Ledger.GetAsync(new LedgerKey("SW-0599", "7"), None))!["total"]);
        Assert.Equal(-599m, (await store.Ledger.GetAsync(new LedgerKey("SW-0599", "12"), None))!["total"]);
        Assert.Empty(await store.Ledger.SetManyAsync([], None));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(700)]
    public async Task A_conflict_inside_a_batch_names_the_first_refused_row_and_keeps_none_of_the_batch(int position)
    {
        await using var store = await OpenAsync();
        var stale = await store.Ledger.SetManyAsync([.. Enumerable.Range(0, 800).Select(i => new LedgerWrite(new LedgerKey(Numbered("SW-", i), "7"), Total(1), 0))], None);
        var changed = stale[position].Key;
        await store.Ledger.SetAsync(changed, Total(2), 1, None);
        var taken = new LedgerKey("SW-taken", "7");
        await store.Ledger.SetAsync(taken, Total(2), 0, None);

        // Every row read at version 1, one of them changed since; and a "new" row someone else inserted, after it.
        List<LedgerWrite> writes = [.. stale.Select(entry => new LedgerWrite(entry.Key, Total(9), 1)), new LedgerWrite(taken, Total(9), 0)];
        var conflict = await Assert.ThrowsAsync<LedgerConflictException>(() => store.Ledger.SetManyAsync(writes, None));

        Assert.Equal(changed, conflict.Key);
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.All(await store.Ledger.ListAsync(null, 1_000, None), entry => Assert.NotEqual(9, entry["total"]));

        var insertConflict = await Assert.ThrowsAsync<LedgerConflictException>(
            () => store.Ledger.SetManyAsync([new LedgerWrite(new LedgerKey("SW-new", "7"), Total(1), 0), new LedgerWrite(taken, Total(9), 0)], None));
        Assert.Equal(taken, insertConflict.Key);
        Assert.Equal(0, insertConflict.ExpectedVersion);
        Assert.Null(await store.Ledger.GetAsync(new LedgerKey("SW-new", "7"), None));
    }

    [Fact]
    public async Task A_batch_write_of_a_row_that_is_not_stored_at_a_version_is_a_conflict_not_an_insert()
    {
        await using var store = await OpenAsync();
        var absent = new LedgerKey("SW-absent", "7");

        var conflict = await Assert.ThrowsAsync<LedgerConflictException>(() => store.Ledger.SetManyAsync([new LedgerWrite(absent, Total(1), 4)], None));

        Assert.Equal(absent, conflict.Key);
        Assert.Null(await store.Ledger.GetAsync(absent, None));
    }

    [Fact]
    public async Task A_batch_naming_a_row_twice_is_refused()
    {
        await using var store = await OpenAsync();
        var key = LedgerKey.ForSku("SW-1");

        await Assert.ThrowsAsync<ArgumentException>(() => store.Ledger.SetManyAsync([new LedgerWrite(key, Total(1), 0), new LedgerWrite(key, Total(2), 1)], None));
        Assert.Null(await store.Ledger.GetAsync(key, None));
    }

    /// <summary>One write of a generated batch: which of six rows, at which of the versions a writer might have read, what value.</summary>
    private sealed record GeneratedWrite(int Row, int VersionOffset, int Total);

    private static readonly Gen<GeneratedWrite[]> GeneratedBatch =
        (from row in Gen.Choose(0, 5)
         from offset in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(-1, 1)))
         from total in Gen.Choose(-50, 50)
         select new GeneratedWrite(row, offset, total)).ArrayOf().Select(writes => writes.DistinctBy(w => w.Row).ToArray());

    [Property(MaxTest = 30)]
    public Property A_batch_of_ledger_writes_leaves_the_state_one_by_one_writes_leave() =>
        Prop.ForAll(
            GeneratedBatch.ArrayOf().Select(batches => batches.Take(5).ToArray()).ToArbitrary(),
            batches => Task.Run(() => SameFinalStateAsync(batches)).GetAwaiter().GetResult()); // properties run synchronously

    /// <summary>
    /// Runs the batches on two stores, one as batches and one write by write in a unit of work per batch, and on a model
    /// of the optimistic check: each batch must fail with the same conflict (if any) and leave the same rows and versions.
    /// </summary>
    private async Task<bool> SameFinalStateAsync(GeneratedWrite[][] batches)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        var id = Guid.NewGuid().ToString("N");
        await using var batched = await OpenAsync($"batched-{id}", clock);
        await using var single = await OpenAsync($"single-{id}", clock);
        var model = new Dictionary<LedgerKey, (long Version, decimal Total)>();
        foreach (var batch in batches)
        {
            // The writers read the rows now; the expected versions are what they read, give or take one (a stale or future read).
            var read = (await batched.Ledger.ListAsync(null, 10, None)).ToDictionary(entry => entry.Key, entry => entry.Version);
            var writes = batch
                .Select(w => (Key: new LedgerKey(Numbered("SW-", w.Row), "7"), w))
                .Select(p => new LedgerWrite(p.Key, Total(p.w.Total), Math.Max(0, read.GetValueOrDefault(p.Key) + p.w.VersionOffset)))
                .ToList();

            LedgerKey? batchConflict = null;
            await using (var unit = await batched.BeginUnitOfWorkAsync(None))
            {
                try
                {
                    await unit.Ledger.SetManyAsync(writes, None);
                    await unit.CommitAsync(None);
                }
                catch (LedgerConflictException conflict)
                {
                    batchConflict = conflict.Key;
                }
            }

            LedgerKey? singleConflict = null;
            await using (var unit = await single.BeginUnitOfWorkAsync(None))
            {
                try
                {
                    foreach (var write in writes)
                    {
                        await unit.Ledger.SetAsync(write.Key, write.Quantities, write.ExpectedVersion, None);
                    }

                    await unit.CommitAsync(None);
                }
                catch (LedgerConflictException conflict)
                {
                    singleConflict = conflict.Key;
                }
            }

            // The model: the first write whose expected version is not the stored one (0 when absent) refuses the whole batch.
            var modelConflict = writes.FirstOrDefault(w => w.ExpectedVersion != (model.TryGetValue(w.Key, out var row) ? row.Version : 0))?.Key;
            if (modelConflict is null)
            {
                foreach (var write in writes)
                {
                    model[write.Key] = (write.ExpectedVersion + 1, write.Quantities["total"]);
                }
            }

            var expected = model.OrderBy(pair => pair.Key.Sku, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value.Version, (decimal?)pair.Value.Total));
            var left = await batched.Ledger.ListAsync(null, 10, None);
            var right = await single.Ledger.ListAsync(null, 10, None);
            if (batchConflict != modelConflict
                || singleConflict != modelConflict
                || !left.Select(e => (e.Key, e.Version, e["total"])).SequenceEqual(expected)
                || !right.Select(e => (e.Key, e.Version, e["total"])).SequenceEqual(expected))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public async Task A_batch_of_enqueues_adds_each_new_key_once_across_several_statements()
    {
        await using var store = await OpenAsync();
        var done = await ClaimAndCompleteAsync(store, Work("w:0007"));
        Assert.True(await store.WorkItems.EnqueueAsync(Work("w:0005"), None));

        // More items than one statement takes; one key pending, one completed, one given twice (the first one counts).
        var items = Enumerable.Range(0, 1_100).Select(i => Work(Numbered("w:", i))).ToList();
        var added = await store.WorkItems.EnqueueManyAsync([.. items, Work("w:0009", WorkLane.Stock)], None);

        Assert.Equal(1_098, added.Count);
        Assert.DoesNotContain("w:0005", added);
        Assert.DoesNotContain(done, added);
        Assert.Equal(WorkItemState.Completed, (await store.WorkItems.FindAsync(done, None))!.State);
        Assert.Equal(WorkLane.Orders, (await store.WorkItems.FindAsync("w:0009", None))!.Lane);
        Assert.Equal(1_100, (await store.WorkItems.CountPendingByLaneAsync(None))["orders"] + 1);
        Assert.Empty(await store.WorkItems.EnqueueManyAsync(items, None));
        Assert.Empty(await store.WorkItems.EnqueueManyAsync([], None));
    }

    [Fact]
    public async Task Items_of_one_ordering_key_enqueued_in_a_batch_are_claimed_in_batch_order()
    {
        await using var store = await OpenAsync();
        var items = Enumerable.Range(0, 5)
            .Select(i => new NewWorkItem(Numbered("z:", 4 - i), "stock.write", WorkLane.Stock, "", null, "sku:SW-1"))
            .ToList();
        await store.WorkItems.EnqueueManyAsync(items, None);

        var order = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var claimed = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w", maxCount: 10), None));
            order.Add(claimed.Key);
            await store.WorkItems.CompleteAsync(claimed.Lease!, None);
        }

        Assert.Equal(items.Select(item => item.Key), order);
    }

    [Fact]
    public async Task Enqueues_of_a_unit_of_work_that_is_not_committed_are_not_kept()
    {
        await using var store = await OpenAsync();
        await using (var unit = await store.BeginUnitOfWorkAsync(None))
        {
            Assert.Equal(2, (await unit.WorkItems.EnqueueManyAsync([Work("a"), Work("b")], None)).Count);
        }

        Assert.Equal(["a", "b"], (await store.WorkItems.EnqueueManyAsync([Work("a"), Work("b")], None)).Order(StringComparer.Ordinal));
    }

    private static async Task<string> ClaimAndCompleteAsync(IConnectorStore store, NewWorkItem item)
    {
        await store.WorkItems.EnqueueAsync(item, None);
        var claimed = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w"), None));
        await store.WorkItems.CompleteAsync(claimed.Lease!, None);
        return claimed.Key;
    }
}
