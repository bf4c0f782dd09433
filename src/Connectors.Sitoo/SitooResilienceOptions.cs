namespace Connectors.Sitoo;

/// <summary>How the client copes with a slow or overloaded Sitoo. Sitoo publishes no rate limit, so the
/// defaults are conservative guesses; tune them against your account.</summary>
public sealed class SitooResilienceOptions
{
    /// <summary>Retries after a transient failure (429, 5xx, timeouts) of a call that is safe to repeat
    /// (GET and PUT; POST creates and is never retried). Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay; grows exponentially with jitter. Default 2 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between attempts, also when the server asks for more. Default 2 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Timeout of one attempt. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a call including every retry. Default 5 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of failed calls within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open. Default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>Window in which failures are counted. Default 60 s.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit rejects calls. Default 30 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the client-side rate limiter is on. Default on.</summary>
    public bool RateLimiterEnabled { get; set; } = true;

    /// <summary>Requests per second the client allows itself (token bucket). A guess, as Sitoo documents none. Default 3.</summary>
    public int RequestsPerSecond { get; set; } = 3;

    /// <summary>Requests that may wait for a permit before the limiter rejects. Default 1000.</summary>
    public int RateLimiterQueueLimit { get; set; } = 1000;

    /// <summary>Response header read for the wait when <c>Retry-After</c> is missing. Its meaning is not documented:
    /// a value below 10^9 is taken as seconds to wait, a larger one as the Unix time of the reset. Default <c>X-Rate-Limit-Reset</c>.</summary>
    public string RateLimitResetHeader { get; set; } = "X-Rate-Limit-Reset";
}
