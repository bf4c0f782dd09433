using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Connectors.Sync;

namespace Connectors.Hosting.Tests;

/// <summary>The inbox signal is a wake-up call, not part of storing: its failure never costs the sender its 200.</summary>
public sealed class InboxSignalTests
{
    [Fact]
    public async Task A_failing_signal_still_answers_200_with_the_delivery_stored()
    {
        await using var host = await HostedConnector.StartAsync(new ThrowingSignal());
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Url("webhooks/sitoo"))
        {
            Content = new StringContent("""[{"event_id":"e-1","event_type":"order","data":{}}]""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(HostedConnector.SitooUser + ":" + HostedConnector.SitooPassword)));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await host.Store.Inbox.FindAsync(InboxSources.Sitoo, "e-1", CancellationToken.None));
    }

    private sealed class ThrowingSignal : IInboxSignal
    {
        public void Notify(string source) => throw new InvalidOperationException("The engine is not running.");
    }
}
