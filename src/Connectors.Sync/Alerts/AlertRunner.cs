using Connectors.Sync.Engine;
using Connectors.Sync.Monitoring;
using Connectors.Sync.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connectors.Sync.Alerts;

/// <summary>
/// One evaluation: takes the <see cref="LeaseName"/> lease (so one instance of many evaluates and sends), reads the
/// monitor, checks the rules, works out the transitions, delivers the notifications and saves the state with its
/// history as a snapshot, so a restart (or another instance taking over) continues where this one stopped.
/// </summary>
internal sealed partial class AlertRunner
{
    /// <summary>The lease among instances whose holder evaluates and sends.</summary>
    public const string LeaseName = "alerts";

    private const int ExceptionsRead = 10_000;
    private readonly IConnectorStore _store;
    private readonly ConnectorMonitor _monitor;
    private readonly AlertSignals _signals;
    private readonly IReadOnlyList<IAlertChannel> _channels;
    private readonly AlertSettings _settings;
    private readonly AlertRules _rules;
    private readonly string _owner;
    private readonly IClock _clock;
    private readonly ILogger<AlertRunner> _logger;

    public AlertRunner(
        IConnectorStore store, ConnectorMonitor monitor, AlertSignals signals, IEnumerable<IAlertChannel> channels, AlertSettings settings, string owner, IClock clock,
        ILogger<AlertRunner> logger)
    {
        _store = store;
        _monitor = monitor;
        _signals = signals;
        _channels = [.. channels];
        _settings = settings;
        _rules = new AlertRules(settings.Rules);
        _owner = owner;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The lease outlives a few evaluations, so a holder that died is replaced within three intervals.</summary>
    public Duration LeaseDuration => Duration.Max(Duration.FromTimeSpan(_settings.EvaluateEvery) * 3, Duration.FromMinutes(1));

    /// <summary>Evaluates once if this instance holds (or gets) the lease.</summary>
    /// <returns>Whether this instance evaluated.</returns>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (await _store.SourceLeases.TryAcquireAsync(LeaseName, _owner, LeaseDuration, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        using var activity = EngineTelemetry.Activities.StartActivity("alerts.evaluate");
        var saved = await _store.Snapshots.LoadAsync(AlertState.SnapshotName, cancellationToken).ConfigureAwait(false);
        var state = saved is null ? AlertState.Empty : AlertState.Parse(saved.Body);
        var readings = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var streaks = state.Drift.Advance(readings.Drift);
        var evaluation = AlertEvaluator.Evaluate(state with { Drift = streaks }, _rules.Check(readings, streaks), readings.Now, AlertPolicy.From(_settings));
        activity?.SetTag("notifications", evaluation.Notifications.Count);
        var next = await DeliverAsync(evaluation, cancellationToken).ConfigureAwait(false);
        await _store.Snapshots.SaveAsync(AlertState.SnapshotName, next.ToJson(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Gives the lease up on stopping, so another instance evaluates at once.</summary>
    public Task ReleaseAsync(CancellationToken cancellationToken) => _store.SourceLeases.ReleaseAsync(LeaseName, _owner, cancellationToken);

    private async Task<AlertReadings> ReadAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var sources = await _monitor.SyncLagAsync(cancellationToken).ConfigureAwait(false);
        var drift = await _monitor.LatestDriftReportAsync(cancellationToken).ConfigureAwait(false);
        var stalled = await _monitor.StalledWorkAsync(cancellationToken).ConfigureAwait(false);
        var open = await _store.Exceptions.ListAsync(new ExceptionFilter(Status: ExceptionStatus.Open, MaxCount: ExceptionsRead), cancellationToken).ConfigureAwait(false);
        var retrying = await _store.Exceptions.ListAsync(new ExceptionFilter(Status: ExceptionStatus.Retrying, MaxCount: ExceptionsRead), cancellationToken)
            .ConfigureAwait(false);
        return new AlertReadings(
            now, sources, _monitor.StockLag(), drift, OpenExceptions.Group(open.Concat(retrying)), stalled, _signals.FailedWebhookAnswersInRow, _signals.OpenCircuits);
    }

    /// <summary>
    /// Sends what earlier evaluations could not deliver, then the new notifications, each to every channel accepting it.
    /// A failed delivery stays in the outbox for the next evaluation until its attempts run out.
    /// </summary>
    private async Task<AlertState> DeliverAsync(AlertEvaluation evaluation, CancellationToken cancellationToken)
    {
        var due = evaluation.State.Outbox.Concat(
            evaluation.Notifications.SelectMany(n => _channels.Where(c => c.Accepts(n)).Select(c => new PendingDelivery(c.Name, n, 0))));
        var outbox = new List<PendingDelivery>();
        var history = new List<AlertHistoryEntry>();
        foreach (var delivery in due)
        {
            if (_channels.FirstOrDefault(c => c.Name == delivery.Channel) is not { } channel)
            {
                continue; // The channel was removed from the configuration.
            }

            try
            {
                await channel.SendAsync(delivery.Notification, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = delivery.Attempts + 1;
                var abandoned = attempts >= _settings.DeliveryAttempts;
                LogDeliveryFailed(failure, delivery.Notification.Key, channel.Name, attempts);
                history.Add(new AlertHistoryEntry(
                    _clock.GetCurrentInstant(), abandoned ? AlertEvent.DeliveryAbandoned : AlertEvent.DeliveryFailed, delivery.Notification.Key,
                    delivery.Notification.Team, delivery.Notification.Title, channel.Name, failure.Message));
                if (!abandoned)
                {
                    outbox.Add(delivery with { Attempts = attempts });
                }
            }
        }

        return (evaluation.State with { Outbox = outbox }).Record(history, _settings.HistorySize);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Key}: channel {Channel} failed to deliver (attempt {Attempts})")]
    private partial void LogDeliveryFailed(Exception exception, string key, string channel, int attempts);
}
