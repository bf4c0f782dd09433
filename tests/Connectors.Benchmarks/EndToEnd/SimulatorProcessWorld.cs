using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Connectors.Sync.Engine;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>
/// The simulators and the driver in a child process (<see cref="SimulatorProcess"/>, <c>--simulators process</c>),
/// the connector hosts in this one, so this process's memory and CPU are the connector's own.
/// </summary>
internal sealed class SimulatorProcessWorld : IStockWorld
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly HttpClient _control;
    private readonly Task _forwarding;
    private ConnectorHosts? _connector;

    private SimulatorProcessWorld(Process process, HttpClient control, Task forwarding, ShopwareStockWriteLog writes)
    {
        _process = process;
        _control = control;
        _forwarding = forwarding;
        Writes = writes;
    }

    /// <inheritdoc />
    public ShopwareStockWriteLog Writes { get; }

    /// <inheritdoc />
    public IReadOnlyList<ConnectorEngine> Engines => _connector!.Engines;

    /// <summary>Starts the child with the same catalogue settings and seed, then the connector hosts against it.</summary>
    public static async Task<SimulatorProcessWorld> StartAsync(EndToEndSettings settings, int seed, CancellationToken cancellationToken)
    {
        var process = Process.Start(StartInfo(settings, seed)) ?? throw new InvalidOperationException("The simulators' process did not start.");
        using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startTimeout.CancelAfter(_startTimeout);
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(startTimeout.Token).ConfigureAwait(false)) is not null
            && !line.StartsWith(SimulatorProcess.ControlPrefix, StringComparison.Ordinal))
        {
            Console.WriteLine("   [simulators] " + line);
        }

        if (line is null)
        {
            throw new InvalidOperationException("The simulators' process ended before it announced its control endpoint.");
        }

        var control = new HttpClient
        {
            BaseAddress = new Uri(line[SimulatorProcess.ControlPrefix.Length..]),

            // A drive answers only when it is over.
            Timeout = settings.Duration + TimeSpan.FromMinutes(5),
        };
        var forwarding = Task.Run(() => ForwardAsync(process.StandardOutput), CancellationToken.None);
        var endpoints = await control.GetFromJsonAsync<SimulatorEndpoints>("endpoints", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The simulators' process sent no endpoints.");
        var world = new SimulatorProcessWorld(process, control, forwarding, new ShopwareStockWriteLog(endpoints.SkuByProductId));
        try
        {
            world._connector = await ConnectorHosts.StartAsync(endpoints, settings, world.Writes, async (subscription, token) =>
            {
                using var answer = await control.PostAsJsonAsync("subscribe", new EventSubscriptionRequest(subscription.Endpoint, subscription.UserName, subscription.Password), token)
                    .ConfigureAwait(false);
                answer.EnsureSuccessStatusCode();
            }, cancellationToken).ConfigureAwait(false);
            return world;
        }
        catch
        {
            await world.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> InStepAsync(CancellationToken cancellationToken) =>
        await _control.GetFromJsonAsync<bool>("in-step", cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<SimulatorDrive> DriveAsync(int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var answer = await _control.PostAsJsonAsync("drive", new DriveRequest(rate, duration.TotalSeconds), cancellationToken).ConfigureAwait(false);
        answer.EnsureSuccessStatusCode();
        return await answer.Content.ReadFromJsonAsync<SimulatorDrive>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The simulators' process sent no drive.");
    }

    /// <inheritdoc />
    public async Task<SimulatorCalls> CallsAsync(CancellationToken cancellationToken) =>
        await _control.GetFromJsonAsync<SimulatorCalls>("calls", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The simulators' process sent no call counts.");

    /// <inheritdoc />
    public async Task<int> MismatchesAsync(CancellationToken cancellationToken) =>
        await _control.GetFromJsonAsync<int>("mismatches", cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task StopEventDeliveryAsync(CancellationToken cancellationToken)
    {
        using var answer = await _control.PostAsync("events/stop", null, cancellationToken).ConfigureAwait(false);
        answer.EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public string Progress() => string.Create(CultureInfo.InvariantCulture,
        $"{Writes.Requests} stock writes ({Writes.Writes.Count} rows); connector's heap {GC.GetTotalMemory(false) / 1048576} MB");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync().ConfigureAwait(false);
        }

        _process.StandardInput.Close();
        using var exitTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(exitTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _forwarding.ConfigureAwait(false);
        _control.Dispose();
        _process.Dispose();
    }

    /// <summary>This executable again, in the simulators' mode; through <c>dotnet</c> when that is what runs it.</summary>
    private static ProcessStartInfo StartInfo(EndToEndSettings settings, int seed)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's executable is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SimulatorProcessWorld).Assembly.Location);
        }

        foreach (var argument in (string[])[
            SimulatorProcess.Mode, seed.ToString(CultureInfo.InvariantCulture),
            "--skus", settings.Skus.ToString(CultureInfo.InvariantCulture),
            "--stores", settings.Stores.ToString(CultureInfo.InvariantCulture),
            "--event-interval-ms", settings.EventDeliveryInterval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task ForwardAsync(StreamReader output)
    {
        while (await output.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            Console.WriteLine("   [simulators] " + line);
        }
    }
}
