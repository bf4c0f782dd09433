using Connectors.Sync.State;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    public static TheoryData<decimal> ExactDecimals => new()
    {
        0.1m, 1.50m, -0.0001m, 12345678901234567890.123456789m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m,
    };

    [Theory]
    [MemberData(nameof(ExactDecimals))]
    public async Task Ledger_quantities_come_back_exactly_with_their_scale(decimal quantity)
    {
        await using var store = await OpenAsync();
        var key = new LedgerKey("SW-1", "12");

        await store.Ledger.SetAsync(key, new Dictionary<string, decimal> { ["total"] = quantity }, 0, None);

        var back = (await store.Ledger.GetAsync(key, None))?["total"];
        Assert.Equal(quantity, back);
        Assert.Equal(quantity.Scale, back?.Scale);
    }

    [Fact]
    public async Task Ledger_rows_are_versioned_and_a_stale_write_is_refused()
    {
        await using var store = await OpenAsync();
        var key = LedgerKey.ForSku("SW-1");

        var created = await store.Ledger.SetAsync(key, new Dictionary<string, decimal> { ["lastWritten"] = 5 }, 0, None);
        Clock.AdvanceSeconds(1);
        var updated = await store.Ledger.SetAsync(key, new Dictionary<string, decimal> { ["lastWritten"] = 4, ["contribution"] = 2 }, created.Version, None);

        Assert.Equal((1L, 2L), (created.Version, updated.Version));
        var conflict = await Assert.ThrowsAsync<LedgerConflictException>(
            () => store.Ledger.SetAsync(key, new Dictionary<string, decimal> { ["lastWritten"] = 9 }, created.Version, None));
        Assert.Equal((key, 1L), (conflict.Key, conflict.ExpectedVersion));
        await Assert.ThrowsAsync<LedgerConflictException>(
            () => store.Ledger.SetAsync(key, new Dictionary<string, decimal> { ["lastWritten"] = 9 }, 0, None));

        var stored = await store.Ledger.GetAsync(key, None);
        Assert.Equal(new Dictionary<string, decimal> { ["lastWritten"] = 4, ["contribution"] = 2 }, stored?.Quantities);
        Assert.Equal((2L, Clock.GetCurrentInstant()), (stored?.Version, stored?.UpdatedAt));
        Assert.Null(stored?["missing"]);
    }

    [Fact]
    public async Task Ledger_lists_the_rows_of_one_sku_by_location()
    {
        await using var store = await OpenAsync();
        await store.Ledger.SetAsync(new LedgerKey("SW-1", "7"), new Dictionary<string, decimal> { ["total"] = 3 }, 0, None);
        await store.Ledger.SetAsync(LedgerKey.ForSku("SW-1"), new Dictionary<string, decimal> { ["lastWritten"] = 3 }, 0, None);
        await store.Ledger.SetAsync(new LedgerKey("SW-1", "12"), new Dictionary<string, decimal> { ["total"] = 1 }, 0, None);
        await store.Ledger.SetAsync(new LedgerKey("SW-2", "7"), new Dictionary<string, decimal> { ["total"] = 8 }, 0, None);

        var rows = await store.Ledger.GetSkusAsync(["SW-1"], None);

        Assert.Equal(["*", "12", "7"], rows.Select(r => r.Key.Location));
    }

    [Fact]
    public async Task A_source_fact_is_marked_applied_once()
    {
        await using var store = await OpenAsync();

        Assert.False(await store.Ledger.IsAppliedAsync("sitoo:acme:1:wtx:4711", None));
        Assert.True(await store.Ledger.TryMarkAppliedAsync("sitoo:acme:1:wtx:4711", None));
        Assert.False(await store.Ledger.TryMarkAppliedAsync("sitoo:acme:1:wtx:4711", None));
        Assert.True(await store.Ledger.IsAppliedAsync("sitoo:acme:1:wtx:4711", None));
    }
}

public abstract partial class StoreContract
{
    [Fact]
    public async Task Ledger_pages_through_every_row_in_ordinal_key_order()
    {
        await using var store = await OpenAsync();
        LedgerKey[] keys = [new("SW-10", "*"), new("SW-2", "7"), new("SW-1", "12"), new("SW-1", "*"), new("sw-1", "3"), new("SW-2", "*")];
        foreach (var key in keys)
        {
            await store.Ledger.SetAsync(key, new Dictionary<string, decimal> { ["total"] = 1 }, 0, None);
        }

        var seen = new List<LedgerKey>();
        LedgerKey? after = null;
        while (true)
        {
            var page = await store.Ledger.ListAsync(after, 4, None);
            seen.AddRange(page.Select(e => e.Key));
            if (page.Count < 4)
            {
                break;
            }

            after = page[^1].Key;
        }

        var expected = keys.OrderBy(k => k.Sku, StringComparer.Ordinal).ThenBy(k => k.Location, StringComparer.Ordinal);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_snapshot_keeps_its_latest_version()
    {
        await using var store = await OpenAsync();
        Assert.Null(await store.Snapshots.LoadAsync("drift-report", None));

        await store.Snapshots.SaveAsync("drift-report", """{"v":1}""", None);
        Clock.AdvanceSeconds(5);
        await store.Snapshots.SaveAsync("drift-report", """{"v":2}""", None);

        var latest = await store.Snapshots.LoadAsync("drift-report", None);
        Assert.Equal(("""{"v":2}""", Clock.GetCurrentInstant()), (latest?.Body, latest?.SavedAt));
    }
}
