using Connectors.Shopware.Webhooks;
using Connectors.Sync;
using Connectors.Sync.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Connectors.Hosting.Webhooks;

/// <summary>The app webhook endpoint: signature over the raw body, then the delivery into the inbox, then 200.</summary>
internal sealed partial class ShopwareWebhookReceiver(
    InboxWriter inbox, ShopwareWebhookSignatureVerifier verifier, ILogger<ShopwareWebhookReceiver> logger)
{
    private static readonly string[] _keptHeaders = ["Content-Type", "sw-version", "sw-context-language", "sw-user-language"];

    public async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var body = await RequestBody.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var headers = context.Request.Headers;
        var verification = verifier.Verify(
            body.Span, headers[ShopwareWebhookVerifierOptions.SignatureHeader], headers[ShopwareWebhookVerifierOptions.PreviousSignatureHeader]);
        if (verification != ShopwareWebhookVerificationResult.Valid)
        {
            LogRefused(logger, verification);
            return Results.Unauthorized();
        }

        var delivery = ToDelivery(body, DeliveryHeaders.Keep(headers, _keptHeaders));
        return await inbox.StoreAndAcknowledgeAsync(InboxSources.Shopware, [delivery], cancellationToken).ConfigureAwait(false);
    }

    private static InboxDelivery ToDelivery(ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> headers)
    {
        try
        {
            var webhook = ShopwareWebhookEvent.Parse(body.Span);
            if (webhook.Source.EventId is { Length: > 0 } eventId)
            {
                return new InboxDelivery(InboxSources.Shopware, eventId, webhook.EventName, body, headers);
            }
        }
        catch (FormatException)
        {
            // Falls through: a signed body without a readable event id is kept as malformed.
        }
        return MalformedDelivery.Create(InboxSources.Shopware, body, headers);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shopware webhooks: refused a delivery ({Verification})")]
    private static partial void LogRefused(ILogger logger, ShopwareWebhookVerificationResult verification);
}
