using NodaTime;

namespace Connectors.Sync;

/// <summary>
/// NodaTime's <see cref="IClock"/> read from a <see cref="TimeProvider"/>. Unless the host registers an <see cref="IClock"/>
/// of its own, the connector's clock is this one over the registered <see cref="TimeProvider"/>, the clock the API clients
/// wait on (retry delays, <c>Retry-After</c>, token expiry). So the engine and the clients keep one time, and a test that
/// registers a fake <see cref="TimeProvider"/> moves both.
/// </summary>
public sealed class TimeProviderClock : IClock
{
    private readonly TimeProvider _timeProvider;

    /// <summary>A clock reading <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The time source, usually the one registered in the container.</param>
    public TimeProviderClock(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(_timeProvider.GetUtcNow());
}
