namespace Connectors.Hosting.Dashboard;

/// <summary>The configured cursors (<see cref="ConnectorDashboardOptions.CursorNames"/>), their position and how long since they moved.</summary>
internal sealed class CursorsPanel : IDashboardPanel
{
    public string Title => "Cursors";

    public int Order => 50;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        if (context.Options.CursorNames.Count == 0)
        {
            html.Append($"<p class=\"muted\">No cursors configured (Connectors:Hosting:Dashboard:CursorNames).</p>");
            return;
        }
        html.Append($"<table><tr><th>Cursor</th><th>Position</th><th>Moved</th></tr>");
        foreach (var name in context.Options.CursorNames)
        {
            var cursor = await context.Store.Cursors.GetAsync(name, cancellationToken).ConfigureAwait(false);
            if (cursor is null)
            {
                html.Append($"<tr><td>{name}</td><td class=\"muted\" colspan=\"2\">never set</td></tr>");
                continue;
            }
            html.Append($"<tr><td>{name}</td><td>{cursor.Position}</td><td>{DashboardFormat.Age(context.Now - cursor.UpdatedAt)} ago</td></tr>");
        }
        html.Append($"</table>");
    }
}
