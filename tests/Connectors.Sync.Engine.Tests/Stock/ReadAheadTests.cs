using Connectors.Sync.Stock;

namespace Connectors.Sync.Engine.Tests.Stock;

public sealed class ReadAheadTests
{
    [Fact]
    public async Task A_read_is_taken_once_and_only_at_the_cursor_it_started_from()
    {
        var ahead = new ReadAhead<string>(_ => true);
        Assert.Null(await ahead.TakeAsync(5));

        ahead.Start(5, _ => Task.FromResult("from 5"), default);
        Assert.Equal("from 5", await ahead.TakeAsync(5));
        Assert.Null(await ahead.TakeAsync(5));

        ahead.Start(5, _ => Task.FromResult("from 5"), default);
        Assert.Null(await ahead.TakeAsync(6));
        Assert.Null(await ahead.TakeAsync(5));
    }

    [Fact]
    public async Task A_read_not_worth_keeping_a_failed_one_and_one_started_over_are_not_taken()
    {
        var ahead = new ReadAhead<string>(read => read != "short");
        ahead.Start(1, _ => Task.FromResult("short"), default);
        Assert.Null(await ahead.TakeAsync(1));

        ahead.Start(1, _ => Task.FromException<string>(new HttpRequestException("Sitoo is down")), default);
        Assert.Null(await ahead.TakeAsync(1));

        var first = new TaskCompletionSource<string>();
        ahead.Start(1, _ => first.Task, default);
        ahead.Start(2, _ => Task.FromResult("from 2"), default);
        first.SetException(new HttpRequestException("dropped, and nobody waits for it"));
        Assert.Null(await ahead.TakeAsync(1));
        ahead.Start(2, _ => Task.FromResult("from 2"), default);
        Assert.Equal("from 2", await ahead.TakeAsync(2));
    }
}
