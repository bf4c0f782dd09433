using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Connectors.Shopware.Internal;

/// <summary>Turns Shopware responses into values or typed exceptions; never lets a serializer exception escape.</summary>
internal static class ShopwareResponseReader
{
    public static HttpContent JsonBody(JsonNode body)
        => new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
        };

    public static async Task<T> ReadAsync<T>(Task<HttpResponseMessage> call, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(call).ConfigureAwait(false);
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(response, body);
        return Deserialize(response, body, typeInfo);
    }

    public static async Task ExpectSuccessAsync(Task<HttpResponseMessage> call, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(call).ConfigureAwait(false);
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(response, body);
    }

    public static T Deserialize<T>(HttpResponseMessage response, string body, JsonTypeInfo<T> typeInfo)
    {
        var what = typeInfo.Type.Name;
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new ShopwareApiException(
                $"Shopware answered {Describe(response)} with an empty body where JSON ({what}) was expected.", response.StatusCode, responseBody: body);
        }

        if (IsJsonApi(response))
        {
            throw new ShopwareApiException(
                $"Shopware answered {Describe(response)} with {JsonApiMediaType} (JSON:API) where plain JSON (application/json) was expected. "
                + "The client always sends 'Accept: application/json', so a proxy, gateway or CDN in front of the shop most likely rewrote or dropped "
                + "the Accept header. Let the header through unchanged; JSON:API bodies are not read, because they would yield entities with only an id.",
                response.StatusCode,
                responseBody: body);
        }

        if (!LooksLikeJson(response, body))
        {
            throw new ShopwareApiException(
                $"Shopware answered {Describe(response)} with {MediaType(response) ?? "an unknown content type"} instead of JSON; a proxy, firewall or maintenance page may be in front of the shop.",
                response.StatusCode,
                responseBody: body);
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new ShopwareApiException($"Shopware answered {Describe(response)} with JSON null where {what} was expected.", response.StatusCode, responseBody: body);
        }
        catch (JsonException ex)
        {
            throw new ShopwareApiException(
                $"Shopware answered {Describe(response)} with malformed or unexpected JSON for {what} (at {ex.Path ?? "$"}, line {ex.LineNumber}).",
                response.StatusCode,
                responseBody: body,
                innerException: ex);
        }
    }

    public static void ThrowIfFailed(HttpResponseMessage response, string body)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var errors = ParseErrors(body);
        var first = errors.Count > 0 ? errors[0] : null;
        var summary = first is null
            ? LooksLikeJson(response, body) || string.IsNullOrWhiteSpace(body) ? "no error details" : $"a non-JSON body ({MediaType(response) ?? "unknown content type"})"
            : $"{first.Code}: {first.Detail ?? first.Title}";
        var message = $"Shopware {Describe(response)} failed with {(int)response.StatusCode} {response.ReasonPhrase}: {summary}";

        throw response.StatusCode switch
        {
            HttpStatusCode.NotFound => new ShopwareNotFoundException(message, errors, body),
            HttpStatusCode.Unauthorized => new ShopwareAuthenticationException(message, response.StatusCode, errors, body),
            HttpStatusCode.TooManyRequests => new ShopwareRateLimitedException(message, RetryAfter(response), errors, body),
            HttpStatusCode.Forbidden when errors.Any(e => e.Code == ShopwareMissingPrivilegeException.Code)
                => new ShopwareMissingPrivilegeException(message, MissingPrivileges(errors), errors, body),
            HttpStatusCode.BadRequest when errors.Any(e => e.Pointers.Count > 0) => new ShopwareValidationException(message, errors, body),
            _ => new ShopwareApiException(message, response.StatusCode, errors, body),
        };
    }

    /// <summary>Reads the <c>errors[]</c> envelope leniently; anything else yields no errors.</summary>
    public static IReadOnlyList<ShopwareError> ParseErrors(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var array)
                || array.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ToError)];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// The privileges named by missing-privilege errors: Shopware puts <c>{"message":…,"missingPrivileges":[…]}</c> as JSON
    /// text in <c>detail</c> (some versions send an object keyed by index instead of an array).
    /// </summary>
    private static List<string> MissingPrivileges(IReadOnlyList<ShopwareError> errors)
    {
        var privileges = new List<string>();
        foreach (var detail in errors.Where(e => e.Code == ShopwareMissingPrivilegeException.Code).Select(e => e.Detail).OfType<string>())
        {
            try
            {
                using var document = JsonDocument.Parse(detail);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("missingPrivileges", out var named))
                {
                    IEnumerable<JsonElement> values = named.ValueKind switch
                    {
                        JsonValueKind.Array => named.EnumerateArray(),
                        JsonValueKind.Object => named.EnumerateObject().Select(p => p.Value),
                        _ => [],
                    };
                    privileges.AddRange(values.Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
                }
            }
            catch (JsonException)
            {
                // A detail that is not JSON names no privilege; the exception still carries the raw errors.
            }
        }

        return [.. privileges.Distinct(StringComparer.Ordinal)];
    }

    private static async Task<HttpResponseMessage> SendAsync(Task<HttpResponseMessage> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Refit.ApiRequestException ex) when (ex.InnerException is not null)
        {
            // Refit wraps whatever the handlers threw; callers see our own exceptions, never Refit's or Polly's.
            throw Translate(ex.InnerException);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw Translate(ex);
        }
    }

    private static ShopwareApiException Translate(Exception failure)
    {
        if (!IsTransportFailure(failure))
        {
            // Cancellation, our own exceptions (e.g. a refused token) and anything unexpected pass through unchanged.
            ExceptionDispatchInfo.Throw(failure);
        }

        return new ShopwareApiException($"The request to Shopware failed without a usable response: {failure.Message}", innerException: failure);
    }

    private static bool IsTransportFailure(Exception ex)
        => ex is HttpRequestException
            or Polly.Timeout.TimeoutRejectedException
            or Polly.CircuitBreaker.BrokenCircuitException
            or Polly.RateLimiting.RateLimiterRejectedException;

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        => await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

    private static ShopwareError ToError(JsonElement error)
    {
        string? pointer = null;
        if (error.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object)
        {
            pointer = Text(source, "pointer");
        }

        return new ShopwareError(Text(error, "status"), Text(error, "code"), Text(error, "title"), Text(error, "detail"), pointer, Parameters(error));
    }

    // meta.parameters carries the pointers of resolver errors (pointer-N) and the values of constraint templates.
    // PHP writes an empty map as [], which means "none" here.
    private static Dictionary<string, string>? Parameters(JsonElement error)
    {
        if (!error.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object
            || !meta.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters.EnumerateObject())
        {
            values[parameter.Name] = parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText();
        }

        return values;
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private const string JsonApiMediaType = "application/vnd.api+json";

    // JSON:API (Shopware's default format) nests every field under attributes; read as plain JSON it parses but loses them.
    private static bool IsJsonApi(HttpResponseMessage response)
        => string.Equals(MediaType(response), JsonApiMediaType, StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeJson(HttpResponseMessage response, string body)
    {
        var mediaType = MediaType(response);
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var start = body.AsSpan().TrimStart();
        return start.IsEmpty || start[0] is '{' or '[' or '"' or 'n' or 't' or 'f' or '-' or (>= '0' and <= '9');
    }

    private static string? MediaType(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    private static string Describe(HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        return request is null ? "request" : $"{request.Method} {request.RequestUri?.AbsolutePath}";
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date && response.Headers.Date is { } sent)
        {
            // Measured against the server's own Date header, so local clock skew does not matter.
            var wait = date - sent;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
