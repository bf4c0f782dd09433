using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Sitoo.Tests.Support;

/// <summary>A service provider with the Sitoo client wired to <see cref="FakeSitooServer"/> through the real
/// registration (options, resilience, Refit), with every request checked against the contract.</summary>
public sealed class SitooTestHost : IDisposable
{
    public const string ApiId = "1500-7";
    public const string Password = "s3cr3t-pa55";

    private SitooTestHost(ServiceProvider provider, FakeSitooServer server, SitooContractGate gate, FakeTimeProvider time)
    {
        Provider = provider;
        Server = server;
        Gate = gate;
        Time = time;
    }

    public ServiceProvider Provider { get; }

    public FakeSitooServer Server { get; }

    public SitooContractGate Gate { get; }

    public FakeTimeProvider Time { get; }

    public ISitooClient Client => Provider.GetRequiredService<ISitooClient>();

    public static SitooTestHost Create(Action<SitooApiOptions>? configure = null)
    {
        var server = new FakeSitooServer();
        var gate = new SitooContractGate();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-15T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSitooApi(options =>
            {
                options.BaseAddress = new Uri("http://127.0.0.1:9/");
                options.AccountId = 1500;
                options.SiteId = 1;
                options.ApiId = ApiId;
                options.Password = Password;
                options.PageSize = 2;
                options.Resilience.RateLimiterEnabled = false;
                options.Resilience.RetryBaseDelay = TimeSpan.Zero;
                configure?.Invoke(options);
            })
            .ConfigurePrimaryHttpMessageHandler(() => server)
            .AddHttpMessageHandler(() => gate);
        return new SitooTestHost(services.BuildServiceProvider(), server, gate, time);
    }

    public void Dispose() => Provider.Dispose();
}
