using Connectors.Sync.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The retry, resolve and ignore buttons: a form post checked against the antiforgery token (so another site cannot
/// make an operator's browser press them), then the change in the store, then back to the list the operator was on.
/// </summary>
internal sealed partial class ExceptionActions(IAntiforgery antiforgery, ILogger<ExceptionActions> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http, long id, ExceptionAction action, string exceptionsUrl)
    {
        var cancellationToken = http.RequestAborted;
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return Results.Text("The form is outdated or did not come from the dashboard; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        var exceptions = http.RequestServices.GetRequiredService<IConnectorStore>().Exceptions;
        var found = action switch
        {
            ExceptionAction.Retry => await exceptions.RetryAsync(id, cancellationToken).ConfigureAwait(false),
            ExceptionAction.Resolve => await exceptions.ResolveAsync(id, cancellationToken).ConfigureAwait(false),
            _ => await exceptions.IgnoreAsync(id, cancellationToken).ConfigureAwait(false),
        };
        if (!found)
        {
            return Results.Text($"No exception record {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        LogAction(logger, action, id, http.User.Identity?.Name ?? "(anonymous)");
        var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var view = ExceptionView.From(form["team"], form["status"]);
        return Results.LocalRedirect(exceptionsUrl + "?" + view.ToQuery() + "#exception-" + id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: {Action} on exception record {Id} by {User}")]
    private static partial void LogAction(ILogger logger, ExceptionAction action, long id, string user);
}
