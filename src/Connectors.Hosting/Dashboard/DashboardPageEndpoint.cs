using Connectors.Sync.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connectors.Hosting.Dashboard;

/// <summary>Serves one <see cref="IDashboardPage"/>: renders it into the layout, with headers that keep it private and script-free.</summary>
internal sealed class DashboardPageEndpoint(IDashboardPage page, IReadOnlyList<IDashboardPage> pages, string basePath)
{
    // Inline styles and SVG only: nothing else may load, run, frame the page or receive its forms.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public async Task<IResult> RenderAsync(HttpContext http)
    {
        var context = CreateContext(http, basePath);
        var content = new HtmlBuilder();
        await page.RenderAsync(context, content, http.RequestAborted).ConfigureAwait(false);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return Results.Content(DashboardLayout.Render(context, page, pages, content), "text/html; charset=utf-8");
    }

    internal static DashboardContext CreateContext(HttpContext http, string basePath)
    {
        var services = http.RequestServices;
        return new DashboardContext(
            http,
            services.GetRequiredService<IConnectorStore>(),
            services.GetRequiredService<IClock>().GetCurrentInstant(),
            services.GetRequiredService<IOptions<ConnectorHostingOptions>>().Value.Dashboard,
            http.Request.PathBase + basePath,
            services.GetRequiredService<IAntiforgery>());
    }
}
