using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Sync.Orders;

/// <summary>Registers the pipelines of order export (Shopware → Sitoo), customers and Shopware-side status.</summary>
internal static class OrderPipelines
{
    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
