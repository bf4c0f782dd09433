using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Connectors.Sitoo.Http;

/// <summary>Turns failures without an answer into <see cref="SitooUnavailableException"/>, so callers see no
/// Refit or Polly types. Cancellation by the caller stays an <see cref="OperationCanceledException"/>.</summary>
internal static class SitooTransportFailure
{
    public static Exception Translate(HttpRequestMessage request, Exception exception, CancellationToken cancellationToken)
    {
        var what = $"{request?.Method} {request?.RequestUri?.AbsolutePath}";
        return exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => exception,
            BrokenCircuitException broken => new SitooUnavailableException($"Sitoo calls are paused after repeated failures ({what}).", null, broken),
            RateLimiterRejectedException limited => new SitooUnavailableException($"The client-side rate limiter had no room for {what}.", limited.RetryAfter, limited),
            TimeoutRejectedException timeout => new SitooUnavailableException($"Sitoo did not answer {what} in time.", null, timeout),
            HttpRequestException or OperationCanceledException => new SitooUnavailableException($"Sitoo could not be reached for {what}: {exception.Message}", null, exception),
            _ => exception,
        };
    }
}
