using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Sync.Reconciliation;

/// <summary>Registers the pipelines of scheduled reconciliation and the drift report.</summary>
internal static class ReconciliationPipelines
{
    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
