namespace Connectors.Sitoo;

/// <summary>The call did not get an answer from Sitoo: the network failed, an attempt or the whole call timed
/// out, the circuit breaker is open after repeated failures, or the client-side rate limiter had no room.
/// Try again later; for a create, check whether it was applied before repeating it.</summary>
public sealed class SitooUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="retryAfter">When trying again makes sense, if known.</param>
    /// <param name="innerException">The transport or resilience failure.</param>
    public SitooUnavailableException(string message, TimeSpan? retryAfter, Exception innerException)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>When trying again makes sense, if known (the rate limiter says).</summary>
    public TimeSpan? RetryAfter { get; }
}
