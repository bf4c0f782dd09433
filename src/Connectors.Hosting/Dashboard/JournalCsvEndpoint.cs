using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// <c>GET journal.csv?from=&amp;to=&amp;store=</c> and <c>GET settlement.csv?…</c> on the dashboard's route group (so
/// they have the dashboard's protection): the finance journal's rows and the settlement as CSV attachments.
/// </summary>
internal static class JournalCsvEndpoint
{
    public static void Map(RouteGroupBuilder dashboard)
    {
        // Method groups with more than the HttpContext bind as handlers, so the endpoint filters (the loopback check) run
        // and the result is written; the request delegate generator builds them at compile time.
        dashboard.MapGet("/journal.csv", WriteAsync).WithDisplayName("Connector dashboard: finance journal CSV");
        dashboard.MapGet("/settlement.csv", WriteSettlementAsync).WithDisplayName("Connector dashboard: settlement CSV");
    }

    private static async Task<IResult> WriteSettlementAsync(HttpContext http, IClock clock)
    {
        if (EngineMonitor.Find(http.RequestServices) is not { } monitor)
        {
            return Results.Text("The connector engine is not registered in this host, so there is no settlement.", statusCode: StatusCodes.Status404NotFound);
        }
        if (!JournalRequest.TryParse(http.Request.Query, clock.GetCurrentInstant(), out var request, out var error))
        {
            return Results.Text(error, statusCode: StatusCodes.Status400BadRequest);
        }

        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        await monitor.WriteSettlementCsvAsync(request.ToQuery(), csv, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString()), "text/csv; charset=utf-8", request.FileName("settlement"));
    }

    private static async Task<IResult> WriteAsync(HttpContext http, IClock clock)
    {
        if (EngineMonitor.Find(http.RequestServices) is not { } monitor)
        {
            return Results.Text("The connector engine is not registered in this host, so there is no finance journal.", statusCode: StatusCodes.Status404NotFound);
        }
        if (!JournalRequest.TryParse(http.Request.Query, clock.GetCurrentInstant(), out var request, out var error))
        {
            return Results.Text(error, statusCode: StatusCodes.Status400BadRequest);
        }

        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        await monitor.WriteFinanceJournalCsvAsync(request.ToQuery(), csv, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString()), "text/csv; charset=utf-8", request.FileName());
    }
}
