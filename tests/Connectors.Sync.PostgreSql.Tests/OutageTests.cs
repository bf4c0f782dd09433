using Connectors.Sync.State;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.PostgreSql.Tests;

/// <summary>Lost connections and unreachable servers: passing failures are reported as such, and survived.</summary>
public sealed class OutageTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestSchemas _schemas = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));
    private readonly string _applicationName = $"outage-{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schemas.DisposeAsync();

    [Fact]
    public async Task After_the_server_ends_every_session_the_store_reports_a_transient_failure_at_most_once_and_then_works()
    {
        await using var store = await TestServer.OpenAsync(_schemas.SchemaFor("main"), _clock, _applicationName);
        await store.WorkItems.EnqueueAsync(new NewWorkItem("wtx:1", "stock.apply", WorkLane.Stock, "{}"), None);

        // Several idle pooled connections, all of them cut.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.WorkItems.FindAsync("wtx:1", None)));
        Assert.True(await TestServer.TerminateSessionsAsync(_applicationName) >= 1);

        var first = await Record.ExceptionAsync(() => store.WorkItems.EnqueueAsync(new NewWorkItem("wtx:2", "stock.apply", WorkLane.Stock, "{}"), None));
        if (first is not null)
        {
            var transient = Assert.IsType<PostgreSqlStoreTransientException>(first);
            Assert.Contains("Retry", transient.Message, StringComparison.Ordinal);
            Assert.True(await store.WorkItems.EnqueueAsync(new NewWorkItem("wtx:2", "stock.apply", WorkLane.Stock, "{}"), None));
        }

        Assert.Equal(2, (await store.WorkItems.CountPendingByLaneAsync(None))["stock"]);
    }

    [Fact]
    public async Task A_unit_of_work_whose_connection_is_cut_commits_nothing_and_says_it_may_be_retried()
    {
        await using var store = await TestServer.OpenAsync(_schemas.SchemaFor("main"), _clock, _applicationName);
        await store.WorkItems.EnqueueAsync(new NewWorkItem("wtx:1", "stock.apply", WorkLane.Stock, "{}"), None);
        var item = Assert.Single(await store.WorkItems.ClaimAsync(new WorkClaimRequest("w1", 1, Duration.FromSeconds(30)), None));

        await using (var unit = await store.BeginUnitOfWorkAsync(None))
        {
            await unit.Ledger.TryMarkAppliedAsync("wtx:1", None);
            Assert.True(await TestServer.TerminateSessionsAsync(_applicationName) >= 1);
            await Assert.ThrowsAsync<PostgreSqlStoreTransientException>(async () =>
            {
                await unit.WorkItems.CompleteAsync(item.Lease!, None);
                await unit.CommitAsync(None);
            });
        }

        // The failure emptied the pool: the retry (same lease, still live) goes through on a fresh connection.
        Assert.False(await store.Ledger.IsAppliedAsync("wtx:1", None));
        await using (var retry = await store.BeginUnitOfWorkAsync(None))
        {
            Assert.True(await retry.Ledger.TryMarkAppliedAsync("wtx:1", None));
            await retry.WorkItems.CompleteAsync(item.Lease!, None);
            await retry.CommitAsync(None);
        }

        Assert.Equal(WorkItemState.Completed, (await store.WorkItems.FindAsync("wtx:1", None))?.State);
    }

    [Fact]
    public async Task Opening_a_store_where_no_server_listens_fails_as_transient()
    {
        var options = new PostgreSqlStoreOptions
        {
            // Port 1 on loopback: nothing listens there, the connection is refused at once.
            ConnectionString = "Host=127.0.0.1;Port=1;Username=connectors;Password=connectors;Database=connectors_test;Timeout=3",
            Schema = "unreachable",
        };

        var failure = await Assert.ThrowsAsync<PostgreSqlStoreTransientException>(() => PostgreSqlConnectorStore.OpenAsync(options, _clock, None));
        Assert.Contains("unreachable", failure.Message, StringComparison.Ordinal);
    }
}
