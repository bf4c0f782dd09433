namespace Connectors.Shopware;

/// <summary>How the client copes with a slow or failing shop. Every part can be tuned or switched off.</summary>
public sealed class ShopwareResilienceOptions
{
    /// <summary>Retries of a request that is safe to repeat (reads, searches, idempotent sync upserts); 0 disables retries.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the exponential back-off (with jitter). A <c>Retry-After</c> header takes precedence.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time limit of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of a call including all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether the circuit breaker is on.</summary>
    public bool CircuitBreakerEnabled { get; set; } = true;

    /// <summary>Share of failed attempts within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Window in which the circuit breaker counts failures.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Minimum attempts within the window before the circuit may open.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>How long the circuit stays open before a trial request.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Client-side limit in requests per second; <see langword="null"/> (default) means no limit.</summary>
    public int? RateLimitPerSecond { get; set; }

    /// <summary>Requests allowed to wait for a permit when the rate limit is reached; more are rejected at once.</summary>
    public int RateLimitQueueLimit { get; set; } = 100;
}
