using System.Net;
using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sync.State;

namespace Connectors.Sync.Engine;

/// <summary>What to do about a failed attempt.</summary>
/// <param name="Transient">Whether trying again later may succeed (rate limits, timeouts, 5xx, a busy database).</param>
/// <param name="RetryAfter">The wait the remote system asked for, if any.</param>
/// <param name="Report">For a permanent failure: the exception record to show.</param>
internal sealed record FailureDecision(bool Transient, TimeSpan? RetryAfter, ExceptionReport? Report);

/// <summary>Sorts failures into passing ones (retry with backoff) and ones an operator must fix (park and report).</summary>
internal static class FailureClassifier
{
    public static FailureDecision Classify(Exception exception, EntityReference entity) => exception switch
    {
        SyncProblemException problem => Permanent(problem.Report),
        ShopwareRateLimitedException limited => new(true, limited.RetryAfter, null),
        SitooRateLimitedException limited => new(true, limited.RetryAfter, null),
        SitooUnavailableException unavailable => new(true, unavailable.RetryAfter, null),
        ShopwareValidationException or ShopwareNotFoundException => Permanent(Rejected((ShopwareApiException)exception, entity)),
        SitooValidationException or SitooNotFoundException => Permanent(Rejected((SitooApiException)exception, entity)),
        ShopwareApiException { StatusCode: { } status } when !IsTransient(status) => Permanent(Rejected((ShopwareApiException)exception, entity)),
        SitooApiException { StatusCode: var status } when !IsTransient(status) => Permanent(Rejected((SitooApiException)exception, entity)),
        _ => new(true, null, null),
    };

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized;

    private static FailureDecision Permanent(ExceptionReport report) => new(false, null, report);

    private static ExceptionReport Rejected(ShopwareApiException exception, EntityReference entity)
    {
        var first = exception.Errors.Count > 0 ? exception.Errors[0] : null;
        return new ExceptionReport(
            ReasonCodes.ApiRejected,
            OwningTeam.Ecommerce,
            entity,
            $"Shopware refused the request: {first?.Detail ?? exception.Message}",
            "Correct the field Shopware names in the shop (or the mapping that produced it), then retry.",
            RemoteError: new RemoteError("shopware", (int?)exception.StatusCode, first?.Code, first?.Detail ?? exception.Message, first?.SourcePointer));
    }

    private static ExceptionReport Rejected(SitooApiException exception, EntityReference entity) =>
        new(
            ReasonCodes.ApiRejected,
            OwningTeam.Retail,
            entity,
            $"Sitoo refused the request: {exception.ErrorText ?? exception.Message}",
            "Correct the data Sitoo names (in Sitoo, or the mapping that produced it), then retry.",
            RemoteError: new RemoteError("sitoo", (int)exception.StatusCode, null, exception.ErrorText ?? exception.Message));
}
