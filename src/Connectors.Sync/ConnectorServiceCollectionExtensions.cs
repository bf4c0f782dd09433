using System.Diagnostics.Metrics;
using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connectors.Sync;

/// <summary>Registers the connector: both API clients, the engine, its pipelines and default policies.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The configuration section of the Shopware client, relative to the connector's root.</summary>
    public const string ShopwareSection = "Connectors:Shopware";

    /// <summary>The configuration section of the Sitoo client.</summary>
    public const string SitooSection = "Connectors:Sitoo";

    /// <summary>
    /// Registers the connector from configuration: <c>Connectors:Sync</c> (<see cref="ConnectorOptions"/>),
    /// <c>Connectors:Shopware</c> and <c>Connectors:Sitoo</c> (the clients). A state store must be added too
    /// (e.g. <c>UseSqlite</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The root configuration.</param>
    /// <returns>A builder for further configuration.</returns>
    public static ConnectorBuilder AddShopwareSitooConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.SectionName));
        return AddCore(services, services.AddShopwareAdminApi(configuration.GetSection(ShopwareSection)), services.AddSitooApi(configuration.GetSection(SitooSection)));
    }

    /// <summary>Registers the connector with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the connector's options.</param>
    /// <param name="shopware">Sets the Shopware client's options.</param>
    /// <param name="sitoo">Sets the Sitoo client's options.</param>
    /// <returns>A builder for further configuration.</returns>
    public static ConnectorBuilder AddShopwareSitooConnector(
        this IServiceCollection services, Action<ConnectorOptions> configure, Action<ShopwareAdminApiOptions> shopware, Action<SitooApiOptions> sitoo)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ConnectorOptions>().Configure(configure);
        return AddCore(services, services.AddShopwareAdminApi(shopware), services.AddSitooApi(sitoo));
    }

    /// <summary>Also runs the engine, and the alert evaluation (unless <c>Alerts:Enabled</c> is off), as hosted services for the lifetime of the host.</summary>
    /// <param name="builder">The connector builder.</param>
    /// <returns>The builder.</returns>
    public static ConnectorBuilder RunEngineInBackground(this ConnectorBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<ConnectorEngineService>();
        Alerts.AlertPipelines.RunInBackground(builder.Services);
        return builder;
    }

    private static ConnectorBuilder AddCore(IServiceCollection services, IHttpClientBuilder shopwareHttp, IHttpClientBuilder sitooHttp)
    {
        services.AddOptions<ConnectorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsAnnotationsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, LeaseTimeoutValidator>());
        // One time for the engine and the clients: the IClock reads the TimeProvider the clients wait on (ADR 0009).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(provider => new TimeProviderClock(provider.GetRequiredService<TimeProvider>()));
        // The host's logging when it has any; AddLogging only adds what is missing, so a later call by the host changes nothing.
        services.AddLogging();
        var policies = ConnectorPolicies.Of(services);
        policies.NoteRegisteredBefore(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>>(new PolicySettingsValidator(policies)));
        services.TryAddSingleton(provider => new EngineTelemetry(provider.GetService<IMeterFactory>(), provider.GetRequiredService<IClock>()));

        // Default policies: ConnectorBuilder.UsePolicy replaces one, DecoratePolicy wraps it.
        services.TryAddSingleton<IStockAvailabilityPolicy>(BufferedAvailabilityPolicy.Instance);
        services.TryAddSingleton<ICloseoutPolicy>(provider => new FixedCloseoutPolicy(Options(provider).Stock.Closeout));
        services.TryAddSingleton(provider => StockSyncOptionsFactory.Create(
            Options(provider).Stock, provider.GetRequiredService<IStockAvailabilityPolicy>(), provider.GetRequiredService<ICloseoutPolicy>()));

        shopwareHttp.AddHttpMessageHandler(provider => new ApiCallCounter("shopware", provider.GetRequiredService<EngineTelemetry>()));
        sitooHttp.AddHttpMessageHandler(provider => new ApiCallCounter("sitoo", provider.GetRequiredService<EngineTelemetry>()));

        AddStockPipeline(services);
        Orders.OrderPipelines.Add(services);
        Catalogue.CataloguePipelines.Add(services);
        Returns.ReturnPipelines.Add(services);
        Reconciliation.ReconciliationPipelines.Add(services);
        AddEngine(services);
        AddRetention(services);
        AddCompletenessCheck(services);
        AddPreflight(services);
        Alerts.AlertPipelines.Add(services, shopwareHttp, sitooHttp);
        return new ConnectorBuilder(services, shopwareHttp, sitooHttp);
    }

    private static void AddStockPipeline(IServiceCollection services)
    {
        services.TryAddSingleton(provider => new StockWriteQueue(Duration.FromTimeSpan(Options(provider).Stock.CoalesceWindow)));
        services.TryAddSingleton(provider =>
        {
            var sitoo = provider.GetRequiredService<IOptions<SitooApiOptions>>().Value;
            var options = Options(provider);
            string?[] serviceSkus =
            [
                options.OrderExport.ShippingProductSku, options.OrderExport.CreditProductSku, options.OrderExport.CustomProductSku, options.Orders.DiscountProductSku,
            ];
            return new StockIntakeSettings(
                sitoo.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture), sitoo.SiteId, options.Stock.TransactionPageSize, options.Stock.TransactionOverlap)
            {
                ServiceSkus = serviceSkus.OfType<string>().Where(sku => sku.Length > 0).ToHashSet(StringComparer.Ordinal),
            };
        });
        services.TryAddSingleton(provider => new ProductDirectory(provider.GetRequiredService<IShopwareAdminClient>()));
        services.TryAddSingleton(provider => new SalesBaseline(provider.GetRequiredService<IShopwareAdminClient>(), provider.GetRequiredService<IClock>()));
        services.TryAddSingleton(provider => new WebOrderDeliveries(provider.GetRequiredService<ISitooClient>(), provider.GetRequiredService<StockSyncOptions>().Topology));
        services.TryAddSingleton<TransactionIntake>();
        services.TryAddSingleton(provider => new StockWriteBatch(Options(provider).Stock.WriteBatchSize));
        services.TryAddSingleton<StockWriteHandler>();
        services.AddSingleton<ISourcePoller>(provider => provider.GetRequiredService<TransactionIntake>());
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<StockWriteHandler>());
    }

    private static void AddEngine(IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var engine = Options(provider).Engine;
            return new RetrySchedule(Duration.FromTimeSpan(engine.RetryBaseDelay), Duration.FromTimeSpan(engine.RetryMaxDelay), engine.MaxAttempts);
        });
        services.TryAddSingleton(provider =>
        {
            var engine = Options(provider).Engine;
            var owner = engine.InstanceId ?? $"{Environment.MachineName}:{Environment.ProcessId}";
            return new WorkClaimSettings(owner, engine.ClaimBatchSize, Duration.FromTimeSpan(engine.LeaseDuration))
            {
                BatchSizeByKind = new Dictionary<string, int>(engine.ClaimBatchSizes, StringComparer.Ordinal),
            };
        });
        services.TryAddSingleton(provider =>
        {
            var engine = Options(provider).Engine;
            return new EngineTiming(
                Duration.FromTimeSpan(engine.PollInterval),
                engine.TickInterval,
                engine.RetryBaseDelay,
                Duration.FromTimeSpan(engine.WakeInterval),
                Duration.FromTimeSpan(engine.LeaseDuration));
        });
        services.TryAddSingleton<WorkSettler>();
        services.TryAddSingleton<LeaseFence>();
        services.TryAddSingleton<WorkDispatcher>();
        services.TryAddSingleton(provider => new ConnectorEngine(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetServices<ISourcePoller>(),
            provider.GetServices<IScheduledJob>(),
            provider.GetRequiredService<WorkDispatcher>(),
            provider.GetRequiredService<EngineTelemetry>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<EngineTiming>(),
            provider.GetRequiredService<WorkClaimSettings>(),
            provider.GetRequiredService<StockWriteQueue>(),
            provider.GetRequiredService<ILogger<ConnectorEngine>>()));
        services.TryAddSingleton<IInboxSignal>(provider => provider.GetRequiredService<ConnectorEngine>());
    }

    private static ConnectorOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;

    // The connection checks first, so the others can be skipped when a system cannot be reached; integrators' checks come after.
    private static void AddPreflight(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Preflight.IPreflightCheck, Preflight.ShopwareConnectionCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Preflight.IPreflightCheck, Preflight.SitooConnectionCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Preflight.IPreflightCheck, Preflight.ShopwarePrivilegesCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Preflight.IPreflightCheck, Preflight.WarehouseTopologyCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Preflight.IPreflightCheck, Preflight.CatalogueCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Preflight.IPreflightCheck, Preflight.ShopwareWebhooksCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Preflight.IPreflightCheck, Preflight.SitooEventsCheck>());
        services.TryAddSingleton<Preflight.ConnectorPreflight>();
    }

    private static void AddRetention(IServiceCollection services)
    {
        services.TryAddSingleton(provider => new Retention.StateRetentionJob(
            provider.GetRequiredService<IConnectorStore>(),
            Options(provider).Retention,
            provider.GetRequiredService<StockIntakeSettings>(),
            provider.GetRequiredService<TransactionIntake>().CursorName,
            () => provider.GetServices<IScheduledJob>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<ILogger<Retention.StateRetentionJob>>()));
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<Retention.StateRetentionJob>());
        services.AddSingleton<IScheduledJob>(provider => provider.GetRequiredService<Retention.StateRetentionJob>());
    }

    private static void AddCompletenessCheck(IServiceCollection services)
    {
        services.TryAddSingleton(provider => new Completeness.OrderCompleteness(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<IShopwareAdminClient>(),
            provider.GetRequiredService<Orders.ShopwareOrderPoller>(),
            Options(provider).Orders));
        services.TryAddSingleton(provider => new Completeness.ReturnCompleteness(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<ISitooClient>(),
            provider.GetRequiredService<StockIntakeSettings>(),
            provider.GetRequiredService<Returns.SitooOrderPoller>().CursorName));
        services.TryAddSingleton(provider => new Completeness.CompletenessCheckJob(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<Completeness.OrderCompleteness>(),
            provider.GetRequiredService<Completeness.ReturnCompleteness>(),
            Options(provider).Completeness,
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<EngineTelemetry>(),
            provider.GetRequiredService<ILogger<Completeness.CompletenessCheckJob>>()));
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<Completeness.CompletenessCheckJob>());
        services.AddSingleton<IScheduledJob>(provider => provider.GetRequiredService<Completeness.CompletenessCheckJob>());
    }
}
