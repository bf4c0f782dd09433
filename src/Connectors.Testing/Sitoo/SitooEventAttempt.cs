using NodaTime;

namespace Connectors.Testing.Sitoo;

/// <summary>What became of one attempt to deliver a batch of events.</summary>
public enum SitooEventOutcome
{
    /// <summary>The receiver answered 200; the events are done.</summary>
    Acknowledged,

    /// <summary>The receiver answered 429, a 5xx, something other than 200, or nothing in time; the batch is retried and blocks the queue.</summary>
    WillRetry,

    /// <summary>The receiver answered a 4xx other than 429; the events are dropped without retry.</summary>
    Rejected,

    /// <summary>The batch failed past the retry window; the events are dropped.</summary>
    Expired,

    /// <summary>An injected fault lost the batch on the way; the simulator believes it was delivered.</summary>
    LostInTransit,

    /// <summary>An injected fault sent an acknowledged batch a second time.</summary>
    Duplicate,
}

/// <summary>One delivery attempt of the Events SPI.</summary>
/// <param name="At">When the attempt was made, on the simulator's clock.</param>
/// <param name="EventIds">The events of the batch, in the order they were sent.</param>
/// <param name="Status">The receiver's status code, or <see langword="null"/> when it did not answer.</param>
/// <param name="Outcome">What the simulator did next.</param>
public sealed record SitooEventAttempt(Instant At, IReadOnlyList<string> EventIds, int? Status, SitooEventOutcome Outcome);
