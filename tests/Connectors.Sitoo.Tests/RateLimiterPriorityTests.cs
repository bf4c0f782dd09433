using Connectors.Sitoo.Http;

namespace Connectors.Sitoo.Tests;

public sealed class RateLimiterPriorityTests
{
    [Fact]
    public async Task An_urgent_call_gets_the_next_permit_ahead_of_ordinary_calls_that_waited_longer()
    {
        var options = new SitooApiOptions();
        options.Resilience.RequestsPerSecond = 2;
        using var limiter = new SitooRequestRateLimiter(options.Resilience);
        var granted = new List<string>();

        // The bucket's two permits go; four ordinary calls start waiting, then one urgent call.
        (await limiter.AcquireAsync(default)).Dispose();
        (await limiter.AcquireAsync(default)).Dispose();
        var ordinary = Enumerable.Range(1, 4).Select(i => AcquireAsync(limiter, $"ordinary-{i}", granted, urgent: false)).ToList();
        await Task.Delay(100);
        var urgent = AcquireAsync(limiter, "urgent", granted, urgent: true);

        await Task.WhenAll([.. ordinary, urgent]);

        // First come, first served would grant it last. It may lose at most one refill (two permits) that fell between
        // its start and its queueing, so it comes before at least two of the ordinary calls that waited longer.
        Assert.InRange(granted.IndexOf("urgent"), 0, 2);
        Assert.Equal(5, granted.Count);
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
