using System.Globalization;
using Connectors.Sync.State;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_batch_of_marks_says_which_facts_are_new_across_several_statements()
    {
        await using var store = await OpenAsync();
        Assert.True(await store.Ledger.TryMarkAppliedAsync("wtx:5", None));
        var keys = Enumerable.Range(0, 1_200).Select(i => "wtx:" + i.ToString(CultureInfo.InvariantCulture)).ToList();

        // More keys than one statement takes, one of them marked before and one given twice.
        var fresh = await store.Ledger.MarkAppliedAsync([.. keys, "wtx:7"], None);

        Assert.Equal(1_199, fresh.Count);
        Assert.DoesNotContain("wtx:5", fresh);
        Assert.Contains("wtx:1199", fresh);
        Assert.True(await store.Ledger.IsAppliedAsync("wtx:1199", None));
        Assert.Empty(await store.Ledger.MarkAppliedAsync(keys, None));
        Assert.Empty(await store.Ledger.MarkAppliedAsync([], None));
    }

    [Fact]
    public async Task Marks_of_a_unit_of_work_that_is_not_committed_are_not_kept()
    {
        await using var store = await OpenAsync();
        await using (var unit = await store.BeginUnitOfWorkAsync(None))
        {
            Assert.Equal(2, (await unit.Ledger.MarkAppliedAsync(["wtx:1", "wtx:2"], None)).Count);
        }

        Assert.Equal(["wtx:1", "wtx:2"], (await store.Ledger.MarkAppliedAsync(["wtx:1", "wtx:2"], None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batch_of_deliveries_is_settled_across_several_statements_and_only_those()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 600; i++)
        {
            await store.Inbox.StoreAsync(Delivery("evt-" + i.ToString(CultureInfo.InvariantCulture)), None);
        }

        await store.Inbox.StoreAsync(Delivery("evt-0", source: "shopware"), None);
        var settled = Enumerable.Range(0, 550).Select(i => new InboxKey("sitoo", "evt-" + i.ToString(CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(550, await store.Inbox.MarkProcessedAsync([.. settled, new InboxKey("sitoo", "unknown"), settled[0]], None));

        var left = await store.Inbox.ListUnprocessedAsync(1_000, None);
        Assert.Equal(51, left.Count);
        Assert.Contains(left, m => m.Source == "shopware" && m.EventId == "evt-0");
        Assert.Equal(0, await store.Inbox.MarkProcessedAsync([], None));
    }

    [Fact]
    public async Task The_rows_of_many_skus_are_read_in_sku_and_location_order()
    {
        await using var store = await OpenAsync();
        var skus = Enumerable.Range(0, 700).Select(i => "SW-" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        foreach (var sku in skus)
        {
            await store.Ledger.SetAsync(new LedgerKey(sku, "7"), new Dictionary<string, decimal> { ["total"] = 1 }, 0, None);
            await store.Ledger.SetAsync(new LedgerKey(sku, "12"), new Dictionary<string, decimal> { ["total"] = 2 }, 0, None);
        }

        // Asked in reverse, with a repeat and an unknown SKU, across more SKUs than one statement takes.
        var rows = await store.Ledger.GetSkusAsync([.. Enumerable.Reverse(skus), skus[3], "SW-unknown"], None);

        Assert.Equal(1_400, rows.Count);
        Assert.Equal(skus.SelectMany(sku => new[] { (sku, "12"), (sku, "7") }), rows.Select(r => (r.Key.Sku, r.Key.Location)));
    }
}
