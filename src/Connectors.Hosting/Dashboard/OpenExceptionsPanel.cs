using Connectors.Sync.State;

namespace Connectors.Hosting.Dashboard;

/// <summary>Open exception records per owning team, each linking to that team's list.</summary>
internal sealed class OpenExceptionsPanel : IDashboardPanel
{
    public string Title => "Open exceptions";

    public int Order => 30;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        var limit = context.Options.CountLimit;
        html.Append($"<table><tr><th>Team</th><th class=\"num\">Open</th></tr>");
        foreach (var team in Enum.GetValues<OwningTeam>())
        {
            var open = await context.Store.Exceptions
                .ListAsync(new ExceptionFilter(Team: team, Status: ExceptionStatus.Open, MaxCount: limit), cancellationToken)
                .ConfigureAwait(false);
            var name = DashboardFormat.Team(team);
            var link = context.Url("exceptions", "team=" + name + "&status=open");
            html.Append($"<tr><td><a href=\"{link}\">{name}</a></td><td class=\"num\">{DashboardFormat.Count(open.Count, limit)}</td></tr>");
        }
        html.Append($"</table>");
    }
}
