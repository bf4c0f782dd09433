using Microsoft.Extensions.Options;

namespace Connectors.Sitoo;

/// <summary>Checks <see cref="SitooApiOptions"/> at start-up; messages never contain the password.</summary>
internal sealed class SitooApiOptionsValidator : IValidateOptions<SitooApiOptions>
{
    public ValidateOptionsResult Validate(string? name, SitooApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var address = options.BaseAddress;
        if (address is null || !address.IsAbsoluteUri)
        {
            failures.Add("BaseAddress must be an absolute URI such as https://api.mysitoo.com/.");
        }
        else
        {
            if (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && address.IsLoopback))
            {
                failures.Add("BaseAddress must use https (plain http is allowed only for loopback hosts).");
            }
            if (address.AbsolutePath != "/" || address.Query.Length > 0)
            {
                failures.Add("BaseAddress is scheme and host only; the client adds /v2/accounts/{AccountId}/ itself.");
            }
        }
        if (options.AccountId <= 0)
        {
            failures.Add("AccountId must be the positive account number (the part of the API id before the dash).");
        }
        if (options.SiteId <= 0)
        {
            failures.Add("SiteId must be the positive integer eshopid of the site.");
        }
        if (string.IsNullOrWhiteSpace(options.ApiId))
        {
            failures.Add("ApiId is required.");
        }
        if (string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Password is required.");
        }
        if (options.PageSize < 1)
        {
            failures.Add("PageSize must be at least 1.");
        }
        if (options.FilterValuesPerRequest < 1)
        {
            failures.Add("FilterValuesPerRequest must be at least 1.");
        }
        if (options.WarehouseTransactionsPerRequest is < 1 or > SitooApiOptions.MaxWarehouseTransactionsPerRequest)
        {
            failures.Add($"WarehouseTransactionsPerRequest must be between 1 and {SitooApiOptions.MaxWarehouseTransactionsPerRequest}.");
        }
        ValidateResilience(options.Resilience, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateResilience(SitooResilienceOptions? resilience, List<string> failures)
    {
        if (resilience is null)
        {
            failures.Add("Resilience is required.");
            return;
        }
        if (resilience.MaxRetryAttempts < 0)
        {
            failures.Add("Resilience.MaxRetryAttempts must not be negative.");
        }
        if (resilience.RetryBaseDelay < TimeSpan.Zero || resilience.MaxRetryDelay < resilience.RetryBaseDelay)
        {
            failures.Add("Resilience.RetryBaseDelay must not be negative nor above MaxRetryDelay.");
        }
        if (resilience.AttemptTimeout <= TimeSpan.Zero || resilience.TotalTimeout < resilience.AttemptTimeout)
        {
            failures.Add("Resilience.AttemptTimeout must be positive and not above TotalTimeout.");
        }
        if (resilience.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add("Resilience.CircuitBreakerFailureRatio must be in (0, 1].");
        }
        if (resilience.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add("Resilience.CircuitBreakerMinimumThroughput must be at least 2.");
        }
        if (resilience.CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || resilience.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add("Resilience circuit breaker durations must be at least 0.5 s.");
        }
        if (resilience.RequestsPerSecond < 1 || resilience.RateLimiterQueueLimit < 0)
        {
            failures.Add("Resilience.RequestsPerSecond must be at least 1 and RateLimiterQueueLimit not negative.");
        }
        if (string.IsNullOrWhiteSpace(resilience.RateLimitResetHeader))
        {
            failures.Add("Resilience.RateLimitResetHeader is required.");
        }
    }
}
