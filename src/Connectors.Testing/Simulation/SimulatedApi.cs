using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Connectors.Testing.Simulation;

/// <summary>
/// The common frame of a simulated remote system: injected faults and a call log around the system's own
/// request handling, served in-process as an <see cref="HttpMessageHandler"/> or on a loopback port.
/// </summary>
public abstract partial class SimulatedApi : IAsyncDisposable
{
    private LoopbackServer? _server;

    /// <summary>Creates the frame with the given seed and clock.</summary>
    protected SimulatedApi(SimulatorOptions? options)
    {
        Options = options ?? new SimulatorOptions();
        Random = new Random(Options.Seed);
        Faults = new FaultInjector(new Random(Options.Seed ^ 0x5f3759df));
    }

    /// <summary>The seed and clock the simulator was created with.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>The faults to inject into requests.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The calls served so far.</summary>
    public ApiCallLog Calls { get; } = new();

    /// <summary>The base address of the loopback server, once <see cref="StartLoopbackAsync(int, CancellationToken)"/> has run.</summary>
    public Uri? LoopbackAddress => _server?.Address;

    /// <summary>The simulator's own seeded random source; use only under the simulator's lock.</summary>
    protected Random Random { get; }

    /// <summary>A handler that serves requests in-process, for an <see cref="HttpClient"/> in fast tests.</summary>
    public HttpMessageHandler CreateHandler() => new InProcessHandler(this);

    /// <summary>Serves the simulator on <c>http://127.0.0.1:{free port}</c> and returns its base address.</summary>
    public Task<Uri> StartLoopbackAsync(CancellationToken cancellationToken = default) => StartLoopbackAsync(0, cancellationToken);

    /// <summary>
    /// Serves the simulator on <c>http://127.0.0.1:{port}</c> and returns its base address: a fixed port for a simulator
    /// that other processes are pointed at, 0 for a free one.
    /// </summary>
    /// <param name="port">The loopback port to listen on; 0 picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task<Uri> StartLoopbackAsync(int port, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        if (_server is not null)
        {
            return _server.Address;
        }
        _server = await LoopbackServer.StartAsync(this, port, cancellationToken).ConfigureAwait(false);
        return _server.Address;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
            _server = null;
        }
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a simulated system holds beyond the frame (e.g. the client that delivers its webhooks).</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    /// <summary>Handles a request that no fault intercepted: the simulated system's behaviour.</summary>
    protected abstract Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>The name a call is counted under; ids in the path are folded into <c>{id}</c>.</summary>
    protected virtual string OperationName(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = IdSegment().Replace(request.RequestUri?.AbsolutePath ?? "/", "/{id}");
        return $"{request.Method} {path}";
    }

    /// <summary>Applies faults, serves the request and logs the call.</summary>
    internal async Task<HttpResponseMessage> ServeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = OperationName(request);
        var (delay, failure) = Faults.Decide(request.Method, request.RequestUri?.AbsolutePath ?? "/");
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        switch (failure?.Kind)
        {
            case FaultKind.RateLimited:
                Calls.Record(operation, 429);
                return RateLimited(failure.RetryAfter);
            case FaultKind.ServerError:
                Calls.Record(operation, (int)failure.Status);
                return new HttpResponseMessage(failure.Status) { Content = new StringContent("<html><body>upstream unavailable</body></html>", System.Text.Encoding.UTF8, "text/html") };
            case FaultKind.Timeout:
                Calls.Record(operation, 0);
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                throw new OperationCanceledException(cancellationToken);
            case FaultKind.ConnectionReset:
                Calls.Record(operation, 0);
                throw new HttpRequestException(HttpRequestError.ConnectionError, "The simulated connection was reset.", new IOException("Connection reset by peer"));
        }
        var response = await HandleAsync(request, cancellationToken).ConfigureAwait(false);
        Calls.Record(operation, (int)response.StatusCode);
        response.RequestMessage ??= request;
        return response;
    }

    /// <summary>The simulated system's answer to too many requests; systems may override the body.</summary>
    protected virtual HttpResponseMessage RateLimited(TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        return response;
    }

    [GeneratedRegex(@"/(\d+|[0-9a-f]{32}|\{[0-9a-fA-F-]{36}\})(?=/|\.json|$)")]
    private static partial Regex IdSegment();

    private sealed class InProcessHandler(SimulatedApi api) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            api.ServeAsync(request, cancellationToken);
    }
}
