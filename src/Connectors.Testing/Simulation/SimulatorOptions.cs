using NodaTime;

namespace Connectors.Testing.Simulation;

/// <summary>What makes a simulator deterministic: its random seed and the clock it reads.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The seed of every random choice the simulator makes (fault probabilities, latencies, delivery order).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The simulator's clock; tests pass a <c>NodaTime.Testing.FakeClock</c> to control time.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;
}
