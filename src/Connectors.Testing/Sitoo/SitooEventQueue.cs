using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;

namespace Connectors.Testing.Sitoo;

/// <summary>
/// The Events SPI outbox: events in chronological order, sent in batches; a failing batch is retried and
/// blocks every later event until it is acknowledged, rejected or expired.
/// </summary>
internal sealed class SitooEventQueue(SitooEventDeliveryOptions options, IClock clock, int seed)
{
    private readonly Lock _gate = new();
    private readonly Queue<JsonObject> _pending = new();
    private readonly List<SitooEventAttempt> _attempts = [];
    private readonly Random _random = new(seed);
    private InFlightBatch? _head;
    private bool _pumping;

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count + (_head?.Events.Count ?? 0);
            }
        }
    }

    public Instant? NextAttempt
    {
        get
        {
            lock (_gate)
            {
                return _head?.NextAttempt ?? (_pending.Count > 0 ? clock.GetCurrentInstant() : null);
            }
        }
    }

    public IReadOnlyList<SitooEventAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    public void Enqueue(JsonObject sitooEvent)
    {
        lock (_gate)
        {
            _pending.Enqueue(sitooEvent);
        }
    }

    /// <summary>
    /// Sends every batch that is due, stopping at the first batch that has to wait for a retry. One pump runs
    /// at a time, as Sitoo delivers one batch at a time; a concurrent call returns 0 at once.
    /// </summary>
    public async Task<int> DeliverAsync(HttpClient client, SitooEventSubscription subscription, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pumping)
            {
                return 0;
            }
            _pumping = true;
        }
        try
        {
            var attempts = 0;
            while (NextDueBatch() is { } batch)
            {
                attempts++;
                if (!await SendBatchAsync(client, subscription, batch, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
            return attempts;
        }
        finally
        {
            lock (_gate)
            {
                _pumping = false;
            }
        }
    }

    private InFlightBatch? NextDueBatch()
    {
        lock (_gate)
        {
            if (_head is null && _pending.Count > 0)
            {
                var events = new List<JsonObject>();
                while (events.Count < options.MaxBatchSize && _pending.TryDequeue(out var next))
                {
                    events.Add(next);
                }
                _head = new InFlightBatch(events, clock.GetCurrentInstant());
            }
            return _head is { } head && head.NextAttempt <= clock.GetCurrentInstant() ? head : null;
        }
    }

    /// <summary>One attempt; returns whether the queue may go on to the next batch.</summary>
    private async Task<bool> SendBatchAsync(HttpClient client, SitooEventSubscription subscription, InFlightBatch batch, CancellationToken cancellationToken)
    {
        bool lost, duplicate;
        List<JsonObject> order;
        lock (_gate)
        {
            lost = Chance(options.DropProbability);
            duplicate = Chance(options.DuplicateProbability);
            order = Chance(options.ReorderProbability) ? [.. batch.Events.OrderBy(_ => _random.Next())] : batch.Events;
        }
        var ids = order.Select(e => (string)e["event_id"]!).ToList();
        if (lost)
        {
            Finish(batch, new SitooEventAttempt(clock.GetCurrentInstant(), ids, null, SitooEventOutcome.LostInTransit));
            return true;
        }

        var status = await PostAsync(client, subscription, order, cancellationToken).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        if (status == HttpStatusCode.OK)
        {
            Finish(batch, new SitooEventAttempt(now, ids, 200, SitooEventOutcome.Acknowledged));
            if (duplicate)
            {
                var again = await PostAsync(client, subscription, order, cancellationToken).ConfigureAwait(false);
                Record(new SitooEventAttempt(clock.GetCurrentInstant(), ids, (int?)again, SitooEventOutcome.Duplicate));
            }
            return true;
        }
        if (status is { } code && (int)code is >= 400 and < 500 && code != HttpStatusCode.TooManyRequests)
        {
            Finish(batch, new SitooEventAttempt(now, ids, (int)code, SitooEventOutcome.Rejected));
            return true;
        }

        lock (_gate)
        {
            batch.Retries++;
            var next = now + Duration.FromTimeSpan(options.RetryDelay(batch.Retries));
            if (next - batch.FirstAttempt > Duration.FromTimeSpan(options.RetryWindow))
            {
                _head = null;
                _attempts.Add(new SitooEventAttempt(now, ids, (int?)status, SitooEventOutcome.Expired));
                return true;
            }
            batch.NextAttempt = next;
            _attempts.Add(new SitooEventAttempt(now, ids, (int?)status, SitooEventOutcome.WillRetry));
            return false;
        }
    }

    private async Task<HttpStatusCode?> PostAsync(HttpClient client, SitooEventSubscription subscription, List<JsonObject> events, CancellationToken cancellationToken)
    {
        var body = new JsonArray([.. events.Select(e => (JsonNode)e.DeepClone())]);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (subscription.UserName is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{subscription.UserName}:{subscription.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ResponseTimeout);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.StatusCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private void Finish(InFlightBatch batch, SitooEventAttempt attempt)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_head, batch))
            {
                _head = null;
            }
            _attempts.Add(attempt);
        }
    }

    private void Record(SitooEventAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }

    private bool Chance(double probability) => probability > 0 && (probability >= 1 || _random.NextDouble() < probability);

    private sealed class InFlightBatch(List<JsonObject> events, Instant firstAttempt)
    {
        public List<JsonObject> Events { get; } = events;

        public Instant FirstAttempt { get; } = firstAttempt;

        public Instant NextAttempt { get; set; } = firstAttempt;

        public int Retries { get; set; }
    }
}
