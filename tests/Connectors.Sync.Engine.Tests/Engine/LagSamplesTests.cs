using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Engine.Tests.Engine;

public sealed class LagSamplesTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 1, 9, 0);

    [Property(MaxTest = 200)]
    public bool A_percentile_is_at_most_four_percent_above_the_exact_one_and_never_below(int[] raw, byte percentileByte)
    {
        var milliseconds = (raw ?? []).Select(v => (double)(Math.Abs((long)v) % 5_000_000)).ToArray();
        var percentile = percentileByte % 101;
        var lags = new LagSamples(new FakeClock(Start));
        foreach (var ms in milliseconds)
        {
            lags.Add(TimeSpan.FromMilliseconds(ms));
        }

        var read = lags.Percentile(percentile);
        if (milliseconds.Length == 0)
        {
            return read is null;
        }

        Array.Sort(milliseconds);
        var exact = milliseconds[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * milliseconds.Length) - 1, 0, milliseconds.Length - 1)];
        return read >= exact && read <= Math.Max(1, exact * 1.04) + 1e-9 && lags.Count == milliseconds.Length;
    }

    [Fact]
    public void Samples_older_than_the_window_no_longer_count()
    {
        var clock = new FakeClock(Start);
        var lags = new LagSamples(clock);
        lags.Add(TimeSpan.FromMinutes(10));    // an outage's lag
        clock.Advance(Duration.FromMinutes(5));
        lags.Add(TimeSpan.FromMilliseconds(800));
        Assert.Equal(600_000, lags.Percentile(100));

        clock.Advance(Duration.FromMinutes(11));
        Assert.Equal((1, 800d), (lags.Count, lags.Percentile(100)));

        clock.Advance(Duration.FromMinutes(5));
        Assert.Equal((0, (double?)null), (lags.Count, lags.Percentile(50)));
    }

    [Fact]
    public void A_slot_reused_a_window_later_starts_empty()
    {
        var clock = new FakeClock(Start);
        var lags = new LagSamples(clock);
        lags.Add(TimeSpan.FromSeconds(30));
        clock.Advance(LagSamples.Window);
        lags.Add(TimeSpan.FromMilliseconds(100));

        Assert.Equal(1, lags.Count);
        Assert.InRange(lags.Percentile(99)!.Value, 100, 104);
    }
}
