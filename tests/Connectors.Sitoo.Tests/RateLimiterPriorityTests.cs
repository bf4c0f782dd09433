using Connectors.Sitoo.Http;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Sitoo.Tests;

/// <summary>The Sitoo client's token bucket, on a fake clock: its refills, its priorities and its queue limit.</summary>
public sealed class RateLimiterPriorityTests
{
    [Fact]
    public async Task An_urgent_call_gets_the_next_permit_ahead_of_ordinary_calls_that_waited_longer()
    {
        var time = new FakeTimeProvider();
        var limiter = Limiter(time, perSecond: 2);
        var granted = new List<string>();

        // The bucket's two permits go; four ordinary calls start waiting, then one urgent call.
        (await limiter.AcquireAsync(default)).Dispose();
        (await limiter.AcquireAsync(default)).Dispose();
        var ordinary = Enumerable.Range(1, 4).Select(i => AcquireAsync(limiter, $"ordinary-{i}", granted, urgent: false)).ToList();
        var urgent = AcquireAsync(limiter, "urgent", granted, urgent: true);

        for (var refill = 1; refill <= 5; refill++)
        {
            time.Advance(TimeSpan.FromSeconds(0.5));
            await UntilAsync(() => Count(granted) == refill);
        }

        await Task.WhenAll([.. ordinary, urgent]);
        Assert.Equal("urgent", granted[0]);
        Assert.Equal(5, granted.Count);
    }

    [Fact]
    public async Task A_call_beyond_the_bucket_waits_for_the_registered_clock_to_refill_it()
    {
        var time = new FakeTimeProvider();
        var limiter = Limiter(time, perSecond: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await limiter.AcquireAsync(default)).IsAcquired);
        }

        var fourth = limiter.AcquireAsync(default).AsTask();
        await Task.Yield();
        Assert.False(fourth.IsCompleted);

        time.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 3));
        Assert.True((await fourth).IsAcquired);
    }

    [Fact]
    public async Task Calls_beyond_the_queue_limit_are_refused_at_once()
    {
        var time = new FakeTimeProvider();
        var limiter = Limiter(time, perSecond: 1, queueLimit: 1);
        Assert.True((await limiter.AcquireAsync(default)).IsAcquired);

        var waiting = limiter.AcquireAsync(default).AsTask();
        var refused = await limiter.AcquireAsync(default);

        Assert.False(refused.IsAcquired);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await waiting).IsAcquired);
    }

    [Fact]
    public void The_urgent_scope_ends_where_it_was_disposed()
    {
        Assert.False(SitooCallPriority.IsUrgent);
        using (SitooCallPriority.BeginUrgent())
        {
            Assert.True(SitooCallPriority.IsUrgent);
        }

        Assert.False(SitooCallPriority.IsUrgent);
    }

    private static SitooRequestRateLimiter Limiter(TimeProvider time, int perSecond, int queueLimit = 1000)
    {
        var options = new SitooApiOptions();
        options.Resilience.RequestsPerSecond = perSecond;
        options.Resilience.RateLimiterQueueLimit = queueLimit;
        return new SitooRequestRateLimiter(options.Resilience, time);
    }

    private static int Count(List<string> granted)
    {
        lock (granted)
        {
            return granted.Count;
        }
    }

    /// <summary>Lets the continuations the last clock move released run, for at most ten seconds of real time.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(1, limit.Token);
        }
    }

    private static async Task AcquireAsync(SitooRequestRateLimiter limiter, string name, List<string> granted, bool urgent)
    {
        await Task.Yield();
        using var scope = urgent ? SitooCallPriority.BeginUrgent() : default;
        using var lease = await limiter.AcquireAsync(default);
        Assert.True(lease.IsAcquired);
        lock (granted)
        {
            granted.Add(name);
        }
    }
}
