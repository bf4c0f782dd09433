namespace Connectors.Benchmarks.EndToEnd;

/// <summary>Samples the process's working set and managed heap a few times a second and keeps the peaks.</summary>
internal sealed class ResourceSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peakWorkingSet;
    private long _peakHeap;

    /// <summary>Starts sampling at once.</summary>
    public ResourceSampler()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
    }

    /// <summary>The largest working set seen, in bytes.</summary>
    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    /// <summary>The largest managed heap seen (bytes in use, garbage included until collected).</summary>
    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    /// <inheritdoc />
    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }

    private void Sample()
    {
        Raise(ref _peakWorkingSet, Environment.WorkingSet);
        Raise(ref _peakHeap, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Raise(ref long peak, long value)
    {
        var seen = Interlocked.Read(ref peak);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref peak, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
