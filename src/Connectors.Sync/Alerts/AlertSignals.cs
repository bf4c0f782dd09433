using System.Collections.Concurrent;
using NodaTime;

namespace Connectors.Sync.Alerts;

/// <summary>
/// What this process alone sees and the store does not hold: webhook deliveries it answered with an error, and calls its
/// circuit breakers refused. The webhook receivers and the API clients report here; the alert rules read it.
/// </summary>
/// <remarks>
/// Process-local like the stock lag: with several instances, the instance that evaluates the alerts (the holder of the
/// <c>alerts</c> lease) sees its own deliveries and calls only.
/// </remarks>
public sealed class AlertSignals
{
    private readonly IClock _clock;
    private readonly ConcurrentDictionary<string, int> _failedAnswersInRow = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Instant> _circuitOpenSince = new(StringComparer.Ordinal);

    /// <summary>Creates the signals, timed by <paramref name="clock"/>.</summary>
    /// <param name="clock">The clock "open since" is read from.</param>
    public AlertSignals(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>Records the answer given to one webhook delivery: a success ends a run of failures.</summary>
    /// <param name="source">The sender, e.g. <c>shopware</c> or <c>sitoo</c> (<see cref="InboxSources"/>).</param>
    /// <param name="succeeded">Whether the sender got a 2xx.</param>
    public void WebhookAnswered(string source, bool succeeded)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (succeeded)
        {
            _failedAnswersInRow[source] = 0;
        }
        else
        {
            _failedAnswersInRow.AddOrUpdate(source, 1, (_, failures) => failures + 1);
        }
    }

    /// <summary>Records that a call to <paramref name="system"/> was refused by its open circuit breaker.</summary>
    /// <param name="system">The system, <c>shopware</c> or <c>sitoo</c>.</param>
    public void CallRefusedByOpenCircuit(string system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _circuitOpenSince.TryAdd(system, _clock.GetCurrentInstant());
    }

    /// <summary>Records that a call to <paramref name="system"/> got an answer: its circuit lets calls through again.</summary>
    /// <param name="system">The system, <c>shopware</c> or <c>sitoo</c>.</param>
    public void CallAnswered(string system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _circuitOpenSince.TryRemove(system, out _);
    }

    /// <summary>Webhook deliveries answered with an error in a row, per sender.</summary>
    public IReadOnlyDictionary<string, int> FailedWebhookAnswersInRow =>
        _failedAnswersInRow.Where(pair => pair.Value > 0).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    /// <summary>Since when each system's calls have been refused by an open circuit (systems whose circuit is closed are absent).</summary>
    public IReadOnlyDictionary<string, Instant> OpenCircuits => new Dictionary<string, Instant>(_circuitOpenSince, StringComparer.Ordinal);
}
