namespace Connectors.Sync.Engine;

/// <summary>Counts every HTTP call to one system by outcome (status class, or the transport failure).</summary>
internal sealed class ApiCallCounter(string system, EngineTelemetry telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            telemetry.ApiCall(system, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            telemetry.ApiCall(system, failure is TaskCanceledException ? "timeout" : "transport");
            throw;
        }
    }
}
