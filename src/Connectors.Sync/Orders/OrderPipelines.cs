using Connectors.Core.Customers;
using Connectors.Core.Inventory;
using Connectors.Core.Orders;
using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connectors.Sync.Orders;

/// <summary>Registers the pipelines of order export (Shopware → Sitoo), customers and Shopware-side status.</summary>
internal static class OrderPipelines
{
    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.OrderExport);
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Orders);

        // Default policies: ConnectorBuilder.UsePolicy replaces one, DecoratePolicy wraps it.
        services.TryAddSingleton<IContactNormalizer>(provider => new DefaultContactNormalizer(provider.GetRequiredService<OrderExportSettings>().DefaultCountryCallingCode));
        services.TryAddSingleton<ICustomerMatcher>(provider => new CustomerMatcher(provider.GetRequiredService<IContactNormalizer>()));
        services.TryAddSingleton<ILineItemClassifier>(provider =>
        {
            var export = provider.GetRequiredService<OrderExportSettings>();
            return new DefaultLineItemClassifier(new ServiceProductSkus { Credit = Blank(export.CreditProductSku), Custom = Blank(export.CustomProductSku) });
        });
        services.TryAddSingleton<IPromotionPolicy>(provider =>
            Blank(provider.GetRequiredService<OrderSyncSettings>().DiscountProductSku) is { } sku ? new DiscountProductPromotionPolicy(sku) : new SpreadPromotionPolicy());

        // The SKU overrides apply after whichever classifier is registered, so a custom one never drops them.
        services.TryAddSingleton(provider => new OrderTranslator(new OrderTranslationOptions
        {
            Classifier = new SkuOverrideClassifier(provider.GetRequiredService<ILineItemClassifier>(), provider.GetRequiredService<StockSyncOptions>().Topology.Skus),
            Promotions = provider.GetRequiredService<IPromotionPolicy>(),
            ContactNormalizer = provider.GetRequiredService<IContactNormalizer>(),
            WarehouseId = provider.GetRequiredService<OrderSyncSettings>().FulfilmentWarehouseId,
        }));

        services.TryAddSingleton(provider => new ShopwareOrderReader(
            provider.GetRequiredService<IShopwareAdminClient>(), provider.GetRequiredService<OrderExportSettings>()));
        services.TryAddSingleton(provider => new OrderStockEffects(
            provider.GetRequiredService<StockSyncOptions>(),
            provider.GetRequiredService<StockWriteQueue>(),
            provider.GetRequiredService<ProductDirectory>(),
            provider.GetRequiredService<IClock>()));
        services.TryAddSingleton(provider => new SitooCustomerResolver(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<ISitooClient>(),
            provider.GetRequiredService<IShopwareAdminClient>(),
            provider.GetRequiredService<ICustomerMatcher>(),
            provider.GetRequiredService<IContactNormalizer>()));
        services.TryAddSingleton(provider => new ShopwareOrderPoller(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<IShopwareAdminClient>(),
            provider.GetRequiredService<OrderSyncSettings>(),
            provider.GetRequiredService<SalesBaseline>(),
            provider.GetRequiredService<StockSyncOptions>().Topology.Mode,
            provider.GetRequiredService<EngineTelemetry>()));
        services.TryAddSingleton(provider => new OrderExportHandler(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<ISitooClient>(),
            provider.GetRequiredService<ShopwareOrderReader>(),
            provider.GetRequiredService<OrderTranslator>(),
            provider.GetRequiredService<SitooCustomerResolver>(),
            provider.GetRequiredService<OrderStockEffects>(),
            provider.GetRequiredService<OrderSyncSettings>(),
            provider.GetRequiredService<OrderExportSettings>(),
            provider.GetRequiredService<LeaseFence>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<EngineTelemetry>()));
        services.TryAddSingleton(provider => new OrderCancelHandler(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<ISitooClient>(),
            provider.GetRequiredService<ShopwareOrderReader>(),
            provider.GetRequiredService<OrderStockEffects>(),
            provider.GetRequiredService<IClock>()));
        services.TryAddSingleton(provider => new OrderTranslationPreviewer(
            provider.GetRequiredService<ShopwareOrderReader>(), provider.GetRequiredService<OrderTranslator>()));

        services.TryAddSingleton(provider => new Customers.AccountChangePoller(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<IShopwareAdminClient>(),
            provider.GetRequiredService<OrderSyncSettings>(),
            provider.GetRequiredService<IClock>()));
        services.TryAddSingleton(provider => new Customers.AccountChangeHandler(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<IShopwareAdminClient>(),
            provider.GetRequiredService<SitooCustomerResolver>()));

        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Customers);
        services.TryAddSingleton(provider => new Customers.TillSignUpScan(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<ISitooClient>(),
            provider.GetRequiredService<IShopwareAdminClient>(),
            provider.GetRequiredService<ICustomerMatcher>(),
            provider.GetRequiredService<IContactNormalizer>(),
            provider.GetRequiredService<Customers.CustomerSyncSettings>(),
            provider.GetRequiredService<StockIntakeSettings>()));
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<Customers.TillSignUpScan>());
        services.AddSingleton<IScheduledJob>(provider => provider.GetRequiredService<Customers.TillSignUpScan>());

        services.AddSingleton<ISourcePoller>(provider => provider.GetRequiredService<ShopwareOrderPoller>());
        services.AddSingleton<ISourcePoller>(provider => provider.GetRequiredService<Customers.AccountChangePoller>());
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<Customers.AccountChangeHandler>());
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<OrderExportHandler>());
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<OrderCancelHandler>());
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
