using System.Net;

namespace Connectors.Sitoo;

/// <summary>Sitoo rejected a call, or answered with a body that is not what the API documents.</summary>
public class SitooApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, without credentials.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="errorText">Sitoo's <c>errortext</c>, when the body had one.</param>
    /// <param name="responseBody">The start of the body, for diagnosis.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SitooApiException(string message, HttpStatusCode statusCode, string? errorText = null, string? responseBody = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorText = errorText;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Sitoo's <c>errortext</c>, when the body had one.</summary>
    public string? ErrorText { get; }

    /// <summary>The start of the response body (truncated), for diagnosis.</summary>
    public string? ResponseBody { get; }
}

/// <summary>The resource does not exist (HTTP 404): a wrong id, or a wrong account, site or host.</summary>
public sealed class SitooNotFoundException : SitooApiException
{
    /// <inheritdoc cref="SitooApiException(string, HttpStatusCode, string?, string?, Exception?)" />
    public SitooNotFoundException(string message, string? errorText, string? responseBody)
        : base(message, HttpStatusCode.NotFound, errorText, responseBody)
    {
    }
}

/// <summary>Sitoo refused the request as invalid (HTTP 400); <see cref="SitooApiException.ErrorText"/> says why.
/// Repeating the same request will not help.</summary>
public sealed class SitooValidationException : SitooApiException
{
    /// <inheritdoc cref="SitooApiException(string, HttpStatusCode, string?, string?, Exception?)" />
    public SitooValidationException(string message, string? errorText, string? responseBody)
        : base(message, HttpStatusCode.BadRequest, errorText, responseBody)
    {
    }
}

/// <summary>The credentials were refused (HTTP 401/403): a wrong API id or password, a missing API extension,
/// or a caller IP address that is not on the account's allow-list.</summary>
public sealed class SitooAuthenticationException : SitooApiException
{
    /// <inheritdoc cref="SitooApiException(string, HttpStatusCode, string?, string?, Exception?)" />
    public SitooAuthenticationException(string message, HttpStatusCode statusCode, string? errorText, string? responseBody)
        : base(message, statusCode, errorText, responseBody)
    {
    }
}

/// <summary>Sitoo is throttling the caller (HTTP 429) and retries did not get through.</summary>
public sealed class SitooRateLimitedException : SitooApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="retryAfter">The wait the server asked for, when it said.</param>
    /// <param name="errorText">Sitoo's <c>errortext</c>, when the body had one.</param>
    /// <param name="responseBody">The start of the body.</param>
    public SitooRateLimitedException(string message, TimeSpan? retryAfter, string? errorText, string? responseBody)
        : base(message, HttpStatusCode.TooManyRequests, errorText, responseBody)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The wait the server asked for (from <c>Retry-After</c> or the rate-limit reset header), when present.</summary>
    public TimeSpan? RetryAfter { get; }
}
