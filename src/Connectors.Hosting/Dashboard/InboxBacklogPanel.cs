namespace Connectors.Hosting.Dashboard;

/// <summary>Webhook deliveries stored but not processed yet, and the age of the oldest.</summary>
internal sealed class InboxBacklogPanel : IDashboardPanel
{
    public string Title => "Inbox backlog";

    public int Order => 20;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        var limit = context.Options.CountLimit;
        var unprocessed = await context.Store.Inbox.ListUnprocessedAsync(limit, cancellationToken).ConfigureAwait(false);
        if (unprocessed.Count == 0)
        {
            html.Append($"<p class=\"muted\">Every delivery is processed.</p>");
            return;
        }
        html.Append($"<table><tr><th>Source</th><th class=\"num\">Unprocessed</th><th>Oldest waiting</th></tr>");
        foreach (var source in unprocessed.GroupBy(m => m.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // The list comes oldest first, so each group's first message is its oldest.
            var oldest = source.First().ReceivedAt;
            var count = DashboardFormat.Count(source.Count(), limit);
            html.Append($"<tr><td>{source.Key}</td><td class=\"num\">{count}</td><td>{DashboardFormat.Age(context.Now - oldest)}</td></tr>");
        }
        html.Append($"</table>");
        if (unprocessed.Count >= limit)
        {
            html.Append($"<p class=\"detail\">Counted up to {limit} deliveries.</p>");
        }
    }
}
