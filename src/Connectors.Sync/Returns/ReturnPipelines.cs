using Connectors.Core.Returns;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Returns;

/// <summary>Registers the pipelines of store returns (Sitoo → Shopware refunds) and Sitoo-side status.</summary>
internal static class ReturnPipelines
{
    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Default policies (ConnectorBuilder.UsePolicy replaces one, DecoratePolicy wraps it). Returns read the exported
        // order with the export's OrderTranslator, so both sides agree on its lines.
        services.TryAddSingleton<IRestockPolicy, StockFlowRestockPolicy>();
        services.TryAddSingleton<IRefundSettlementPolicy, TillPayoutSettlementPolicy>();
        services.TryAddSingleton<CaptureRefunds>();
        services.TryAddSingleton(provider => new RefundPlanner(new RefundPlanOptions { Restock = provider.GetRequiredService<IRestockPolicy>() }));
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Returns);

        services.TryAddSingleton<ShopwareOrderStates>();
        services.TryAddSingleton<ReturnContextReader>();
        services.TryAddSingleton<SitooOrderPoller>();
        services.TryAddSingleton<ReturnRefundHandler>();
        services.TryAddSingleton<WebOrderStatusChecker>();
        services.TryAddSingleton<WebOrderStatusHandler>();
        services.TryAddSingleton<WebOrderStatusSweep>();
        services.AddSingleton<ISourcePoller>(provider => provider.GetRequiredService<SitooOrderPoller>());
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<ReturnRefundHandler>());
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<WebOrderStatusHandler>());
        services.AddSingleton<IWorkHandler>(provider => provider.GetRequiredService<WebOrderStatusSweep>());
        services.AddSingleton<IScheduledJob>(provider => provider.GetRequiredService<WebOrderStatusSweep>());
    }
}
