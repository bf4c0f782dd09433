using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

    /// <summary>
    /// Replaces a policy (one of <see cref="ConnectorPolicies.Kinds"/>) with your own. Settings only the default reads
    /// are then ignored, and one that would silently be ignored (e.g. <c>Orders:DiscountProductSku</c> beside your own
    /// <see cref="Core.Orders.IPromotionPolicy"/>) is refused at start. To keep the default and decide only some cases,
    /// use <see cref="DecoratePolicy{TPolicy}"/>.
    /// </summary>
    /// <typeparam name="TPolicy">The policy interface.</typeparam>
    /// <param name="create">Creates your policy, once, from the container.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TPolicy"/> is not a connector policy.</exception>
    public ConnectorBuilder UsePolicy<TPolicy>(Func<IServiceProvider, TPolicy> create)
        where TPolicy : class
    {
        ArgumentNullException.ThrowIfNull(create);
        ConnectorPolicies.RequireKind(typeof(TPolicy));
        Services.Replace(ServiceDescriptor.Singleton(create));
        ConnectorPolicies.Of(Services).NoteReplaced(typeof(TPolicy));
        return this;
    }

    /// <summary>
    /// Wraps the registered policy (the default, or yours) in your own, which decides the cases it cares about and
    /// hands the rest to the one it wraps. SKU overrides still apply after any line classifier.
    /// </summary>
    /// <typeparam name="TPolicy">The policy interface, one of <see cref="ConnectorPolicies.Kinds"/>.</typeparam>
    /// <param name="decorate">Creates your policy from the container and the policy it wraps.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TPolicy"/> is not a connector policy.</exception>
    public ConnectorBuilder DecoratePolicy<TPolicy>(Func<IServiceProvider, TPolicy, TPolicy> decorate)
        where TPolicy : class
    {
        ArgumentNullException.ThrowIfNull(decorate);
        ConnectorPolicies.RequireKind(typeof(TPolicy));
        var inner = Services.Last(d => d.ServiceType == typeof(TPolicy));
        Services.Replace(ServiceDescriptor.Singleton(provider => decorate(provider, (TPolicy)Create(inner, provider))));
        return this;
    }

    private static object Create(ServiceDescriptor registered, IServiceProvider provider) =>
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!);
}
