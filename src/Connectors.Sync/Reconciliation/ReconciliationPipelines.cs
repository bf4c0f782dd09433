using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sync.Engine;
using Connectors.Sync.Monitoring;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connectors.Sync.Reconciliation;

/// <summary>Registers the pipelines of scheduled reconciliation and the drift report, and the monitoring read model.</summary>
internal static class ReconciliationPipelines
{
    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => new ShopwareStockReader(provider.GetRequiredService<IShopwareAdminClient>()));
        services.TryAddSingleton(provider => new SitooStockReader(provider.GetRequiredService<ISitooClient>(), provider.GetRequiredService<StockSyncOptions>()));
        services.TryAddSingleton(provider => new ReconciliationRunner(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<ShopwareStockReader>(),
            provider.GetRequiredService<SitooStockReader>(),
            provider.GetRequiredService<StockSyncOptions>(),
            provider.GetRequiredService<StockWriteQueue>(),
            Options(provider).Reconciliation.Heal,
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<EngineTelemetry>()));
        services.TryAddSingleton(provider => new FullReconciliationJob(
            provider.GetRequiredService<ReconciliationRunner>(),
            provider.GetRequiredService<IConnectorStore>(),
            Duration.FromTimeSpan(Options(provider).Reconciliation.FullEvery)));
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<FullReconciliationJob>());
        services.AddSingleton<IScheduledJob>(provider => provider.GetRequiredService<FullReconciliationJob>());
        services.TryAddSingleton(provider => new IncrementalReconciliationJob(
            provider.GetRequiredService<ReconciliationRunner>(),
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<IClock>(),
            Duration.FromTimeSpan(Options(provider).Reconciliation.IncrementalEvery)));
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<IncrementalReconciliationJob>());
        services.AddSingleton<IScheduledJob>(provider => provider.GetRequiredService<IncrementalReconciliationJob>());

        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Finance);
        services.TryAddSingleton(provider => new FinanceJournalReader(
            provider.GetRequiredService<ISitooClient>(),
            provider.GetRequiredService<FinanceJournalSettings>(),
            FinanceJournalReader.ShippingSkus(provider.GetRequiredService<Orders.OrderExportSettings>().ShippingProductSku)));
        services.TryAddSingleton(provider => new SettlementReader(
            provider.GetRequiredService<ISitooClient>(),
            provider.GetRequiredService<Connectors.Shopware.IShopwareAdminClient>(),
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<FinanceJournalSettings>(),
            FinanceJournalReader.ShippingSkus(provider.GetRequiredService<Orders.OrderExportSettings>().ShippingProductSku)));
        services.TryAddSingleton(provider => new SyncLagQuery(
        [
            (provider.GetRequiredService<TransactionIntake>().Name, provider.GetRequiredService<TransactionIntake>().CursorName),
            ("shopware.orders", Orders.ShopwareOrderPoller.CursorName),
            ("sitoo.orders", provider.GetRequiredService<Returns.SitooOrderPoller>().CursorName),
        ]));
        services.TryAddSingleton(provider => new ConnectorMonitor(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<EngineTelemetry>(),
            provider.GetRequiredService<IClock>(),
            Options(provider).Orders,
            provider.GetRequiredService<FinanceJournalReader>(),
            provider.GetRequiredService<SettlementReader>(),
            provider.GetRequiredService<SyncLagQuery>()));
    }

    private static ConnectorOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
}
