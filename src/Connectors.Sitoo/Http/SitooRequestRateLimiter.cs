using System.Threading.RateLimiting;

namespace Connectors.Sitoo.Http;

/// <summary>
/// The client-side token bucket shared by every Sitoo call of the application. Sitoo publishes no limit, so the rate is a
/// configurable guess. Urgent calls (<see cref="SitooCallPriority"/>) go first: an ordinary call takes a permit only while
/// no urgent call is waiting, so stock never queues behind a backlog of exports. The bucket refills on the registered
/// <see cref="TimeProvider"/>, the clock the retries wait on too, so a test moves one clock with rate limiting on.
/// </summary>
internal sealed class SitooRequestRateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(acquired: true);
    private static readonly RateLimitLease Refused = new Lease(acquired: false);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    // Whole ticks, so that a clock moved by exactly one token's time always yields that token.
    private readonly long _ticksPerToken;
    private readonly long _capacityTicks;
    private readonly int _queueLimit;
    private long _creditTicks;
    private long _refilledAt;
    private int _urgentWaiting;
    private int _ordinaryWaiting;

    public SitooRequestRateLimiter(SitooResilienceOptions resilience, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _ticksPerToken = TimeSpan.TicksPerSecond / resilience.RequestsPerSecond;
        _capacityTicks = _ticksPerToken * resilience.RequestsPerSecond;
        _queueLimit = resilience.RateLimiterQueueLimit;
        _creditTicks = _capacityTicks;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>
    /// A permit, once one is free for this call's priority; a refused lease when the calls of its priority already
    /// waiting reach <see cref="SitooResilienceOptions.RateLimiterQueueLimit"/>.
    /// </summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var urgent = SitooCallPriority.IsUrgent;
        var queued = false;
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    Refill();
                    if (_creditTicks >= _ticksPerToken && (urgent || _urgentWaiting == 0))
                    {
                        _creditTicks -= _ticksPerToken;
                        return Granted;
                    }

                    if (!queued)
                    {
                        if ((urgent ? _urgentWaiting : _ordinaryWaiting) >= _queueLimit)
                        {
                            return Refused;
                        }

                        Queue(urgent, +1);
                        queued = true;
                    }

                    // Until the next whole token; an ordinary call that finds it taken by an urgent one waits again.
                    var missing = _ticksPerToken - _creditTicks;
                    wait = TimeSpan.FromTicks(missing > 0 ? missing : _ticksPerToken);
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (queued)
            {
                lock (_gate)
                {
                    Queue(urgent, -1);
                }
            }
        }
    }

    /// <summary>Counts a call of the given priority into or out of its waiting queue (under the gate).</summary>
    private void Queue(bool urgent, int change)
    {
        if (urgent)
        {
            _urgentWaiting += change;
        }
        else
        {
            _ordinaryWaiting += change;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _creditTicks = Math.Min(_capacityTicks, _creditTicks + _time.GetElapsedTime(_refilledAt, now).Ticks);
        _refilledAt = now;
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
