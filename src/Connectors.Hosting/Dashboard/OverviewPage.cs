namespace Connectors.Hosting.Dashboard;

/// <summary>The dashboard's start page: the registered <see cref="IDashboardPanel"/>s side by side.</summary>
internal sealed class OverviewPage(IEnumerable<IDashboardPanel> panels) : IDashboardPage
{
    private readonly IDashboardPanel[] _panels = [.. panels.OrderBy(p => p.Order)];

    public string Path => "";

    public string Title => "Overview";

    public int Order => 0;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        html.Append($"<div class=\"panels\">");
        foreach (var panel in _panels)
        {
            var content = new HtmlBuilder();
            await panel.RenderAsync(context, content, cancellationToken).ConfigureAwait(false);
            html.Append($"<section class=\"panel\"><h3>{panel.Title}</h3>{content.ToTrustedHtml()}</section>");
        }
        html.Append($"</div>");
    }
}
