using System.Diagnostics.CodeAnalysis;
using Connectors.Hosting.Dashboard;
using Connectors.Hosting.Webhooks;
using Connectors.Sync;
using Connectors.Shopware.Webhooks;
using Connectors.Sitoo.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connectors.Hosting;

/// <summary>Registers what the connector's web endpoints need.</summary>
public static class ConnectorHostingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConnectorHostingOptions"/> (bound from <c>Connectors:Hosting</c>, validated at start-up), the
    /// webhook receivers, the alert channels configured under <c>Connectors:Hosting:Alerts:Channels</c>, antiforgery and the
    /// dashboard's pages and overview panels. The host registers the
    /// <see cref="Connectors.Sync.State.IConnectorStore"/>; an <see cref="IClock"/> (default: <see cref="TimeProviderClock"/> over the registered <see cref="TimeProvider"/>) and an
    /// <see cref="Connectors.Sync.IInboxSignal"/> are used when registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration (its root).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddConnectorHosting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConnectorHostingOptions>().Bind(configuration.GetSection(ConnectorHostingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorHostingOptions>, ConnectorHostingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(provider => new TimeProviderClock(provider.GetRequiredService<TimeProvider>()));
        services.AddAntiforgery();

        services.TryAddSingleton<InboxWriter>();
        services.TryAddSingleton(provider =>
        {
            var sitoo = provider.GetRequiredService<IOptions<ConnectorHostingOptions>>().Value.SitooEvents;
            return new SitooEventsBasicAuthenticator(sitoo.UserName ?? "", sitoo.Password ?? "");
        });
        services.TryAddSingleton<SitooEventsReceiver>();
        services.TryAddSingleton(provider =>
        {
            var shopware = provider.GetRequiredService<IOptions<ConnectorHostingOptions>>().Value.ShopwareWebhooks;
            var verifierOptions = new ShopwareWebhookVerifierOptions
            {
                Secret = shopware.AppSecret ?? "",
                PreviousSecret = shopware.PreviousAppSecret,
                TimestampTolerance = shopware.TimestampTolerance,
            };
            return new ShopwareWebhookSignatureVerifier(verifierOptions, provider.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<ShopwareWebhookReceiver>();
        Alerts.AlertChannelRegistration.Add(services, configuration);

        services.TryAddSingleton<ExceptionActions>();
        services.AddConnectorDashboardPage<OverviewPage>();
        services.AddConnectorDashboardPage<ExceptionsPage>();
        services.AddConnectorDashboardPage<RunsPage>();
        services.AddConnectorDashboardPage<DriftPage>();
        services.AddConnectorDashboardPage<StalledPage>();
        services.AddConnectorDashboardPage<JournalPage>();
        services.AddConnectorDashboardPage<SettlementPage>();
        services.AddConnectorDashboardPage<AlertsPage>();
        services.AddConnectorDashboardPanel<QueueDepthPanel>();
        services.AddConnectorDashboardPanel<InboxBacklogPanel>();
        services.AddConnectorDashboardPanel<OpenExceptionsPanel>();
        services.AddConnectorDashboardPanel<LatestRunsPanel>();
        services.AddConnectorDashboardPanel<CursorsPanel>();
        services.AddConnectorDashboardPanel<SyncLagPanel>();
        return services;
    }

    /// <summary>Adds a page to the dashboard (shown in its navigation, served under its <see cref="IDashboardPage.Path"/>).</summary>
    /// <typeparam name="TPage">The page; a singleton, so keep it stateless.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddConnectorDashboardPage<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPage>(this IServiceCollection services)
        where TPage : class, IDashboardPage
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDashboardPage, TPage>());
        return services;
    }

    /// <summary>Adds a panel to the dashboard's overview page.</summary>
    /// <typeparam name="TPanel">The panel; a singleton, so keep it stateless.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddConnectorDashboardPanel<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPanel>(this IServiceCollection services)
        where TPanel : class, IDashboardPanel
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDashboardPanel, TPanel>());
        return services;
    }
}
