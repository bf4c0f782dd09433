using Connectors.SampleWorker.Demo;
using Connectors.Sync;
using Connectors.Sync.PostgreSql;
using Connectors.Sync.Preflight;
using Connectors.Sync.Sqlite;
using Microsoft.Extensions.Options;

namespace Connectors.SampleWorker;

/// <summary>
/// <c>--check</c>: builds the connector as a normal start does (the real systems when configured, otherwise the demo's
/// simulators with the demo's webhooks registered), runs the preflight, prints its report and exits 1 when something
/// blocks go-live. The engine, the receivers and the demo traffic are not started.
/// </summary>
internal static class PreflightRun
{
    public static async Task<int> RunAsync(SampleCommandLine commandLine, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = commandLine.HostArgs, ContentRootPath = AppContext.BaseDirectory });
        // The report is the output: it names every failure, which the host's and the HTTP clients' logs would repeat with stack traces.
        builder.Logging.ClearProviders();
        var realSystems = builder.Configuration["Connectors:Shopware:BaseAddress"] is { Length: > 0 };
        await using var world = realSystems ? null : await DemoWorld.StartAsync(commandLine.DataFolder, cancellationToken);
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

        using var host = builder.Build();
        try
        {
            // Starting the host validates every option; no hosted service is registered, so nothing else starts.
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (Invalid(ex) is { Count: > 0 } failures)
        {
            Console.WriteLine($"Connector preflight against {Describe(world)}: the configuration is invalid, so nothing was checked.");
            foreach (var failure in failures)
            {
                Console.WriteLine($"[BLOCKING] Configuration: {failure}");
            }

            return 1;
        }

        Console.WriteLine($"Connector preflight against {Describe(world)}");
        var report = await host.Services.GetRequiredService<ConnectorPreflight>().RunAsync(cancellationToken);
        Console.Write(PreflightReportText.Render(report));
        await host.StopAsync(cancellationToken);
        return report.IsBlocked ? 1 : 0;
    }

    // The host reports several invalid option types as one AggregateException.
    private static List<string> Invalid(Exception ex) => ex switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException many => [.. many.InnerExceptions.SelectMany(Invalid).Distinct(StringComparer.Ordinal)],
        _ => [],
    };

    private static string Describe(DemoWorld? world) => world is null ? "the configured systems" : "the demo's simulated Shopware and Sitoo";
}
