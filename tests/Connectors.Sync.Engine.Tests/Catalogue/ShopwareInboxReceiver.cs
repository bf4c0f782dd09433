using System.Net;
using Connectors.Shopware.Webhooks;
using Connectors.Sync.State;

namespace Connectors.Sync.Engine.Tests.Catalogue;

/// <summary>
/// The least a Shopware webhook receiver must do, in process: store the delivery in the inbox under its event id, then
/// answer 200 (the hosted receiver in Connectors.Hosting does the same over HTTP, with the signature check).
/// </summary>
internal sealed class ShopwareInboxReceiver : HttpMessageHandler
{
    public Func<IConnectorStore>? Store { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var delivery = ShopwareWebhookEvent.Parse(body);
        await Store!().Inbox.StoreAsync(
            new InboxDelivery(InboxSources.Shopware, delivery.Source.EventId!, delivery.EventName, body, new Dictionary<string, string>()), cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.OK);
    }
}
