using System.Net;
using System.Net.Sockets;

namespace Connectors.SampleWorker.Tests;

/// <summary>
/// A stand-in OpenTelemetry collector on a loopback port: takes OTLP/HTTP exports (<c>/v1/metrics</c>,
/// <c>/v1/traces</c>, <c>/v1/logs</c>), answers 200 and keeps each request's path and protobuf body.
/// </summary>
internal sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Path, byte[] Body)> _exports = [];
    private readonly Task _serving;

    public OtlpReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The exports received so far.</summary>
    public IReadOnlyList<(string Path, byte[] Body)> Exports
    {
        get
        {
            lock (_exports)
            {
                return [.. _exports];
            }
        }
    }

    /// <summary>The environment that points the sample's OTLP exporter here over HTTP/protobuf, exporting every second.</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "500",
    };

    /// <summary>Whether an export to <paramref name="path"/> holds <paramref name="text"/> (names are plain UTF-8 in protobuf).</summary>
    public bool Received(string path, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return Exports.Any(export => export.Path == path && export.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.GetAwaiter().GetResult();
        }
        catch (ObjectDisposedException)
        {
            // Closed while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (_exports)
            {
                _exports.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
