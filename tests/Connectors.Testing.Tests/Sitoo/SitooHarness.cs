using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connectors.Sitoo;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Testing.Tests.Sitoo;

/// <summary>A simulator on a fake clock, our Sitoo client pointed at it in-process, and a raw HTTP client for wire-level checks.</summary>
internal sealed class SitooHarness : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    private readonly ServiceProvider _services;
    private readonly Lazy<ISitooClient> _client;

    private SitooHarness(SitooSimulatorOptions? options, int seed, string? clientPassword)
    {
        Clock = new FakeClock(Start);
        Simulator = new SitooSimulator(options, new SimulatorOptions { Seed = seed, Clock = Clock });
        var services = new ServiceCollection();
        services.AddSitooApi(o =>
            {
                o.BaseAddress = new Uri("http://127.0.0.1/");
                o.AccountId = Simulator.Sitoo.AccountId;
                o.SiteId = Simulator.Sitoo.EshopId;
                o.ApiId = Simulator.Sitoo.ApiId;
                o.Password = clientPassword ?? Simulator.Sitoo.Password;
                o.Resilience.RateLimiterEnabled = false;
                o.Resilience.MaxRetryAttempts = 1;
                o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            })
            .ConfigurePrimaryHttpMessageHandler(() => Simulator.CreateHandler());
        _services = services.BuildServiceProvider();
        _client = new Lazy<ISitooClient>(_services.GetRequiredService<ISitooClient>);
        Http = Raw(Simulator.Sitoo.ApiId, Simulator.Sitoo.Password);
    }

    public FakeClock Clock { get; }

    public SitooSimulator Simulator { get; }

    /// <summary>Our client, made on first use.</summary>
    public ISitooClient Client => _client.Value;

    /// <summary>Basic-authenticated, based at <c>/v2/accounts/{accountid}/</c>, no retries.</summary>
    public HttpClient Http { get; }

    public static SitooHarness Create(SitooSimulatorOptions? options = null, int seed = 7, string? clientPassword = null) => new(options, seed, clientPassword);

    public HttpClient Raw(string user, string password)
    {
        var client = new HttpClient(Simulator.CreateHandler()) { BaseAddress = new Uri($"http://127.0.0.1/v2/accounts/{Simulator.Sitoo.AccountId}/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        Assert.Equal(200, status);
        return body!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
