using Connectors.Sync.State;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    [Theory]
    [InlineData(new long[] { 5, 3, 9, 9, 1 }, 9)]
    [InlineData(new long[] { -1, 0, 1 }, 1)]
    [InlineData(new long[] { 100 }, 100)]
    public async Task Numeric_cursor_only_moves_forward(long[] positions, long expected)
    {
        await using var store = await OpenAsync();
        long? highest = null;
        foreach (var position in positions)
        {
            var moved = await store.Cursors.AdvanceAsync("sitoo:wtx", CursorPosition.FromNumber(position), None);
            Assert.Equal(highest is null || position > highest, moved);
            highest = Math.Max(highest ?? long.MinValue, position);
        }

        var cursor = await store.Cursors.GetAsync("sitoo:wtx", None);
        Assert.Equal(expected, cursor?.Position.Number);
    }

    [Fact]
    public async Task Text_cursor_moves_forward_by_ordinal_order_and_records_when()
    {
        await using var store = await OpenAsync();
        var name = "shopware:order:updatedAt";

        Assert.True(await store.Cursors.AdvanceAsync(name, CursorPosition.FromText("2026-11-26T09:00:00.000Z"), None));
        var movedAt = Clock.GetCurrentInstant();
        Clock.AdvanceMinutes(1);
        Assert.False(await store.Cursors.AdvanceAsync(name, CursorPosition.FromText("2026-11-25T23:59:59.999Z"), None));

        var cursor = await store.Cursors.GetAsync(name, None);
        Assert.Equal(CursorPosition.FromText("2026-11-26T09:00:00.000Z"), cursor?.Position);
        Assert.Equal(movedAt, cursor?.UpdatedAt);
        Assert.Null(await store.Cursors.GetAsync("never-set", None));
    }

    [Fact]
    public async Task Cursor_refuses_a_position_of_the_other_kind()
    {
        await using var store = await OpenAsync();
        await store.Cursors.AdvanceAsync("c", CursorPosition.FromNumber(10), None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Cursors.AdvanceAsync("c", CursorPosition.FromText("11"), None));
        Assert.Equal(10, (await store.Cursors.GetAsync("c", None))?.Position.Number);
    }
}
