using System.Text;
using System.Text.Json;

namespace Connectors.SampleWorker.Tests;

/// <summary>The sample's logs and OpenTelemetry export, from runs of the sample as its own process.</summary>
public sealed class SampleTelemetryTests
{
    // The demo's credentials (the simulators' and the demo world's), and one more configured on top of them.
    private const string PreviousAppSecret = "previous-app-secret-7f3a9c";

    private static readonly string[] Secrets =
    [
        "simulated-integration-secret",
        "sitoo-simulator",
        "demo-events-password",
        "demo-app-secret",
        PreviousAppSecret,
        // The Basic credentials as they travel in Authorization headers (the first demo world's Sitoo API id is 1500-1).
        Convert.ToBase64String(Encoding.UTF8.GetBytes("1500-1:sitoo-simulator")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("sitoo-events:demo-events-password")),
    ];

    [Fact]
    public async Task A_demo_run_logged_at_trace_level_writes_no_configured_secret_to_the_console_or_the_OTLP_export()
    {
        var folder = Directory.CreateTempSubdirectory("connectors-secrets-").FullName;
        using var collector = new OtlpReceiver();
        var environment = collector.Environment();
        environment["Logging__LogLevel__Default"] = "Trace";
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace";
        environment["Logging__LogLevel__System.Net.Http.HttpClient"] = "Trace";
        environment["Connectors__Hosting__ShopwareWebhooks__PreviousAppSecret"] = PreviousAppSecret;
        await using var sample = SampleProcess.Start(environment, "--run-for", "10", "--data", Path.Combine(folder, "data"), "--port", "0");

        Assert.Equal(0, await sample.WaitForExitAsync(TimeSpan.FromMinutes(3)));

        var lines = sample.Output.Split('\n');
        // The run did log its HTTP traffic (both directions), so the check below had something to look at.
        Assert.Contains(lines, line => line.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
        Assert.True(collector.Received("/v1/logs", "System.Net.Http.HttpClient"), "No logs were exported over OTLP.");
        foreach (var secret in Secrets)
        {
            // The JSON console escapes some characters (e.g. + in Base64), so look for the escaped form too.
            var escaped = JsonEncodedText.Encode(secret).ToString();
            var leaks = lines.Where(line => line.Contains(secret, StringComparison.Ordinal) || line.Contains(escaped, StringComparison.Ordinal)).Take(3).ToList();
            Assert.True(leaks.Count == 0, $"A log line holds the secret '{secret}':\n{string.Join('\n', leaks)}");
            var exported = collector.Exports.Where(export => export.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0).Select(export => export.Path).Distinct().ToList();
            Assert.True(exported.Count == 0, $"The OTLP export to {string.Join(", ", exported)} holds the secret '{secret}'.");
        }
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_the_sample_exports_the_connector_metrics_and_traces()
    {
        var folder = Directory.CreateTempSubdirectory("connectors-otlp-").FullName;
        using var collector = new OtlpReceiver();
        await using var sample = SampleProcess.Start(collector.Environment(), "--run-for", "8", "--data", Path.Combine(folder, "data"), "--port", "0");

        Assert.Equal(0, await sample.WaitForExitAsync(TimeSpan.FromMinutes(3)));

        // The engine's meter and instruments, the HTTP clients' metrics, and the engine's and HTTP traces.
        Assert.True(collector.Received("/v1/metrics", "connectors.stock.writes"), sample.Output);
        Assert.True(collector.Received("/v1/metrics", "connectors.api.calls"));
        Assert.True(collector.Received("/v1/metrics", "http.client.request.duration"));
        Assert.True(collector.Received("/v1/traces", "Connectors.Sync"));
        Assert.True(collector.Received("/v1/traces", "System.Net.Http"));
        Assert.True(collector.Received("/v1/metrics", "connectors-sample-worker"));
    }
}
