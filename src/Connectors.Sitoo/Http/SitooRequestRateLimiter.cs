using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Connectors.Sitoo.Http;

/// <summary>The client-side token bucket shared by every Sitoo call of the application. Sitoo publishes no
/// limit, so the rate is a configurable guess. The pipeline calls it with the request at hand, so a later version can give
/// requests of a priority lane (e.g. stock) their own share without changing callers.</summary>
internal sealed class SitooRequestRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;

    public SitooRequestRateLimiter(IOptions<SitooApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resilience = options.Value.Resilience;
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = resilience.RequestsPerSecond,
            TokensPerPeriod = resilience.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = resilience.RateLimiterQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) =>
        _bucket.AcquireAsync(1, cancellationToken);

    public void Dispose() => _bucket.Dispose();
}
