using Connectors.Sync.State;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The operators' list: records grouped by reason and owning team, each with what is wrong, where, the remote answer,
/// how often and since when, the fix, and buttons to retry, resolve or ignore; filtered by team and status.
/// </summary>
internal sealed class ExceptionsPage : IDashboardPage
{
    public string Path => "exceptions";

    public string Title => "Exceptions";

    public int Order => 10;

    public async Task RenderAsync(DashboardContext context, HtmlBuilder html, CancellationToken cancellationToken)
    {
        var query = context.HttpContext.Request.Query;
        var view = ExceptionView.From(query["team"], query["status"]);
        var records = new List<ExceptionRecord>();
        foreach (var filter in view.Filters(context.Options.MaxExceptions))
        {
            records.AddRange(await context.Store.Exceptions.ListAsync(filter, cancellationToken).ConfigureAwait(false));
        }

        RenderFilters(context, html, view);
        if (records.Count == 0)
        {
            html.Append($"<p class=\"muted\">No exception records match.</p>");
            return;
        }

        var groups = records
            .GroupBy(r => (r.ReasonCode, r.Team))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.ReasonCode, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Team);
        var antiforgery = context.AntiforgeryField();
        foreach (var group in groups)
        {
            var team = DashboardFormat.Team(group.Key.Team);
            html.Append($"""
                <section class="group" data-reason="{group.Key.ReasonCode}" data-team="{team}">
                <h3>{group.Key.ReasonCode} <span class="team">{team}</span> <span class="badge">{group.Count()}</span></h3>
                <table><tr><th>Entity</th><th>What is wrong</th><th>Remote error</th><th class="num">Attempts</th><th>First seen</th><th>Last seen</th><th>Status</th><th>Fix</th><th></th></tr>
                """);
            foreach (var record in group.OrderByDescending(r => r.LastSeen))
            {
                RenderRecord(context, html, record, view, antiforgery);
            }
            html.Append($"</table></section>");
        }
    }

    private static void RenderFilters(DashboardContext context, HtmlBuilder html, ExceptionView view)
    {
        html.Append($"<form class=\"filters\" method=\"get\" action=\"{context.Url("exceptions")}\"><label>Team <select name=\"team\"><option value=\"\">all</option>");
        foreach (var team in Enum.GetValues<OwningTeam>())
        {
            var name = DashboardFormat.Team(team);
            html.Append($"<option value=\"{name}\"{Selected(view.Team == team)}>{name}</option>");
        }
        html.Append($"</select></label><label>Status <select name=\"status\">");
        foreach (var status in ExceptionView.StatusChoices)
        {
            html.Append($"<option value=\"{status}\"{Selected(view.Status == status)}>{status}</option>");
        }
        html.Append($"</select></label><button type=\"submit\">Show</button></form>");
    }

    private static void RenderRecord(DashboardContext context, HtmlBuilder html, ExceptionRecord record, ExceptionView view, TrustedHtml antiforgery)
    {
        var status = DashboardFormat.Status(record.Status);
        html.Append($"""
            <tr id="exception-{record.Id}" data-status="{status}">
            <td>{record.Entity.Type} <strong>{record.Entity.Id}</strong></td>
            <td>{record.Message}{Detail(record.Detail)}</td>
            <td>{RemoteError(record.RemoteError)}</td>
            <td class="num">{record.Attempts}</td>
            <td>{DashboardFormat.Instant(record.FirstSeen)}</td>
            <td>{DashboardFormat.Instant(record.LastSeen)}</td>
            <td><span class="badge status status-{status}">{status}</span></td>
            <td>{record.Fix}</td>
            <td>
            """);
        foreach (var action in Enum.GetValues<ExceptionAction>().Where(a => Offers(record.Status, a)))
        {
            var name = ActionName(action);
            html.Append($"""
                <form class="inline" method="post" action="{context.Url($"exceptions/{record.Id}/{name}")}">{antiforgery}<input type="hidden" name="team" value="{view.TeamName}"><input type="hidden" name="status" value="{view.Status}"><button type="submit" class="{name}">{name}</button></form>
                """);
        }
        html.Append($"</td></tr>");
    }

    internal static string ActionName(ExceptionAction action) => action switch
    {
        ExceptionAction.Retry => "retry",
        ExceptionAction.Resolve => "resolve",
        _ => "ignore",
    };

    // A button that would leave the record where it is is not offered.
    private static bool Offers(ExceptionStatus status, ExceptionAction action) => (status, action) switch
    {
        (ExceptionStatus.Retrying, ExceptionAction.Retry) => false,
        (ExceptionStatus.Resolved, ExceptionAction.Resolve) => false,
        (ExceptionStatus.Ignored, ExceptionAction.Ignore) => false,
        _ => true,
    };

    private static TrustedHtml Selected(bool selected) => selected ? new(" selected") : default;

    private static TrustedHtml Detail(string? detail)
    {
        var html = new HtmlBuilder();
        if (!string.IsNullOrEmpty(detail))
        {
            html.Append($"<div class=\"detail\">{detail}</div>");
        }
        return html.ToTrustedHtml();
    }

    private static TrustedHtml RemoteError(RemoteError? error)
    {
        var html = new HtmlBuilder();
        if (error is null)
        {
            html.Append($"<span class=\"muted\">–</span>");
            return html.ToTrustedHtml();
        }
        html.Append($"{error.System} {error.StatusCode} {error.Code}<div class=\"detail\">{error.Message}</div>");
        if (error.Field is not null)
        {
            html.Append($"<div class=\"detail\">field {error.Field}</div>");
        }
        return html.ToTrustedHtml();
    }
}
