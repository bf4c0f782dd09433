using Connectors.Sync.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Connectors.Hosting.Dashboard;

/// <summary>What a dashboard page or panel renders with: the request, the store, "now" and links within the dashboard.</summary>
public sealed class DashboardContext
{
    private readonly string _basePath;
    private readonly IAntiforgery _antiforgery;

    internal DashboardContext(
        HttpContext httpContext, IConnectorStore store, Instant now, ConnectorDashboardOptions options, string basePath, IAntiforgery antiforgery)
    {
        HttpContext = httpContext;
        Store = store;
        Now = now;
        Options = options;
        _basePath = basePath;
        _antiforgery = antiforgery;
    }

    /// <summary>The request being answered.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The connector's state.</summary>
    public IConnectorStore Store { get; }

    /// <summary>"Now" for this request, from the registered clock: ages are measured against it.</summary>
    public Instant Now { get; }

    /// <summary>The dashboard's settings.</summary>
    public ConnectorDashboardOptions Options { get; }

    /// <summary>The URL of a dashboard path, including the application's path base.</summary>
    /// <param name="path">The path below the dashboard, e.g. <c>exceptions</c>; empty for the overview.</param>
    /// <param name="query">A query string without <c>?</c> (encode its values), or <see langword="null"/>.</param>
    public string Url(string path, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var url = path.Length == 0 ? _basePath + "/" : _basePath + "/" + path.TrimStart('/');
        return string.IsNullOrEmpty(query) ? url : url + "?" + query;
    }

    /// <summary>The hidden form field carrying the antiforgery token; every dashboard form that posts needs it.</summary>
    public TrustedHtml AntiforgeryField()
    {
        var tokens = _antiforgery.GetAndStoreTokens(HttpContext);
        var field = new HtmlBuilder();
        field.Append($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
        return field.ToTrustedHtml();
    }
}
