namespace Connectors.Shopware;

/// <summary>Settings of the Shopware Admin API client, usually bound from the <c>Shopware</c> configuration section.</summary>
public sealed class ShopwareAdminApiOptions
{
    /// <summary>The largest page size Shopware accepts by default (<c>shopware.api.max_limit</c>).</summary>
    public const int DefaultMaxPageSize = 500;

    /// <summary>Shop root URL, e.g. <c>https://shop.example.com</c>; the client appends <c>/api</c>. Must be https, except on loopback.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Integration "Access key ID" (starts with <c>SWIA</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>Integration "Secret access key". Never logged and never part of <see cref="ToString"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Largest search page the shop accepts; raise only if the shop raised <c>shopware.api.max_limit</c>.</summary>
    public int MaxPageSize { get; set; } = DefaultMaxPageSize;

    /// <summary>A cached token is renewed this long before its <c>expires_in</c> runs out.</summary>
    public TimeSpan TokenExpirySkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries, circuit breaker, timeouts and the optional client-side rate limiter.</summary>
    public ShopwareResilienceOptions Resilience { get; set; } = new();

    /// <inheritdoc />
    public override string ToString()
        => $"ShopwareAdminApiOptions {{ BaseAddress = {BaseAddress}, ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(not set)" : "***")}, MaxPageSize = {MaxPageSize} }}";
}
