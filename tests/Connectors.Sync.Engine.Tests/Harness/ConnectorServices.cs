using Connectors.Sync.Options;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Harness;

/// <summary>
/// One connector instance as an integrator registers it, pointed at the simulators in process. Without a
/// <c>clock</c> the connector's own default applies (its clock reads the registered TimeProvider).
/// </summary>
internal static class ConnectorServices
{
    public static ServiceProvider Build(
        IClock? clock,
        ShopwareSimulator shop,
        SitooSimulator pos,
        IReadOnlyList<int> warehouses,
        IConnectorStore store,
        Action<ConnectorOptions>? configure,
        Action<IServiceCollection>? addServices,
        string instanceId,
        Action<ConnectorBuilder>? connector = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        var builder = services.AddShopwareSitooConnector(
            options =>
            {
                options.Stock.Locations = [.. warehouses.Select(id => new StockLocationSettings { SitooWarehouseId = id })];
                options.Stock.CoalesceWindow = TimeSpan.FromMilliseconds(500);
                options.Engine.PollInterval = TimeSpan.FromSeconds(5);
                options.Engine.LeaseDuration = TimeSpan.FromSeconds(30);
                options.Engine.RetryBaseDelay = TimeSpan.FromSeconds(1);
                options.Engine.RetryMaxDelay = TimeSpan.FromSeconds(8);
                options.Engine.InstanceId = instanceId;
                options.Finance.DefaultTimeZone = "Europe/Stockholm";
                configure?.Invoke(options);
            },
            shopware =>
            {
                shopware.BaseAddress = new Uri("http://127.0.0.1/");
                shopware.ClientId = shop.ShopOptions.ClientId;
                shopware.ClientSecret = shop.ShopOptions.ClientSecret;
                shopware.Resilience.MaxRetryAttempts = 0;
                shopware.Resilience.CircuitBreakerEnabled = false;
            },
            sitoo =>
            {
                sitoo.BaseAddress = new Uri("http://127.0.0.1/");
                sitoo.AccountId = pos.Sitoo.AccountId;
                sitoo.SiteId = pos.Sitoo.EshopId;
                sitoo.ApiId = pos.Sitoo.ApiId;
                sitoo.Password = pos.Sitoo.Password;
                sitoo.Resilience.RateLimiterEnabled = false;
                sitoo.Resilience.MaxRetryAttempts = 0;
            });
        builder.ShopwareHttpClient.ConfigurePrimaryHttpMessageHandler(() => shop.CreateHandler());
        builder.SitooHttpClient.ConfigurePrimaryHttpMessageHandler(() => pos.CreateHandler());
        services.AddSingleton(store);
        connector?.Invoke(builder);
        addServices?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        return provider;
    }
}
