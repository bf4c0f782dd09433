using Connectors.Sitoo.Events;
using Connectors.Sync;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Connectors.Hosting.Webhooks;

/// <summary>The Events SPI endpoint: Basic auth, then every event of the batch into the inbox, then 200.</summary>
internal sealed partial class SitooEventsReceiver(
    InboxWriter inbox, SitooEventsBasicAuthenticator authenticator, ILogger<SitooEventsReceiver> logger)
{
    private static readonly string[] _keptHeaders = ["Content-Type", "User-Agent"];

    public async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (!authenticator.IsAuthorized(context.Request.Headers.Authorization))
        {
            LogRefused(logger);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"sitoo-events\", charset=\"UTF-8\"";
            return Results.Unauthorized();
        }

        var body = await RequestBody.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var deliveries = SitooBatchSplitter.Split(body, DeliveryHeaders.Keep(context.Request.Headers, _keptHeaders));
        return await inbox.StoreAndAcknowledgeAsync(InboxSources.Sitoo, deliveries, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sitoo events: refused a delivery with missing or wrong Basic credentials")]
    private static partial void LogRefused(ILogger logger);
}
