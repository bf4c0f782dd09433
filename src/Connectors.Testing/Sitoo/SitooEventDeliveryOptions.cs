namespace Connectors.Testing.Sitoo;

/// <summary>
/// Retry behaviour of the Events SPI. Sitoo documents "up to 10 retries in the first hour, then hourly, about
/// 24 hours in all"; the exact spacing is not documented, so the defaults spread the first-hour retries evenly.
/// </summary>
public sealed record SitooEventDeliveryOptions
{
    /// <summary>The most events in one delivery; Sitoo sends at most 10.</summary>
    public int MaxBatchSize { get; init; } = 10;

    /// <summary>How many retries happen in the first hour after the first attempt.</summary>
    public int FirstHourRetries { get; init; } = 10;

    /// <summary>The spacing of retries after the first hour.</summary>
    public TimeSpan LaterRetryInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long after its first attempt a batch is retried before its events are dropped.</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long the receiver has to answer before the attempt counts as failed; Sitoo waits 15 seconds.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The chance, from 0 to 1, that a batch is lost on the way although the simulator counts it as delivered.</summary>
    public double DropProbability { get; init; }

    /// <summary>The chance, from 0 to 1, that an acknowledged batch is sent a second time.</summary>
    public double DuplicateProbability { get; init; }

    /// <summary>The chance, from 0 to 1, that the events of a batch are sent out of chronological order.</summary>
    public double ReorderProbability { get; init; }

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    internal TimeSpan RetryDelay(int retry) =>
        retry <= FirstHourRetries ? TimeSpan.FromHours(1) / Math.Max(FirstHourRetries, 1) : LaterRetryInterval;
}
