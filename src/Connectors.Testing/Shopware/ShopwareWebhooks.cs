using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Shopware;

/// <summary>An app webhook registered with the simulated shop.</summary>
public sealed class ShopwareWebhook
{
    internal ShopwareWebhook(string name, string eventName, Uri url, string? appSecret)
    {
        Name = name;
        EventName = eventName;
        Url = url;
        AppSecret = appSecret;
        // A stable id per name, so a restarted simulator lists the same webhook under the same id.
        Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32];
    }

    /// <summary>The simulated app's id, set on every webhook registered with an app secret.</summary>
    public const string SimulatedAppId = "5d0b8c1e9f2a4b7c8e3d6f1a2b4c9e07";

    /// <summary>The <c>webhook</c> entity's id.</summary>
    public string Id { get; }

    /// <summary>The webhook's name from the app manifest.</summary>
    public string Name { get; }

    /// <summary>The event it subscribes to, e.g. <c>product.written</c> or <c>state_enter.order.state.cancelled</c>.</summary>
    public string EventName { get; }

    /// <summary>Where deliveries are posted.</summary>
    public Uri Url { get; }

    /// <summary>The app secret that signs deliveries; <see langword="null"/> for an unsigned non-app webhook.</summary>
    public string? AppSecret { get; }

    /// <summary>Whether deliveries are still made; Shopware deactivates a webhook after repeated failures.</summary>
    public bool Active { get; internal set; } = true;

    /// <summary>Failed deliveries so far (each after its retries).</summary>
    public int ErrorCount { get; internal set; }
}

/// <summary>Faults applied to webhook deliveries, drawn from the simulator's seed.</summary>
public sealed record ShopwareWebhookFaults
{
    /// <summary>The chance that a delivery is silently lost.</summary>
    public double DropProbability { get; init; }

    /// <summary>The chance that a delivery is made twice (same <c>eventId</c>).</summary>
    public double DuplicateProbability { get; init; }

    /// <summary>Whether each pump delivers pending events in a shuffled order (Shopware guarantees no order).</summary>
    public bool Shuffle { get; init; } = true;
}

/// <summary>One delivery attempt, for assertions.</summary>
/// <param name="WebhookName">The webhook delivered to.</param>
/// <param name="EventName">The event, e.g. <c>product.written</c>.</param>
/// <param name="EventId">The event id (<c>source.eventId</c>), stable across retries and duplicates.</param>
/// <param name="Body">The raw body sent.</param>
/// <param name="StatusCode">The receiver's status, or 0 when the request failed without one.</param>
public sealed record ShopwareWebhookDelivery(string WebhookName, string EventName, string EventId, string Body, int StatusCode)
{
    /// <summary>Whether the receiver accepted the delivery (2xx).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// App-webhook delivery of the simulated shop: events queue up as the shop changes, and are posted, signed with
/// <c>shopware-shop-signature</c> (hex HMAC-SHA256 of the body with the app secret), when a test calls
/// <see cref="DeliverPendingAsync"/> or while <see cref="RunAsync"/> loops.
/// </summary>
public sealed class ShopwareWebhookDispatcher : IDisposable
{
    private readonly ShopwareSimulator _shop;
    private readonly HttpClient _client;
    private readonly List<ShopwareWebhook> _webhooks = [];
    private readonly List<PendingDelivery> _pending = [];
    private readonly List<ShopwareWebhookDelivery> _deliveries = [];
    private readonly SemaphoreSlim _pump = new(1, 1);

    internal ShopwareWebhookDispatcher(ShopwareSimulator shop)
    {
        _shop = shop;
        _client = shop.ShopOptions.WebhookHandler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
    }

    /// <summary>Faults to apply to deliveries.</summary>
    public ShopwareWebhookFaults Faults { get; set; } = new();

    /// <summary>The registered webhooks.</summary>
    public IReadOnlyList<ShopwareWebhook> Webhooks
    {
        get
        {
            lock (_shop.Gate)
            {
                return [.. _webhooks];
            }
        }
    }

    /// <summary>Events waiting to be delivered.</summary>
    public int PendingCount
    {
        get
        {
            lock (_shop.Gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Every delivery attempt so far, in the order made.</summary>
    public IReadOnlyList<ShopwareWebhookDelivery> Deliveries
    {
        get
        {
            lock (_shop.Gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Registers an app webhook for one event.</summary>
    /// <param name="name">The webhook's name.</param>
    /// <param name="eventName">The event, e.g. <c>product.written</c>.</param>
    /// <param name="url">The receiver's URL.</param>
    /// <param name="appSecret">The app secret that signs deliveries; <see langword="null"/> sends them unsigned.</param>
    public ShopwareWebhook Register(string name, string eventName, Uri url, string? appSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(url);
        var webhook = new ShopwareWebhook(name, eventName, url, appSecret);
        lock (_shop.Gate)
        {
            _webhooks.Add(webhook);
        }
        return webhook;
    }

    /// <summary>
    /// Delivers every pending event once (shuffled, with the configured drop and duplicate faults). A failed
    /// delivery stays pending for the next call until its retries are used up, then counts against its webhook.
    /// </summary>
    /// <returns>The number of requests made.</returns>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken = default)
    {
        await _pump.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<(PendingDelivery Delivery, int Copies)> batch;
            lock (_shop.Gate)
            {
                var order = _pending.ToList();
                _pending.Clear();
                if (Faults.Shuffle)
                {
                    _shop.ShuffleUnderLock(order);
                }
                batch = [.. order.Select(d => (d, Copies(d)))];
            }
            var requests = 0;
            foreach (var (delivery, copies) in batch)
            {
                for (var copy = 0; copy < copies && IsActive(delivery.Webhook); copy++)
                {
                    requests++;
                    var status = await SendAsync(delivery, cancellationToken).ConfigureAwait(false);
                    Settle(delivery, status, isLastCopy: copy == copies - 1);
                }
            }
            return requests;
        }
        finally
        {
            _pump.Release();
        }
    }

    /// <summary>
    /// Delivers pending events every <paramref name="interval"/> (for the sample and browser tests); completes
    /// normally once <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await DeliverPendingAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of the loop.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _pump.Dispose();
    }

    private bool IsActive(ShopwareWebhook webhook)
    {
        lock (_shop.Gate)
        {
            return webhook.Active;
        }
    }

    /// <summary>Queues an event for every active webhook subscribed to it; call under the shop's lock.</summary>
    internal void Enqueue(string eventName, JsonNode payload, long timestamp, Func<string> newId)
    {
        foreach (var webhook in _webhooks.Where(w => w.Active && w.EventName == eventName))
        {
            var eventId = newId();
            var body = new JsonObject
            {
                ["data"] = new JsonObject { ["payload"] = payload.DeepClone(), ["event"] = eventName },
                ["source"] = new JsonObject
                {
                    ["url"] = _shop.ShopOptions.ShopUrl.ToString().TrimEnd('/'),
                    ["appVersion"] = _shop.ShopOptions.AppVersion,
                    ["shopId"] = _shop.ShopOptions.ShopId,
                    ["eventId"] = eventId,
                },
                ["timestamp"] = timestamp,
            };
            _pending.Add(new PendingDelivery(webhook, eventName, eventId, body.ToJsonString()));
        }
    }

    // Drawn under the shop's lock so a seed gives the same faults every run.
    private int Copies(PendingDelivery delivery)
    {
        if (delivery.Attempts == 0 && _shop.ChanceUnderLock(Faults.DropProbability))
        {
            return 0;
        }
        return delivery.Attempts == 0 && _shop.ChanceUnderLock(Faults.DuplicateProbability) ? 2 : 1;
    }

    private async Task<int> SendAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Webhook.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.TryAddWithoutValidation("sw-version", _shop.ShopOptions.ShopwareVersion);
        request.Headers.TryAddWithoutValidation("sw-context-language", ShopwareSimulator.SystemLanguageId);
        request.Headers.TryAddWithoutValidation("sw-user-language", "en-GB");
        if (delivery.Webhook.AppSecret is { } secret)
        {
            request.Headers.TryAddWithoutValidation("shopware-shop-signature", Sign(delivery.Body, secret));
        }
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private void Settle(PendingDelivery delivery, int status, bool isLastCopy)
    {
        lock (_shop.Gate)
        {
            _deliveries.Add(new ShopwareWebhookDelivery(delivery.Webhook.Name, delivery.EventName, delivery.EventId, delivery.Body, status));
            if (!isLastCopy || status is >= 200 and < 300)
            {
                return;
            }
            if (delivery.Attempts < _shop.ShopOptions.WebhookRetries)
            {
                _pending.Add(delivery with { Attempts = delivery.Attempts + 1 });
                return;
            }
            var webhook = delivery.Webhook;
            webhook.ErrorCount++;
            if (webhook.ErrorCount >= _shop.ShopOptions.WebhookFailuresBeforeDeactivation)
            {
                webhook.Active = false;
                _pending.RemoveAll(p => ReferenceEquals(p.Webhook, webhook));
            }
        }
    }

    /// <summary>The <c>shopware-shop-signature</c> of a body: lowercase hex HMAC-SHA256 keyed with the app secret.</summary>
    internal static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private sealed record PendingDelivery(ShopwareWebhook Webhook, string EventName, string EventId, string Body)
    {
        public int Attempts { get; init; }
    }
}
