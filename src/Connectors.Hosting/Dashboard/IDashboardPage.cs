namespace Connectors.Hosting.Dashboard;

/// <summary>
/// One page of the operations dashboard, listed in its navigation and served at <c>GET {dashboard}/{Path}</c> behind
/// the dashboard's protection. Register with <c>services.AddConnectorDashboardPage&lt;T&gt;()</c>.
/// </summary>
public interface IDashboardPage
{
    /// <summary>The page's path below the dashboard, e.g. <c>exceptions</c>; empty for the overview.</summary>
    string Path { get; }

    /// <summary>The title in the navigation and the heading.</summary>
    string Title { get; }

    /// <summary>The position in the navigation; lower comes first.</summary>
    int Order { get; }

    /// <summary>Writes the page's content (the layout around it is written by the dashboard).</summary>
    /// <param name="context">The request, the store and helpers for links and forms.</param>
    /// <param name="html">Where to write; interpolated values are encoded.</param>
    /// <param name="cancellationToken">Cancels when the client goes away.</param>
    Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken);
}
