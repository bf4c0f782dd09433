using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Testing.Tests.Shopware;

/// <summary>A simulated shop on a fake clock, with raw HTTP helpers and the real client wired to it.</summary>
internal sealed class ShopwareTestShop : IAsyncDisposable
{
    private ServiceProvider? _services;
    private string? _token;

    public ShopwareTestShop(ShopwareSimulatorOptions? options = null, int seed = 7)
    {
        Clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        // The default contract: the embedded Admin API description, as integrators get it.
        Simulator = new ShopwareSimulator(options, new SimulatorOptions { Seed = seed, Clock = Clock });
        Http = new HttpClient(Simulator.CreateHandler()) { BaseAddress = new Uri("http://shop.test/") };
    }

    public FakeClock Clock { get; }

    public ShopwareSimulator Simulator { get; }

    public HttpClient Http { get; }

    /// <summary>The real Admin API client, registered with DI and served in-process by the simulator.</summary>
    public IShopwareAdminClient Client()
    {
        if (_services is null)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddShopwareAdminApi(o =>
            {
                o.BaseAddress = new Uri("http://127.0.0.1/");
                o.ClientId = Simulator.ShopOptions.ClientId;
                o.ClientSecret = Simulator.ShopOptions.ClientSecret;
                o.Resilience.MaxRetryAttempts = 0;
                o.Resilience.CircuitBreakerEnabled = false;
            }).ConfigurePrimaryHttpMessageHandler(() => Simulator.CreateHandler());
            _services = services.BuildServiceProvider();
        }
        return _services.GetRequiredService<IShopwareAdminClient>();
    }

    public async Task<string> TokenAsync()
    {
        using var response = await PostAsync("api/oauth/token", new JsonObject
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Simulator.ShopOptions.ClientId,
            ["client_secret"] = Simulator.ShopOptions.ClientSecret,
        }, token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response))["access_token"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> PostAsync(string path, JsonNode body, string? token, string? accept = "application/json", IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, token, accept, headers);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token, string? accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, token, accept, null);
    }

    /// <summary>Posts with the shop's token (fetched once) and returns the status and parsed body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(string path, JsonNode body, IDictionary<string, string>? headers = null)
    {
        _token ??= await TokenAsync();
        using var response = await PostAsync(path, body, _token, headers: headers);
        return (response.StatusCode, response.Content.Headers.ContentLength == 0 ? null : await Json(response));
    }

    public static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await Simulator.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? token, string? accept, IDictionary<string, string>? headers)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await Http.SendAsync(request);
    }
}

/// <summary>Reads the copied fixtures and compares shapes.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Shopware", "Fixtures", name);

    public static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(PathOf(name)))!;

    /// <summary>Asserts every property of <paramref name="fixture"/> exists in <paramref name="actual"/> with the same JSON kind (nulls match anything).</summary>
    public static void AssertShapeCovers(JsonNode? fixture, JsonNode? actual, string path = "$")
    {
        if (fixture is null || actual is null)
        {
            return;
        }
        switch (fixture)
        {
            case JsonObject expected:
                var obj = Assert.IsType<JsonObject>(actual, exactMatch: false);
                foreach (var (name, value) in expected)
                {
                    Assert.True(obj.ContainsKey(name), $"{path}.{name} is missing");
                    AssertShapeCovers(value, obj[name], $"{path}.{name}");
                }
                break;
            case JsonArray expected:
                var array = Assert.IsType<JsonArray>(actual, exactMatch: false);
                if (expected.Count > 0 && array.Count > 0)
                {
                    AssertShapeCovers(expected[0], array[0], $"{path}[0]");
                }
                break;
            default:
                var kind = fixture.GetValueKind();
                var actualKind = actual.GetValueKind();
                var bothBool = kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
                    && actualKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False;
                Assert.True(bothBool || kind == actualKind, $"{path} is {actualKind}, the fixture has {kind}");
                break;
        }
    }
}

/// <summary>A webhook receiver: records deliveries and answers with a chosen status.</summary>
internal sealed class RecordingReceiver : HttpMessageHandler
{
    private readonly List<(string Body, Dictionary<string, string> Headers)> _received = [];

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public IReadOnlyList<(string Body, Dictionary<string, string> Headers)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (_received)
        {
            _received.Add((body, headers));
        }
        return new HttpResponseMessage(Status);
    }
}
