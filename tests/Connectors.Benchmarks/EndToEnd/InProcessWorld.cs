using Connectors.Sync.Engine;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>The simulators, the driver and the connector in this one process (<c>--simulators in-process</c>).</summary>
internal sealed class InProcessWorld : IStockWorld
{
    private readonly StockScenario _scenario;
    private readonly int _seed;
    private readonly CancellationTokenSource _stopDelivery = new();
    private readonly Task _delivery;

    private InProcessWorld(StockScenario scenario, int seed, TimeSpan eventDeliveryInterval)
    {
        _scenario = scenario;
        _seed = seed;
        _delivery = Task.Run(() => scenario.Pos.RunEventDeliveryAsync(eventDeliveryInterval, _stopDelivery.Token), CancellationToken.None);
    }

    /// <inheritdoc />
    public ShopwareStockWriteLog Writes => _scenario.Writes;

    /// <inheritdoc />
    public IReadOnlyList<ConnectorEngine> Engines => _scenario.Engines;

    /// <summary>Builds the catalogue, starts the simulators and the connector hosts and the event delivery.</summary>
    public static async Task<InProcessWorld> StartAsync(EndToEndSettings settings, int seed, CancellationToken cancellationToken) =>
        new(await StockScenario.StartAsync(settings, seed, cancellationToken).ConfigureAwait(false), seed, settings.EventDeliveryInterval);

    /// <inheritdoc />
    public Task<bool> InStepAsync(CancellationToken cancellationToken) => Task.FromResult(_scenario.InStep());

    /// <inheritdoc />
    public async Task<SimulatorDrive> DriveAsync(int rate, TimeSpan duration, CancellationToken cancellationToken) =>
        new(await SaleDriver.DriveAsync(_scenario, rate, duration, new Random(_seed), cancellationToken).ConfigureAwait(false), null, null);

    /// <inheritdoc />
    public Task<SimulatorCalls> CallsAsync(CancellationToken cancellationToken) => Task.FromResult(Calls(_scenario));

    /// <inheritdoc />
    public Task<int> MismatchesAsync(CancellationToken cancellationToken) => Task.FromResult(_scenario.Mismatches().Count);

    /// <inheritdoc />
    public async Task StopEventDeliveryAsync(CancellationToken cancellationToken)
    {
        await _stopDelivery.CancelAsync().ConfigureAwait(false);
        await _delivery.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public string Progress() => ProgressReporter.Describe(_scenario);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopEventDeliveryAsync(CancellationToken.None).ConfigureAwait(false);
        _stopDelivery.Dispose();
        await _scenario.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The scenario's simulators' call counts.</summary>
    internal static SimulatorCalls Calls(StockScenario scenario) =>
        new(Counts(scenario.Shop.Calls), Counts(scenario.Pos.Calls), scenario.Pos.EventAttempts.Count);

    private static CallCounts Counts(Testing.Simulation.ApiCallLog log) =>
        new(log.ByOperation, log.ByStatus.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value, StringComparer.Ordinal));
}
