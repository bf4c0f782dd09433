using Connectors.Sync.Engine;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Connectors.SampleWorker;

/// <summary>
/// OpenTelemetry for the sample: the engine's meter and traces, HTTP client and server calls, the runtime, and the
/// logs, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard <c>OTEL_*</c> variables choose
/// protocol, headers, intervals and resource). Without an endpoint nothing is collected for export.
/// </summary>
internal static class SampleTelemetry
{
    /// <summary>The service name the sample reports (<c>OTEL_SERVICE_NAME</c> overrides it).</summary>
    public const string ServiceName = "connectors-sample-worker";

    /// <summary>The meter of the HTTP clients' resilience pipelines (retries, circuit breaker, timeouts).</summary>
    private const string ResilienceMeterName = "Polly";

    /// <summary>The category prefix of HttpClientFactory's logs.</summary>
    private const string HttpClientLogCategory = "System.Net.Http.HttpClient";

    public static void AddSampleTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        // HttpClientFactory's trace-level header logs print redacted values, but their structured state carries the
        // raw headers (the Authorization header among them), and an OTLP log record exports that state. So OTLP gets
        // HTTP client logs from Debug up only; the console writes the redacted text.
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>(HttpClientLogCategory, LogLevel.Debug);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(EngineTelemetry.MeterName, ResilienceMeterName)
                .AddHttpClientInstrumentation()
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(EngineTelemetry.ActivitySourceName)
                .AddHttpClientInstrumentation()
                .AddAspNetCoreInstrumentation())
            .WithLogging()
            // Reads the endpoint, protocol and headers from the OTEL_EXPORTER_OTLP_* configuration.
            .UseOtlpExporter();
    }
}
