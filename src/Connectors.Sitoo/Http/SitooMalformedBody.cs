namespace Connectors.Sitoo.Http;

/// <summary>Explains a successful answer whose body could not be read as the expected JSON
/// (an empty body, an HTML page from a proxy, or an unexpected shape).</summary>
internal static class SitooMalformedBody
{
    public static async Task<Exception?> CreateAsync(HttpResponseMessage response, Exception cause)
    {
        string? body = null;
        try
        {
            body = response.Content is null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The body was a stream that is already consumed; the cause still explains the failure.
        }
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        var mediaType = response.Content?.Headers.ContentType?.MediaType ?? "no media type";
        var kind = string.IsNullOrWhiteSpace(body) ? "an empty body"
            : body.TrimStart().StartsWith('<') ? $"an HTML or XML body ({mediaType})"
            : $"a body that is not the expected JSON ({mediaType})";
        return new SitooApiException(
            $"Sitoo answered {(int)response.StatusCode} to {what} with {kind}: {cause?.Message}",
            response.StatusCode,
            responseBody: SitooResponseBody.Truncate(body),
            innerException: cause);
    }
}
