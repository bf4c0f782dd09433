using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Sync;

/// <summary>
/// What <see cref="ConnectorServiceCollectionExtensions.AddShopwareSitooConnector(IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>
/// registered: the services, and the HTTP clients of both APIs for further configuration (handlers, proxies).
/// State store packages add <c>Use…</c> extension methods to it.
/// </summary>
/// <param name="services">The service collection.</param>
/// <param name="shopwareHttpClient">The Shopware Admin API's HTTP client.</param>
/// <param name="sitooHttpClient">The Sitoo API's HTTP client.</param>
public sealed class ConnectorBuilder(IServiceCollection services, IHttpClientBuilder shopwareHttpClient, IHttpClientBuilder sitooHttpClient)
{
    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>The Shopware Admin API's HTTP client.</summary>
    public IHttpClientBuilder ShopwareHttpClient { get; } = shopwareHttpClient;

    /// <summary>The Sitoo API's HTTP client.</summary>
    public IHttpClientBuilder SitooHttpClient { get; } = sitooHttpClient;
}
