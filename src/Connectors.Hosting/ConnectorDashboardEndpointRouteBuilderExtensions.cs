using Connectors.Hosting.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Hosting;

/// <summary>Maps the operations dashboard.</summary>
public static class ConnectorDashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the server-rendered operations dashboard below <paramref name="pattern"/>: the overview, the exceptions
    /// list with retry, resolve and ignore, the run history, and every page added with
    /// <c>AddConnectorDashboardPage</c>. When <see cref="ConnectorDashboardOptions.AuthorizationPolicy"/> is set, every
    /// request must satisfy that policy (the host configures authentication and authorization); otherwise only loopback
    /// clients are served and others get 403.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="pattern">The dashboard's base path.</param>
    /// <returns>
    /// The dashboard's route group, protected as described; route handlers mapped on it (e.g. a CSV export) share the
    /// protection.
    /// </returns>
    /// <exception cref="InvalidOperationException"><c>AddConnectorHosting</c> was not called.</exception>
    public static RouteGroupBuilder MapConnectorDashboard(this IEndpointRouteBuilder endpoints, string pattern = "/connector")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        var options = ConnectorWebhookEndpointRouteBuilderExtensions.HostingOptions(endpoints).Dashboard;
        var basePath = pattern.TrimEnd('/');
        if (basePath.Length > 0 && basePath[0] != '/')
        {
            basePath = "/" + basePath;
        }

        var group = endpoints.MapGroup(basePath);
        if (options.AuthorizationPolicy is { } policy)
        {
            group.RequireAuthorization(policy);
        }
        else
        {
            group.AddEndpointFilter(new LoopbackOnlyFilter());
        }
        group.ExcludeFromDescription();

        IDashboardPage[] pages = [.. endpoints.ServiceProvider.GetServices<IDashboardPage>().OrderBy(p => p.Order)];
        foreach (var page in pages)
        {
            var endpoint = new DashboardPageEndpoint(page, pages, basePath);
            // The explicit return type keeps the lambda from binding as a RequestDelegate, which would drop the result;
            // a lambda (not a delegate variable) lets the request delegate generator build the endpoint at compile time.
            group.MapGet("/" + page.Path.Trim('/'), Task<IResult> (HttpContext http) => endpoint.RenderAsync(http))
                .WithDisplayName("Connector dashboard: " + page.Title);
        }

        var exceptionsUrl = basePath + "/exceptions";
        foreach (var action in Enum.GetValues<ExceptionAction>())
        {
            group.MapPost(
                "/exceptions/{id:long}/" + ExceptionsPage.ActionName(action),
                (HttpContext http, long id, ExceptionActions actions) => actions.HandleAsync(http, id, action, http.Request.PathBase + exceptionsUrl));
        }
        JournalCsvEndpoint.Map(group);
        return group;
    }
}
