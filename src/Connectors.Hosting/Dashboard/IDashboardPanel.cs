namespace Connectors.Hosting.Dashboard;

/// <summary>
/// One panel of the dashboard's overview page, e.g. queue depth or sync lag. Register with
/// <c>services.AddConnectorDashboardPanel&lt;T&gt;()</c>.
/// </summary>
public interface IDashboardPanel
{
    /// <summary>The panel's heading.</summary>
    string Title { get; }

    /// <summary>The position on the overview; lower comes first.</summary>
    int Order { get; }

    /// <summary>Writes the panel's content (the heading and frame are written by the overview).</summary>
    /// <param name="context">The request, the store and helpers for links and forms.</param>
    /// <param name="html">Where to write; interpolated values are encoded.</param>
    /// <param name="cancellationToken">Cancels when the client goes away.</param>
    Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken);
}
