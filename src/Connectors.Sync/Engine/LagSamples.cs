using NodaTime;

namespace Connectors.Sync.Engine;

/// <summary>
/// Lag of the last 15 minutes in fixed memory: one log-scale histogram per minute, 15 of them in a ring. A percentile is
/// read by adding the histograms up, never by sorting samples, and an outage older than the window no longer shows.
/// </summary>
/// <remarks>
/// Buckets grow by 4 %: a percentile is the upper edge of the bucket holding it, so it is at most 4 % above the exact
/// value (and never above the largest sample of the window). Lags from 1 ms to about 11 days are told apart.
/// </remarks>
public sealed class LagSamples
{
    /// <summary>How far back the percentiles look.</summary>
    public static Duration Window { get; } = Duration.FromMinutes(Slots);

    private const int Slots = 15;
    private const int Buckets = 530;
    private const double Growth = 1.04;
    private static readonly double LogGrowth = Math.Log(Growth);
    private static readonly long SlotTicks = Duration.FromMinutes(1).BclCompatibleTicks;

    private readonly IClock _clock;
    private readonly Lock _gate = new();
    private readonly long[][] _counts = [.. Enumerable.Range(0, Slots).Select(_ => new long[Buckets])];
    private readonly long[] _minuteOfSlot = [.. Enumerable.Repeat(long.MinValue, Slots)];
    private readonly double[] _maxOfSlot = new double[Slots];

    /// <summary>Creates an empty window moving with <paramref name="clock"/>.</summary>
    /// <param name="clock">The clock that says which minute a sample falls in.</param>
    public LagSamples(IClock clock) => _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>How many samples the window holds.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                var current = Minute();
                return LiveSlots(current).Sum(slot => _counts[slot].Sum());
            }
        }
    }

    /// <summary>The given percentile (0–100) of the window's samples, in milliseconds; <see langword="null"/> when it holds none.</summary>
    /// <param name="percentile">E.g. 50 or 99.</param>
    public double? Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var merged = new long[Buckets];
        double max = 0;
        lock (_gate)
        {
            foreach (var slot in LiveSlots(Minute()))
            {
                var counts = _counts[slot];
                for (var bucket = 0; bucket < Buckets; bucket++)
                {
                    merged[bucket] += counts[bucket];
                }

                max = Math.Max(max, _maxOfSlot[slot]);
            }
        }

        var total = merged.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * total));
        long seen = 0;
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            seen += merged[bucket];
            if (seen >= rank)
            {
                return Math.Min(UpperEdge(bucket), max);
            }
        }

        return max;
    }

    internal void Add(TimeSpan lag)
    {
        var milliseconds = Math.Max(0, lag.TotalMilliseconds);
        lock (_gate)
        {
            var minute = Minute();
            var slot = (int)(((minute % Slots) + Slots) % Slots);
            if (_minuteOfSlot[slot] != minute)
            {
                // The slot last held a minute that has left the window: start it afresh.
                Array.Clear(_counts[slot]);
                _minuteOfSlot[slot] = minute;
                _maxOfSlot[slot] = 0;
            }

            _counts[slot][Bucket(milliseconds)]++;
            _maxOfSlot[slot] = Math.Max(_maxOfSlot[slot], milliseconds);
        }
    }

    /// <summary>Bucket 0 holds lags below 1 ms; bucket b ≥ 1 holds [1.04^(b−1), 1.04^b) ms.</summary>
    private static int Bucket(double milliseconds) =>
        milliseconds < 1 ? 0 : Math.Min(Buckets - 1, 1 + (int)Math.Floor(Math.Log(milliseconds) / LogGrowth));

    private static double UpperEdge(int bucket) => bucket == 0 ? 1 : Math.Pow(Growth, bucket);

    private long Minute() => _clock.GetCurrentInstant().ToUnixTimeTicks() / SlotTicks;

    private IEnumerable<int> LiveSlots(long currentMinute) =>
        Enumerable.Range(0, Slots).Where(slot => _minuteOfSlot[slot] > currentMinute - Slots && _minuteOfSlot[slot] <= currentMinute);
}
