using Connectors.SampleWorker.Demo;
using Connectors.Sync.Preflight;
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
        var (builder, world) = await OneOffHost.CreateAsync(commandLine, cancellationToken);
        await using var disposeWorld = world;
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
