using Microsoft.Extensions.Options;

namespace Connectors.Shopware;

/// <summary>Rejects unusable settings at start-up instead of at the first request.</summary>
internal sealed class ShopwareAdminApiOptionsValidator : IValidateOptions<ShopwareAdminApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopwareAdminApiOptions options)
    {
        var failures = new List<string>();
        var address = options.BaseAddress;
        if (address is null || !address.IsAbsoluteUri)
        {
            failures.Add("Shopware BaseAddress must be an absolute URL.");
        }
        else if (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && address.IsLoopback))
        {
            failures.Add("Shopware BaseAddress must use https (plain http is allowed for loopback hosts only).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Shopware ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Shopware ClientSecret is required.");
        }

        if (options.MaxPageSize < 1)
        {
            failures.Add("Shopware MaxPageSize must be at least 1.");
        }

        if (options.TokenExpirySkew < TimeSpan.Zero)
        {
            failures.Add("Shopware TokenExpirySkew must not be negative.");
        }

        ValidateResilience(options.Resilience, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateResilience(ShopwareResilienceOptions resilience, List<string> failures)
    {
        if (resilience.MaxRetryAttempts < 0)
        {
            failures.Add("Shopware Resilience.MaxRetryAttempts must not be negative.");
        }

        if (resilience.AttemptTimeout <= TimeSpan.Zero || resilience.TotalTimeout < resilience.AttemptTimeout)
        {
            failures.Add("Shopware Resilience timeouts must be positive and TotalTimeout must not be shorter than AttemptTimeout.");
        }

        if (resilience.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add("Shopware Resilience.CircuitBreakerFailureRatio must be in (0, 1].");
        }

        if (resilience.RateLimitPerSecond is < 1)
        {
            failures.Add("Shopware Resilience.RateLimitPerSecond must be at least 1 when set.");
        }

        if (resilience.RateLimitQueueLimit < 0)
        {
            failures.Add("Shopware Resilience.RateLimitQueueLimit must not be negative.");
        }
    }
}
