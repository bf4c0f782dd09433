using Connectors.Hosting.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connectors.Hosting;

/// <summary>
/// Maps the webhook receivers. Each stores what it receives in the connector's inbox before it answers, answers 200
/// for duplicates and for bodies it cannot read (those are kept as <c>malformed</c>), 401 when the sender cannot be
/// authenticated, and 503 with <c>Retry-After</c> only when the store cannot take the delivery.
/// </summary>
public static class ConnectorWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Sitoo Events SPI receiver: <c>POST</c> with HTTP Basic credentials checked against
    /// <see cref="ConnectorHostingOptions.SitooEvents"/>; every event of the batch is stored under its <c>event_id</c>.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="pattern">The route, registered with Sitoo as the events URL.</param>
    /// <returns>The endpoint, for further conventions (e.g. rate limiting).</returns>
    /// <exception cref="InvalidOperationException"><c>AddConnectorHosting</c> was not called, or the Sitoo credentials are not configured.</exception>
    public static IEndpointConventionBuilder MapSitooEvents(this IEndpointRouteBuilder endpoints, string pattern = "/webhooks/sitoo")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (!HostingOptions(endpoints).SitooEvents.IsConfigured)
        {
            throw new InvalidOperationException(
                $"The Sitoo events receiver needs {ConnectorHostingOptions.SectionName}:SitooEvents:UserName and Password.");
        }

        return endpoints
            .MapPost(pattern, (HttpContext context, SitooEventsReceiver receiver) =>
            {
                WebhookAnswerWatch.Track(context, Sync.InboxSources.Sitoo);
                return receiver.ReceiveAsync(context);
            })
            .WithDisplayName("Sitoo events receiver")
            .ExcludeFromDescription()
            // The receiver authenticates Sitoo itself; a host's fallback policy must not turn deliveries away.
            .AllowAnonymous();
    }

    /// <summary>
    /// Maps the Shopware app webhook receiver: <c>POST</c> whose <c>shopware-shop-signature</c> is checked over the raw
    /// body with <see cref="ConnectorHostingOptions.ShopwareWebhooks"/>; the delivery is stored under its
    /// <c>source.eventId</c>.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="pattern">The route, used as the webhook URL in the app manifest.</param>
    /// <returns>The endpoint, for further conventions.</returns>
    /// <exception cref="InvalidOperationException"><c>AddConnectorHosting</c> was not called, or the app secret is not configured.</exception>
    public static IEndpointConventionBuilder MapShopwareWebhooks(this IEndpointRouteBuilder endpoints, string pattern = "/webhooks/shopware")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (!HostingOptions(endpoints).ShopwareWebhooks.IsConfigured)
        {
            throw new InvalidOperationException(
                $"The Shopware webhook receiver needs {ConnectorHostingOptions.SectionName}:ShopwareWebhooks:AppSecret.");
        }

        return endpoints
            .MapPost(pattern, (HttpContext context, ShopwareWebhookReceiver receiver) =>
            {
                WebhookAnswerWatch.Track(context, Sync.InboxSources.Shopware);
                return receiver.ReceiveAsync(context);
            })
            .WithDisplayName("Shopware webhook receiver")
            .ExcludeFromDescription()
            // The receiver authenticates Shopware itself; a host's fallback policy must not turn deliveries away.
            .AllowAnonymous();
    }

    /// <summary>The validated options; fails when the services were never registered.</summary>
    internal static ConnectorHostingOptions HostingOptions(IEndpointRouteBuilder endpoints)
    {
        var registered = endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(InboxWriter)) == true;
        if (!registered)
        {
            throw new InvalidOperationException("Call services.AddConnectorHosting(configuration) before mapping the connector's endpoints.");
        }
        return endpoints.ServiceProvider.GetRequiredService<IOptions<ConnectorHostingOptions>>().Value;
    }
}
