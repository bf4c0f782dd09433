using Connectors.Core.Catalogue;
using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Catalogue;

/// <summary>Registers the catalogue pipeline Shopware → Sitoo (ADR 0008).</summary>
internal static class CataloguePipelines
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Catalogue);

        // The default policy: ConnectorBuilder.UsePolicy replaces it, DecoratePolicy wraps it.
        services.TryAddSingleton<ICatalogueMappingPolicy>(provider =>
            new DefaultCatalogueMappingPolicy(CatalogueMappingSettings.ToMappingOptions(provider.GetRequiredService<CatalogueSyncSettings>())));
        services.TryAddSingleton(provider => new ShopwareCatalogueReader(
            provider.GetRequiredService<IShopwareAdminClient>(),
            provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.OrderExport.CurrencyIsoCodes,
            provider.GetRequiredService<CatalogueSyncSettings>().LanguageId));
        services.TryAddSingleton(provider => new SitooCatalogueWriter(
            provider.GetRequiredService<ISitooClient>(), provider.GetRequiredService<CatalogueSyncSettings>().BatchSize));
        services.TryAddSingleton(provider => new ShopwareCatalogueSource(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<IShopwareAdminClient>(),
            provider.GetRequiredService<CatalogueSyncSettings>(),
            provider.GetRequiredService<ILogger<ShopwareCatalogueSource>>()));
        services.TryAddSingleton(provider => new CatalogueWriteHandler(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<ShopwareCatalogueReader>(),
            provider.GetRequiredService<ICatalogueMappingPolicy>(),
            provider.GetRequiredService<SitooCatalogueWriter>(),
            provider.GetRequiredService<CatalogueSyncSettings>(),
            provider.GetRequiredService<LeaseFence>(),
            provider.GetRequiredService<EngineTelemetry>()));
        services.TryAddSingleton(provider => new CatalogueDeactivateHandler(
            provider.GetRequiredService<IConnectorStore>(), provider.GetRequiredService<ISitooClient>(), provider.GetRequiredService<CatalogueSyncSettings>()));
        services.TryAddSingleton(provider => new CataloguePreviewer(
            provider.GetRequiredService<IShopwareAdminClient>(), provider.GetRequiredService<ShopwareCatalogueReader>(), provider.GetRequiredService<ICatalogueMappingPolicy>()));

        services.AddSingleton<ISourcePoller>(provider => provider.GetRequiredService<ShopwareCatalogueSource>());
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<CatalogueWriteHandler>());
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<CatalogueDeactivateHandler>());
        services.TryAddSingleton(provider => new CatalogueDeletionSweep(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<ISitooClient>(),
            provider.GetRequiredService<IShopwareAdminClient>(),
            provider.GetRequiredService<CatalogueSyncSettings>(),
            provider.GetRequiredService<ILogger<CatalogueDeletionSweep>>()));
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<CatalogueDeletionSweep>());
        services.AddSingleton<IScheduledJob>(provider => provider.GetRequiredService<CatalogueDeletionSweep>());
    }
}
