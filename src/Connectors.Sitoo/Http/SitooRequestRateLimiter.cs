using System.Threading.RateLimiting;
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
    private readonly int _queueLimit;
    private int _ordinaryWaiting;

    public SitooRequestRateLimiter(SitooResilienceOptions resilience)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        _oneToken = TimeSpan.FromSeconds(1.0 / resilience.RequestsPerSecond);
        _queueLimit = resilience.RateLimiterQueueLimit;
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
            return await _bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        // An ordinary call never queues in the bucket: it tries once per token's worth of time, and the bucket refuses
        // the attempt while urgent calls are queued there. Ordinary calls waiting count against the queue limit.
        var waiting = false;
        try
        {
            while (true)
            {
                var lease = _bucket.AttemptAcquire(1);
                if (lease.IsAcquired)
                {
                    return lease;
                }

                if (!waiting && Interlocked.Increment(ref _ordinaryWaiting) > _queueLimit)
                {
                    Interlocked.Decrement(ref _ordinaryWaiting);
                    return lease;
                }

                waiting = true;
                lease.Dispose();
                await Task.Delay(_oneToken, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (waiting)
            {
                Interlocked.Decrement(ref _ordinaryWaiting);
            }
        }
    }

    public void Dispose() => _bucket.Dispose();
}
