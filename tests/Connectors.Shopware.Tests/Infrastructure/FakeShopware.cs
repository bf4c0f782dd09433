using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Shopware.Tests.Infrastructure;

public sealed record RecordedRequest(HttpMethod Method, string Path, string? Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An in-memory Shopware: a token endpoint plus routes the test sets up; records every request.</summary>
public sealed class FakeShopware(FakeTimeProvider time) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<(HttpMethod Method, string Path, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Respond)> _routes = [];
    private int _tokensIssued;

    public int TokenLifetimeSeconds { get; set; } = 600;

    /// <summary>Replaces the default token endpoint.</summary>
    public Func<RecordedRequest, HttpResponseMessage>? TokenEndpoint { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> ApiRequests => [.. _requests.Where(r => r.Path != "/api/oauth/token")];

    public int TokenRequests => _requests.Count(r => r.Path == "/api/oauth/token");

    public string CurrentToken => $"token-{Volatile.Read(ref _tokensIssued)}";

    public FakeShopware On(HttpMethod method, string path, Func<RecordedRequest, HttpResponseMessage> respond)
        => OnAsync(method, path, (r, _) => Task.FromResult(respond(r)));

    public FakeShopware OnAsync(HttpMethod method, string path, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        lock (_routes)
        {
            _routes.Add((method, path, respond));
        }

        return this;
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Fixture(string relativePath, HttpStatusCode status = HttpStatusCode.OK)
        => Json(Fixtures.Read(relativePath), status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, body, headers, time.GetUtcNow());
        _requests.Enqueue(recorded);

        if (recorded.Path == "/api/oauth/token")
        {
            return WithRequest(TokenEndpoint?.Invoke(recorded) ?? IssueToken(), request);
        }

        if (recorded.Header("Authorization") != $"Bearer {CurrentToken}")
        {
            return WithRequest(Json("""{"errors":[{"status":"401","code":"9","title":"Unauthorized","detail":"Access token could not be verified."}]}""", HttpStatusCode.Unauthorized), request);
        }

        Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>? route;
        lock (_routes)
        {
            route = _routes.LastOrDefault(r => r.Method == recorded.Method && Matches(r.Path, recorded.Path)).Respond;
        }

        var response = route is null
            ? Json($$"""{"errors":[{"status":"404","code":"TEST__NO_ROUTE","detail":"No fake route for {{recorded.Method}} {{recorded.Path}}"}]}""", HttpStatusCode.NotFound)
            : await route(recorded, cancellationToken);
        return WithRequest(response, request);
    }

    /// <summary>Invalidates the current token, as a shop does when it revokes one.</summary>
    public void RevokeToken() => Interlocked.Increment(ref _tokensIssued);

    private HttpResponseMessage IssueToken()
    {
        var number = Interlocked.Increment(ref _tokensIssued);
        return Json($$"""{"token_type":"Bearer","expires_in":{{TokenLifetimeSeconds}},"access_token":"token-{{number}}"}""");
    }

    private static bool Matches(string pattern, string path)
        => pattern.EndsWith('*') ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == path;

    private static HttpResponseMessage WithRequest(HttpResponseMessage response, HttpRequestMessage request)
    {
        response.RequestMessage = request;
        return response;
    }
}
