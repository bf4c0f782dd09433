using System.Text.Json;

namespace Connectors.Hosting.Tests;

/// <summary>
/// Sits between the Sitoo simulator and the network; when the receiver answers 200 it runs a probe with the batch's
/// event ids before handing the answer on, i.e. at the moment the acknowledgement exists.
/// </summary>
internal sealed class ProbeOn200Handler(Func<IReadOnlyList<string>, Task> probe) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode == 200)
        {
            using var json = JsonDocument.Parse(body);
            await probe([.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("event_id").GetString()!)]);
        }
        return response;
    }
}
