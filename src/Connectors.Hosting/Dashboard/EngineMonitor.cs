using Connectors.Sync.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The engine's read model for the pages that need it. A host may serve the dashboard without the engine
/// (<c>AddShopwareSitooConnector</c>), so those pages explain its absence instead of failing.
/// </summary>
internal static class EngineMonitor
{
    public static ConnectorMonitor? Find(DashboardContext context) => Find(context.HttpContext.RequestServices);

    public static ConnectorMonitor? Find(IServiceProvider services) => services.GetService<ConnectorMonitor>();

    public static void RenderMissing(HtmlBuilder html) =>
        html.Append($"<p class=\"muted engine-missing\">The connector engine is not registered in this host (AddShopwareSitooConnector), so there is nothing to show here.</p>");
}
