using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Connectors.Hosting.Webhooks;

/// <summary>503 with <c>Retry-After</c> in whole seconds: the one answer that makes both senders retry later.</summary>
internal sealed class StoreUnavailableResult(TimeSpan retryAfter) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }
}
