using Connectors.SampleWorker.Demo;
using Connectors.Sync;
using Connectors.Sync.PostgreSql;
using Connectors.Sync.Sqlite;

namespace Connectors.SampleWorker;

/// <summary>
/// The host of a one-off command (<c>--check</c>, <c>--preview-product</c>): the connector built as a normal start builds it
/// (the real systems when configured, otherwise the demo's simulators with the demo's webhooks registered), with no engine,
/// receivers or demo traffic.
/// </summary>
internal static class OneOffHost
{
    /// <returns>The builder, and the demo world it points at (dispose it after the host), or null with real systems.</returns>
    public static async Task<(HostApplicationBuilder Builder, DemoWorld? World)> CreateAsync(SampleCommandLine commandLine, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = commandLine.HostArgs, ContentRootPath = AppContext.BaseDirectory });
        // The command's output is the result: it names every failure, which the host's and the HTTP clients' logs would repeat with stack traces.
        builder.Logging.ClearProviders();
        var realSystems = builder.Configuration["Connectors:Shopware:BaseAddress"] is { Length: > 0 };
        var world = realSystems ? null : await DemoWorld.StartAsync(commandLine.DataFolder, cancellationToken);
        if (world is not null)
        {
            builder.Configuration.AddInMemoryCollection(world.Configuration());
            // As a demo start registers them: the webhooks point at the receivers the sample would serve.
            world.ConnectWebhooks(new Uri($"http://127.0.0.1:{commandLine.Port}/"), cancellationToken);
        }

        var connector = builder.Services.AddShopwareSitooConnector(builder.Configuration);
        if (builder.Configuration["Connectors:Store:PostgreSql"] is { Length: > 0 } postgres)
        {
            connector.UsePostgreSql(postgres);
        }
        else
        {
            Directory.CreateDirectory(commandLine.DataFolder);
            connector.UseSqlite(world is null ? Path.Combine(commandLine.DataFolder, "connector.db") : DemoWorld.FreshStateFile(commandLine.DataFolder));
        }

        return (builder, world);
    }
}
