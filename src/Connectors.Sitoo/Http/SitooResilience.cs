using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.RateLimiting;

namespace Connectors.Sitoo.Http;

/// <summary>Builds the resilience pipeline of the Sitoo client, outermost first: total timeout → retry →
/// rate limiter (each attempt takes a permit) → circuit breaker → attempt timeout.</summary>
internal static class SitooResilience
{
    public const string PipelineName = "sitoo";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<SitooApiOptions>>().CurrentValue;
        var resilience = options.Resilience;
        var mapper = new SitooErrorMapper(services.GetRequiredService<TimeProvider>(), resilience.RateLimitResetHeader);

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = resilience.TotalTimeout, Name = "sitoo-total-timeout" });

        var retry = new HttpRetryStrategyOptions
        {
            Name = "sitoo-retry",
            MaxRetryAttempts = resilience.MaxRetryAttempts,
            Delay = resilience.RetryBaseDelay,
            MaxDelay = resilience.MaxRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = false,
        };
        // The server's wait (Retry-After or the reset header) wins over the computed backoff, capped at MaxDelay.
        retry.DelayGenerator = arguments =>
            ValueTask.FromResult(arguments.Outcome.Result is { } response && mapper.RetryAfter(response) is { } wait
                ? (TimeSpan?)(wait < resilience.MaxRetryDelay ? wait : resilience.MaxRetryDelay)
                : null);
        // Creating (POST) is not idempotent; GET and PUT with absolute values are safe to repeat.
        retry.DisableFor(HttpMethod.Post, HttpMethod.Patch);
        if (resilience.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(retry);
        }

        if (resilience.RateLimiterEnabled)
        {
            var limiter = services.GetRequiredService<SitooRequestRateLimiter>();
            pipeline.AddRateLimiter(new RateLimiterStrategyOptions
            {
                Name = "sitoo-rate-limiter",
                RateLimiter = arguments => limiter.AcquireAsync(arguments.Context.CancellationToken),
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "sitoo-circuit-breaker",
            FailureRatio = resilience.CircuitBreakerFailureRatio,
            MinimumThroughput = resilience.CircuitBreakerMinimumThroughput,
            SamplingDuration = resilience.CircuitBreakerSamplingDuration,
            BreakDuration = resilience.CircuitBreakerBreakDuration,
        });

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = resilience.AttemptTimeout, Name = "sitoo-attempt-timeout" });
    }

}
