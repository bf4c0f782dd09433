using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Connectors.Sitoo.Http;

/// <summary>
/// The client-side token bucket shared by every Sitoo call of the application. Sitoo publishes no limit, so the rate is a
/// configurable guess. Urgent calls (<see cref="SitooCallPriority"/>) queue for a permit; ordinary calls take one only
/// while no urgent call is waiting, so stock never queues behind a backlog of exports.
/// </summary>
internal sealed class SitooRequestRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly TimeSpan _oneToken;
    private int _urgentWaiting;

    public SitooRequestRateLimiter(IOptions<SitooApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resilience = options.Value.Resilience;
        _oneToken = TimeSpan.FromSeconds(1.0 / resilience.RequestsPerSecond);
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

    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        if (SitooCallPriority.IsUrgent)
        {
            Interlocked.Increment(ref _urgentWaiting);
            try
            {
                return await _bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _urgentWaiting);
            }
        }

        // An ordinary call never queues ahead of an urgent one: it tries once per token's worth of time. (The bucket also
        // refuses an attempt while urgent calls are queued in it.)
        while (true)
        {
            if (Volatile.Read(ref _urgentWaiting) == 0)
            {
                var lease = _bucket.AttemptAcquire(1);
                if (lease.IsAcquired)
                {
                    return lease;
                }

                lease.Dispose();
            }

            await Task.Delay(_oneToken, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _bucket.Dispose();
}
