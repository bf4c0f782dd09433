using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Connectors.Sitoo.Http;

/// <summary>Maps an unsuccessful answer to the exception a caller can act on. Sitoo's error body is
/// <c>{"statuscode": n, "errortext": "…"}</c>; proxies in front of it may answer with HTML or nothing.</summary>
internal sealed class SitooErrorMapper
{
    private readonly TimeProvider _timeProvider;
    private readonly string _rateLimitResetHeader;

    public SitooErrorMapper(TimeProvider timeProvider, string rateLimitResetHeader)
    {
        _timeProvider = timeProvider;
        _rateLimitResetHeader = rateLimitResetHeader;
    }

    public async Task<SitooApiException> CreateAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = response.Content is null ? null : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        var errorText = ReadErrorText(body);
        var truncated = SitooResponseBody.Truncate(body);
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        var reason = errorText ?? DescribeBody(response, body);
        var message = $"Sitoo answered {(int)status} to {what}: {reason}";
        return status switch
        {
            HttpStatusCode.NotFound => new SitooNotFoundException(message, errorText, truncated),
            HttpStatusCode.BadRequest => new SitooValidationException(message, errorText, truncated),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new SitooAuthenticationException(message, status, errorText, truncated),
            HttpStatusCode.TooManyRequests => new SitooRateLimitedException(message, RetryAfter(response), errorText, truncated),
            _ => new SitooApiException(message, status, errorText, truncated),
        };
    }

    /// <summary>The wait the server asks for: <c>Retry-After</c> (seconds or date) first, else the reset header.</summary>
    public TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var now = _timeProvider.GetUtcNow();
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }
            if (retryAfter.Date is { } date)
            {
                return date > now ? date - now : TimeSpan.Zero;
            }
        }
        if (response.Headers.TryGetValues(_rateLimitResetHeader, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var reset)
            && reset >= 0)
        {
            // Undocumented header: small numbers read as seconds to wait, large ones as the Unix time of the reset.
            if (reset < 1e9)
            {
                return TimeSpan.FromSeconds(reset);
            }
            var at = DateTimeOffset.FromUnixTimeMilliseconds((long)(reset * 1000));
            return at > now ? at - now : TimeSpan.Zero;
        }
        return null;
    }

    private static string? ReadErrorText(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errortext", out var text)
                && text.ValueKind == JsonValueKind.String
                ? text.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string DescribeBody(HttpResponseMessage response, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "the body was empty.";
        }
        var mediaType = response.Content?.Headers.ContentType?.MediaType ?? "unknown media type";
        return body.TrimStart().StartsWith('<')
            ? $"the body was HTML or XML ({mediaType}), not Sitoo's JSON error; a proxy or the wrong host may have answered."
            : $"the body was not Sitoo's JSON error ({mediaType}).";
    }
}
