using Connectors.Sync.Engine;
using Connectors.Sync.Sqlite;
using Connectors.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Hosting.Tests;

public sealed class ConnectorHealthCheckTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));
    private readonly string _folder = Directory.CreateTempSubdirectory("connectors-health-").FullName;
    private SqliteConnectorStore _store = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteConnectorStore.OpenAsync(Path.Combine(_folder, "state.db"), _clock, CancellationToken.None);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConnectorStore>(_store);
        services.AddSingleton<IClock>(_clock);
        services.AddSingleton(new EngineTelemetry());
        services.AddHealthChecks().AddConnectorHealthCheck(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connectors:Hosting:Health:PollStalledAfter"] = "00:05:00",
            ["Connectors:Hosting:Health:QueueStalledAfter"] = "00:10:00",
        }).Build());
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Polls_that_keep_succeeding_are_healthy()
    {
        await PollAsync("sitoo.warehouse-transactions", RunOutcome.Succeeded);
        _clock.Advance(Duration.FromMinutes(4));

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task A_source_without_a_successful_poll_for_too_long_is_unhealthy()
    {
        await PollAsync("sitoo.warehouse-transactions", RunOutcome.Succeeded);
        await PollAsync("shopware.orders", RunOutcome.Succeeded);
        for (var i = 0; i < 6; i++)
        {
            _clock.Advance(Duration.FromMinutes(1));
            await PollAsync("sitoo.warehouse-transactions", RunOutcome.Succeeded);
            await PollAsync("shopware.orders", RunOutcome.Failed);
        }

        var report = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("shopware.orders", report.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("sitoo.warehouse-transactions", report.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_work_waiting_too_long_is_degraded()
    {
        await PollAsync("sitoo.warehouse-transactions", RunOutcome.Succeeded);
        await _store.WorkItems.EnqueueAsync(new NewWorkItem("order:1", "order.export", WorkLane.Orders, "1"), CancellationToken.None);
        _clock.Advance(Duration.FromMinutes(11));
        await PollAsync("sitoo.warehouse-transactions", RunOutcome.Succeeded);

        var report = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("1 work item", report.Description, StringComparison.Ordinal);
    }

    private async Task PollAsync(string pipeline, RunOutcome outcome)
    {
        var run = await _store.Runs.StartAsync(pipeline, CancellationToken.None);
        await _store.Runs.FinishAsync(run.Id, outcome, new Dictionary<string, long>(), outcome == RunOutcome.Failed ? "503" : null, CancellationToken.None);
    }

    private async Task<HealthReportEntry> CheckAsync()
    {
        var report = await _services.GetRequiredService<HealthCheckService>().CheckHealthAsync(CancellationToken.None);
        return report.Entries["connector"];
    }
}
