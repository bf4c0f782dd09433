using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Connectors.Shopware.Internal;

/// <summary>
/// Total timeout → retry → rate limiter (each attempt takes a permit) → circuit breaker → attempt timeout, from <see cref="ShopwareResilienceOptions"/>.
/// The rate limiter sees each request (<c>args.Context.GetRequestMessage()</c>), so a per-lane limiter can replace it later.
/// </summary>
internal static class ShopwareResiliencePipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<ShopwareAdminApiOptions>>().CurrentValue.Resilience;
        pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "shopware-total-timeout" });

        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    ShopwareRequestProperties.IsSet(args.Context.GetRequestMessage(), ShopwareRequestProperties.SafeToRetry)
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            });
        }

        // Inside the retry: every attempt takes a permit, because the server counts attempts, not logical calls.
        if (options.RateLimitPerSecond is { } perSecond)
        {
            var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = options.RateLimitQueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = false,
            });
            // Refilled by a timer of the registered TimeProvider, the clock the retries wait on, rather than the
            // limiter's own timer on real time: a test moves one clock with rate limiting on.
            var refill = pipeline.TimeProvider.CreateTimer(_ => limiter.TryReplenish(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            context.OnPipelineDisposed(() =>
            {
                refill.Dispose();
                limiter.Dispose();
            });
            pipeline.AddRateLimiter(new HttpRateLimiterStrategyOptions
            {
                RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            });
        }

        if (options.CircuitBreakerEnabled)
        {
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                BreakDuration = options.CircuitBreakerBreakDuration,
            });
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "shopware-attempt-timeout" });
    }
}
