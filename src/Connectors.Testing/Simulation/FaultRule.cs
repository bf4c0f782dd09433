using System.Net;

namespace Connectors.Testing.Simulation;

/// <summary>What a <see cref="FaultRule"/> does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Delays the request, then serves it normally.</summary>
    Latency,

    /// <summary>Answers 429 Too Many Requests with a <c>Retry-After</c> header.</summary>
    RateLimited,

    /// <summary>Answers with a 5xx status.</summary>
    ServerError,

    /// <summary>Never answers: the request hangs until the caller gives up.</summary>
    Timeout,

    /// <summary>Drops the connection without an answer.</summary>
    ConnectionReset,
}

/// <summary>
/// One fault to inject into the requests that match a method and a path prefix, a given number of times
/// (or forever) and with a given probability (drawn from the simulator's seeded random source).
/// </summary>
public sealed record FaultRule
{
    /// <summary>The HTTP method to match, or <see langword="null"/> for any.</summary>
    public HttpMethod? Method { get; init; }

    /// <summary>The path prefix to match (e.g. <c>/api/_action/sync</c>); empty matches every path.</summary>
    public string PathPrefix { get; init; } = "";

    /// <summary>The fault.</summary>
    public FaultKind Kind { get; init; }

    /// <summary>How many matching requests the rule affects; <see langword="null"/> for no limit.</summary>
    public int? Times { get; init; }

    /// <summary>The chance, from 0 to 1, that a matching request is affected.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>For <see cref="FaultKind.RateLimited"/>: the wait announced in <c>Retry-After</c>.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>For <see cref="FaultKind.ServerError"/>: the status to answer with.</summary>
    public HttpStatusCode Status { get; init; } = HttpStatusCode.ServiceUnavailable;

    /// <summary>For <see cref="FaultKind.Latency"/>: the shortest delay.</summary>
    public TimeSpan MinLatency { get; init; }

    /// <summary>For <see cref="FaultKind.Latency"/>: the longest delay; delays are uniform between the two.</summary>
    public TimeSpan MaxLatency { get; init; }

    /// <summary>Whether the rule applies to a request.</summary>
    public bool Matches(HttpMethod method, string path) =>
        (Method is null || Method == method) && path.StartsWith(PathPrefix, StringComparison.Ordinal);

    /// <summary>Answers 429 with <paramref name="retryAfter"/> to matching requests.</summary>
    public static FaultRule RateLimit(string pathPrefix, TimeSpan retryAfter, int? times = null, HttpMethod? method = null) =>
        new() { Kind = FaultKind.RateLimited, PathPrefix = pathPrefix, RetryAfter = retryAfter, Times = times, Method = method };

    /// <summary>Answers <paramref name="status"/> to matching requests.</summary>
    public static FaultRule Fail(string pathPrefix, HttpStatusCode status = HttpStatusCode.ServiceUnavailable, int? times = null, HttpMethod? method = null) =>
        new() { Kind = FaultKind.ServerError, PathPrefix = pathPrefix, Status = status, Times = times, Method = method };

    /// <summary>Delays matching requests by a uniformly drawn time between the two bounds.</summary>
    public static FaultRule Delay(string pathPrefix, TimeSpan min, TimeSpan max, HttpMethod? method = null) =>
        new() { Kind = FaultKind.Latency, PathPrefix = pathPrefix, MinLatency = min, MaxLatency = max, Method = method };

    /// <summary>Makes matching requests hang until the caller cancels them.</summary>
    public static FaultRule Hang(string pathPrefix, int? times = null, HttpMethod? method = null) =>
        new() { Kind = FaultKind.Timeout, PathPrefix = pathPrefix, Times = times, Method = method };

    /// <summary>Drops the connection of matching requests.</summary>
    public static FaultRule Reset(string pathPrefix, int? times = null, HttpMethod? method = null) =>
        new() { Kind = FaultKind.ConnectionReset, PathPrefix = pathPrefix, Times = times, Method = method };
}
