using Connectors.Shopware;
using Connectors.Shopware.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Shopware Admin API client.</summary>
public static class ShopwareServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IShopwareAdminClient"/> configured by a delegate; options are validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets base address, credentials and resilience.</param>
    /// <returns>The builder of the underlying HttpClient, for further handlers or a custom primary handler.</returns>
    public static IHttpClientBuilder AddShopwareAdminApi(this IServiceCollection services, Action<ShopwareAdminApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ShopwareAdminApiOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Registers <see cref="IShopwareAdminClient"/> bound to a configuration section (e.g. <c>Shopware</c>); options are validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>BaseAddress</c>, <c>ClientId</c>, <c>ClientSecret</c> and optionally <c>Resilience</c>.</param>
    /// <returns>The builder of the underlying HttpClient.</returns>
    public static IHttpClientBuilder AddShopwareAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ShopwareAdminApiOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<ShopwareAdminApiOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopwareAdminApiOptions>, ShopwareAdminApiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShopwareTokenProvider>();
        services.TryAddTransient<ShopwareAuthenticationHandler>();
        services.TryAddTransient<IShopwareAdminClient, ShopwareAdminClient>();

        var builder = services
            .AddHttpClient(ShopwareAdminClient.HttpClientName, (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptionsMonitor<ShopwareAdminApiOptions>>().CurrentValue;
                client.BaseAddress = options.BaseAddress;
                // Polly's timeouts govern; HttpClient's own 100 s default must not cut them short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            });
        builder.AddResilienceHandler("shopware", ShopwareResiliencePipeline.Configure);
        builder.AddHttpMessageHandler<ShopwareAuthenticationHandler>();
        return builder;
    }
}
