using System.Text.Json.Nodes;
using NodaTime;

namespace Connectors.Testing.Sitoo;

public sealed partial class SitooSimulator
{
    // One connection pool for deliveries over the network, shared by all simulators in the process.
    private static readonly SocketsHttpHandler _network = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };

    /// <summary>Events raised but not yet acknowledged, rejected or expired (including a batch waiting for a retry).</summary>
    public int PendingEventCount => _events.PendingCount;

    /// <summary>When the next delivery attempt is due, or <see langword="null"/> when nothing is pending.</summary>
    public Instant? NextEventAttempt => _events.NextAttempt;

    /// <summary>Every delivery attempt so far, oldest first.</summary>
    public IReadOnlyList<SitooEventAttempt> EventAttempts => _events.Attempts;

    /// <summary>Starts delivering Events SPI batches to <paramref name="subscription"/>; events raised before are delivered too.</summary>
    public void SubscribeEvents(SitooEventSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            // The client never owns the handler, so replacing it needs no disposal.
            _eventClient = subscription.Handler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient(_network, disposeHandler: false);
            _subscription = subscription;
        }
    }

    /// <summary>
    /// Delivers every batch that is due now on the simulator's clock: batches of at most ten events, in chronological
    /// order, each retried until the receiver answers 200 and blocking the queue meanwhile. Deterministic: tests call
    /// this after driving traffic (and after advancing a fake clock to reach retries).
    /// </summary>
    /// <returns>The number of delivery attempts made.</returns>
    public Task<int> DeliverEventsAsync(CancellationToken cancellationToken = default)
    {
        HttpClient client;
        SitooEventSubscription subscription;
        lock (_gate)
        {
            if (_eventClient is null || _subscription is null)
            {
                throw new InvalidOperationException("No event receiver: call SubscribeEvents first.");
            }
            client = _eventClient;
            subscription = _subscription;
        }
        return _events.DeliverAsync(client, subscription, cancellationToken);
    }

    /// <summary>Delivers events every <paramref name="interval"/> until cancelled, for hosts such as the sample worker.</summary>
    /// <returns>A task that completes when <paramref name="cancellationToken"/> is cancelled.</returns>
    public async Task RunEventDeliveryAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await DeliverEventsAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of the loop.
        }
    }

    private void RaiseEvent(string type, JsonObject data)
    {
        var id = new byte[16];
        Random.NextBytes(id);
        _events.Enqueue(new JsonObject
        {
            ["event_id"] = Convert.ToHexStringLower(id),
            ["event_type"] = type,
            ["event_date"] = SitooWire.Unix(Now),
            ["account_id"] = Sitoo.AccountId,
            ["data"] = data,
        });
    }
}
