using System.Net;
using Connectors.Sitoo.Events;
using Connectors.Sync.State;

namespace Connectors.Sync.Engine.Tests.Harness;

/// <summary>
/// The least a Sitoo Events receiver must do, in process: store each event of a batch in the inbox, then wake
/// the engine and answer 200 (the hosted receivers in Connectors.Hosting do the same over HTTP, with auth).
/// </summary>
internal sealed class InboxReceiver(Func<IConnectorStore> store, Func<IInboxSignal> signal) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        foreach (var sitooEvent in SitooEventParser.Parse(body))
        {
            await store().Inbox.StoreAsync(
                new InboxDelivery(InboxSources.Sitoo, sitooEvent.EventId, sitooEvent.EventType.Value, body, new Dictionary<string, string>()),
                cancellationToken);
        }

        signal().Notify(InboxSources.Sitoo);
        return new HttpResponseMessage(HttpStatusCode.OK);
    }
}
