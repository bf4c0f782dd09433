using System.Net;

namespace Connectors.Shopware;

/// <summary>A Shopware Admin API call failed. Subclasses mark the failures a caller handles differently.</summary>
public class ShopwareApiException : Exception
{
    /// <summary>Longest part of a response body kept on the exception.</summary>
    public const int MaxBodyLength = 2048;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">HTTP status, or <see langword="null"/> when no response arrived.</param>
    /// <param name="errors">The parsed <c>errors[]</c> entries.</param>
    /// <param name="responseBody">The raw response body; truncated to <see cref="MaxBodyLength"/> characters.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ShopwareApiException(
        string message,
        HttpStatusCode? statusCode = null,
        IReadOnlyList<ShopwareError>? errors = null,
        string? responseBody = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Errors = errors ?? [];
        ResponseBody = Truncate(responseBody);
    }

    /// <summary>HTTP status, or <see langword="null"/> when the request failed before a response arrived (timeout, open circuit, network).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The parsed error entries (possibly empty).</summary>
    public IReadOnlyList<ShopwareError> Errors { get; }

    /// <summary>Error codes of <see cref="Errors"/>, in order, without blanks.</summary>
    public IReadOnlyList<string> Codes => [.. Errors.Select(e => e.Code).OfType<string>()];

    /// <summary>Detail of the first error, if any.</summary>
    public string? Detail => Errors.Select(e => e.Detail).FirstOrDefault(d => d is not null);

    /// <summary>The start of the response body, for diagnostics.</summary>
    public string? ResponseBody { get; }

    private static string? Truncate(string? body)
        => body is null || body.Length <= MaxBodyLength ? body : string.Concat(body.AsSpan(0, MaxBodyLength), "…");
}

/// <summary>The addressed entity or route does not exist (HTTP 404).</summary>
public sealed class ShopwareNotFoundException(string message, IReadOnlyList<ShopwareError> errors, string? responseBody)
    : ShopwareApiException(message, HttpStatusCode.NotFound, errors, responseBody);

/// <summary>
/// Shopware rejected written data (HTTP 400 with pointers to fields or rows: <c>source.pointer</c>, or the
/// <c>pointer-N</c> parameters of a sync resolver error). Each error is in <see cref="ShopwareApiException.Errors"/>.
/// </summary>
public sealed class ShopwareValidationException(string message, IReadOnlyList<ShopwareError> errors, string? responseBody)
    : ShopwareApiException(message, HttpStatusCode.BadRequest, errors, responseBody)
{
    /// <summary>The errors that carry a pointer (<see cref="ShopwareError.Pointers"/>).</summary>
    public IReadOnlyList<ShopwareError> FieldErrors => [.. Errors.Where(e => e.Pointers.Count > 0)];
}

/// <summary>The integration credentials were refused, or a fresh token was refused again. Check the access key and its ACL.</summary>
public sealed class ShopwareAuthenticationException(string message, HttpStatusCode? statusCode, IReadOnlyList<ShopwareError> errors, string? responseBody)
    : ShopwareApiException(message, statusCode, errors, responseBody);

/// <summary>The shop (or a proxy in front of it) throttled the client (HTTP 429) and retries were used up.</summary>
public sealed class ShopwareRateLimitedException(string message, TimeSpan? retryAfter, IReadOnlyList<ShopwareError> errors, string? responseBody)
    : ShopwareApiException(message, HttpStatusCode.TooManyRequests, errors, responseBody)
{
    /// <summary>How long the server asked to wait, when it said so.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>
/// The integration lacks an ACL privilege (HTTP 403 <c>FRAMEWORK__MISSING_PRIVILEGE_ERROR</c>). Grant the privileges in
/// <see cref="MissingPrivileges"/> to the integration's role (Settings → System → Integrations).
/// </summary>
public sealed class ShopwareMissingPrivilegeException(string message, IReadOnlyList<string> missingPrivileges, IReadOnlyList<ShopwareError> errors, string? responseBody)
    : ShopwareApiException(message, HttpStatusCode.Forbidden, errors, responseBody)
{
    /// <summary>Shopware's error code for a missing privilege.</summary>
    public const string Code = "FRAMEWORK__MISSING_PRIVILEGE_ERROR";

    /// <summary>The privileges Shopware named, e.g. <c>product:read</c>; empty when it named none.</summary>
    public IReadOnlyList<string> MissingPrivileges { get; } = missingPrivileges;
}
