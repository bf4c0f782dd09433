using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Sync.Returns;

/// <summary>Registers the pipelines of store returns (Sitoo → Shopware refunds) and Sitoo-side status.</summary>
internal static class ReturnPipelines
{
    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
