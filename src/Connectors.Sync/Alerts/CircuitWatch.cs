using Polly.CircuitBreaker;

namespace Connectors.Sync.Alerts;

/// <summary>
/// The outermost handler of an API client: sees the open circuit breaker's refusals (which never reach the handlers
/// inside it) and every answer, and reports both to <see cref="AlertSignals"/>.
/// </summary>
internal sealed class CircuitWatch(string system, AlertSignals signals) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            signals.CallAnswered(system);
            return response;
        }
        catch (BrokenCircuitException)
        {
            signals.CallRefusedByOpenCircuit(system);
            throw;
        }
    }
}
