using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Connectors.Sitoo.Tests.Support;

/// <summary>A request the client sent, captured before the fake answered it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? Authorization)
{
    public string Path => Uri.AbsolutePath;

    public IReadOnlyDictionary<string, string> Query =>
        Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "");
}

/// <summary>The primary handler of the client under test: answers from a script and records every request.
/// Nothing leaves the process.</summary>
public sealed class FakeSitooServer : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>? _fallback;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Answers the next request with <paramref name="respond"/>.</summary>
    public FakeSitooServer Then(Func<RecordedRequest, HttpResponseMessage> respond) =>
        ThenAsync((request, _) => Task.FromResult(respond(request)));

    /// <summary>Answers the next request asynchronously, e.g. never (until the client gives up).</summary>
    public FakeSitooServer ThenAsync(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public FakeSitooServer ThenJson(string json, HttpStatusCode status = HttpStatusCode.OK) => Then(_ => Json(json, status));

    /// <summary>Answers every request not scripted with <see cref="Then"/>.</summary>
    public FakeSitooServer Always(Func<RecordedRequest, HttpResponseMessage> respond)
    {
        _fallback = (request, _) => Task.FromResult(respond(request));
        return this;
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString());
        lock (_requests)
        {
            _requests.Add(recorded);
        }
        var respond = _script.TryDequeue(out var next) ? next : _fallback
            ?? throw new InvalidOperationException($"No scripted answer for {request.Method} {request.RequestUri}");
        var response = await respond(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
