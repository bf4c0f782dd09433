using System.Globalization;
using System.Net;
using Connectors.Testing.Sitoo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>Asks the simulators' process to subscribe the connector's events receiver.</summary>
/// <param name="Endpoint">The receiver's address.</param>
/// <param name="UserName">The HTTP Basic user name Sitoo sends.</param>
/// <param name="Password">The HTTP Basic password Sitoo sends.</param>
internal sealed record EventSubscriptionRequest(Uri Endpoint, string? UserName, string? Password);

/// <summary>Asks the simulators' process to drive sales.</summary>
/// <param name="Rate">Sales per second.</param>
/// <param name="Seconds">For how long.</param>
internal sealed record DriveRequest(int Rate, double Seconds);

/// <summary>
/// The hidden mode <c>e2e-simulators SEED [e2e arguments]</c>: both simulators, the catalogue, the Sitoo event delivery
/// and the sale driver in a process of their own, so that they take no CPU or memory from the connector's measure. A
/// loopback HTTP control endpoint, printed as <c>Control: URL</c> on standard output, lets the benchmark read the
/// endpoints, subscribe the receiver, drive sales, and read stock and call counts. Sale timestamps are
/// <see cref="System.Diagnostics.Stopwatch"/> ticks, the machine's monotonic clock, so they compare with the write
/// timestamps the connector's process takes. The process ends when its standard input closes.
/// </summary>
internal static class SimulatorProcess
{
    /// <summary>The first program argument that selects this mode.</summary>
    public const string Mode = "e2e-simulators";

    /// <summary>The line prefix that announces the control endpoint.</summary>
    public const string ControlPrefix = "Control: ";

    /// <summary>Runs until standard input closes.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var seed = int.Parse(args[0], CultureInfo.InvariantCulture);
        var settings = EndToEndSettings.Parse([.. args.Skip(1)]);
        var scenario = await StockScenario.StartAsync(settings, seed, cancellationToken, withConnector: false).ConfigureAwait(false);
        await using var disposeScenario = scenario.ConfigureAwait(false);
        await using var delivery = new EventDelivery(scenario.Pos, settings.EventDeliveryInterval);
        var app = MapControl(scenario, seed, delivery);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeApp = app.ConfigureAwait(false);
        Console.WriteLine(ControlPrefix + app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using (new ProgressReporter(() => Describe(scenario), TimeSpan.FromSeconds(10)))
        {
            // The benchmark closes this process's standard input when done, or by exiting, so no child outlives it.
            await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        await delivery.StopAsync().ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The control endpoints over one scenario's simulators.</summary>
    internal static WebApplication MapControl(StockScenario scenario, int seed, EventDelivery delivery)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/endpoints", scenario.Endpoints);
        app.MapPost("/subscribe", (EventSubscriptionRequest request) =>
        {
            scenario.Pos.SubscribeEvents(new SitooEventSubscription(request.Endpoint) { UserName = request.UserName, Password = request.Password });
            delivery.Start();
            return Results.NoContent();
        });
        app.MapGet("/in-step", scenario.InStep);
        app.MapPost("/drive", async (DriveRequest request, CancellationToken cancellationToken) =>
        {
            GC.Collect();
            using var sampler = new ResourceSampler();
            var drive = await SaleDriver.DriveAsync(scenario, request.Rate, TimeSpan.FromSeconds(request.Seconds), new Random(seed), cancellationToken)
                .ConfigureAwait(false);
            sampler.Dispose();
            return new SimulatorDrive(drive, sampler.PeakWorkingSet / 1048576.0, sampler.PeakHeap / 1048576.0);
        });
        app.MapGet("/calls", () => InProcessWorld.Calls(scenario));
        app.MapGet("/mismatches", () => scenario.Mismatches().Count);
        app.MapPost("/events/stop", async () =>
        {
            await delivery.StopAsync().ConfigureAwait(false);
            return Results.NoContent();
        });
        return app;
    }

    private static string Describe(StockScenario scenario) => string.Create(CultureInfo.InvariantCulture,
        $"Sitoo calls {string.Join(", ", scenario.Pos.Calls.ByOperation.Select(p => $"{ProgressReporter.ShortName(p.Key)} {p.Value}"))}; events pending {scenario.Pos.PendingEventCount}; simulators' heap {GC.GetTotalMemory(false) / 1048576} MB");

    /// <summary>The Sitoo simulator's event pushes, from the receiver's subscription until stopped.</summary>
    /// <param name="pos">The simulator.</param>
    /// <param name="interval">How often it pushes.</param>
    internal sealed class EventDelivery(SitooSimulator pos, TimeSpan interval) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _running = Task.CompletedTask;

        /// <summary>Starts pushing; the simulator refuses to push before a receiver is subscribed.</summary>
        public void Start() => _running = Task.Run(() => pos.RunEventDeliveryAsync(interval, _stop.Token), CancellationToken.None);

        /// <summary>Stops pushing and waits for the push in flight.</summary>
        public async Task StopAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _running.ConfigureAwait(false);
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
            _stop.Dispose();
        }
    }
}
