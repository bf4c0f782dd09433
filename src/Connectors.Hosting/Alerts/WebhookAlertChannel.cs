using System.Net.Http.Headers;
using System.Text;
using Connectors.Sync.Alerts;

namespace Connectors.Hosting.Alerts;

/// <summary>Posts each notification as JSON to a webhook: a plain JSON receiver, a Slack or a Teams incoming webhook.</summary>
internal sealed class WebhookAlertChannel(AlertChannelOptions options, IHttpClientFactory clients) : IAlertChannel
{
    /// <summary>The named <see cref="HttpClient"/> the channels post with.</summary>
    public const string HttpClientName = "connectors-alerts";

    private readonly AlertChannelRoute _route = new(options);

    public string Name => options.Name!;

    public bool Accepts(AlertNotification notification) => _route.Accepts(notification);

    public async Task SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        var body = options.Kind switch
        {
            AlertChannelKind.Slack => AlertPayloads.Slack(notification),
            AlertChannelKind.Teams => AlertPayloads.Teams(notification),
            _ => AlertPayloads.Json(notification),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var client = clients.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"{options.Kind} channel '{Name}' did not answer within {options.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException failure)
        {
            // The exception's own message may carry the host; the URL's path (the token) is never in it.
            throw new AlertDeliveryException($"{options.Kind} channel '{Name}' could not be reached: {failure.HttpRequestError}.", failure);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new AlertDeliveryException($"{options.Kind} channel '{Name}' answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
    }
}

/// <summary>Which notifications a configured channel takes: first-line channels all, escalation channels escalated ones; both only their teams'.</summary>
internal sealed class AlertChannelRoute(AlertChannelOptions options)
{
    public bool Accepts(AlertNotification notification) =>
        (!options.Escalation || notification.Escalated) && (options.Teams.Count == 0 || options.Teams.Contains(notification.Team));
}
