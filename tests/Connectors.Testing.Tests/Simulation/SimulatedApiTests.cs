using System.Net;
using System.Text;
using Connectors.Testing.Simulation;

namespace Connectors.Testing.Tests.Simulation;

public class SimulatedApiTests
{
    // The smallest simulated system: echoes the method, path and body it was sent.
    private sealed class EchoApi(SimulatorOptions? options = null) : SimulatedApi(options)
    {
        protected override async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($"{request.Method} {request.RequestUri!.PathAndQuery} {body}", Encoding.UTF8, "text/plain"),
            };
        }
    }

    [Fact]
    public async Task Serves_in_process_and_counts_calls_by_operation_with_ids_folded()
    {
        await using var api = new EchoApi();
        using var client = new HttpClient(api.CreateHandler()) { BaseAddress = new Uri("http://sim.invalid") };

        Assert.Equal("GET /orders/12.json?x=1 ", await client.GetStringAsync("/orders/12.json?x=1"));
        await client.GetStringAsync("/orders/13.json");

        Assert.Equal(2, api.Calls.Count("GET /orders/{id}.json"));
        Assert.Equal(2, api.Calls.ByStatus[200]);
    }

    [Fact]
    public async Task Serves_on_a_loopback_port_with_bodies_and_headers()
    {
        await using var api = new EchoApi();
        var address = await api.StartLoopbackAsync();
        using var client = new HttpClient { BaseAddress = address };

        using var response = await client.PostAsync("api/things?limit=5", new StringContent("{\"a\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal("127.0.0.1", address.Host);
        Assert.Equal("POST /api/things?limit=5 {\"a\":1}", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Serves_on_the_fixed_loopback_port_it_is_given()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var api = new EchoApi();
        var address = await api.StartLoopbackAsync(port);
        using var client = new HttpClient();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), address);
        Assert.Equal("GET /ping ", await client.GetStringAsync($"http://127.0.0.1:{port}/ping"));
    }

    [Fact]
    public async Task A_rate_limit_rule_answers_429_with_retry_after_the_given_number_of_times()
    {
        await using var api = new EchoApi();
        api.Faults.Add(FaultRule.RateLimit("/api/", TimeSpan.FromSeconds(3), times: 2));
        using var client = new HttpClient(api.CreateHandler()) { BaseAddress = new Uri("http://sim.invalid") };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/api/x");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
            }
        }
        using var other = await client.GetAsync("/other");

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(2, api.Faults.Injected[FaultKind.RateLimited]);
    }

    [Fact]
    public async Task A_server_error_rule_answers_an_html_page_like_a_proxy()
    {
        await using var api = new EchoApi();
        api.Faults.Add(FaultRule.Fail("/", HttpStatusCode.BadGateway, times: 1, method: HttpMethod.Post));
        using var client = new HttpClient(api.CreateHandler()) { BaseAddress = new Uri("http://sim.invalid") };

        using var get = await client.GetAsync("/a");
        using var post = await client.PostAsync("/a", null);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, post.StatusCode);
        Assert.Equal("text/html", post.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_reset_rule_drops_the_connection_in_process_and_on_loopback()
    {
        await using var api = new EchoApi();
        api.Faults.Add(FaultRule.Reset("/", times: 2));
        using var inProcess = new HttpClient(api.CreateHandler()) { BaseAddress = new Uri("http://sim.invalid") };
        using var loopback = new HttpClient { BaseAddress = await api.StartLoopbackAsync() };

        await Assert.ThrowsAsync<HttpRequestException>(() => inProcess.GetAsync("/a"));
        await Assert.ThrowsAsync<HttpRequestException>(() => loopback.GetAsync("/a"));
        using var after = await loopback.GetAsync("/a");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_hang_rule_holds_the_request_until_the_caller_gives_up()
    {
        await using var api = new EchoApi();
        api.Faults.Add(FaultRule.Hang("/slow", times: 1));
        using var client = new HttpClient(api.CreateHandler()) { BaseAddress = new Uri("http://sim.invalid"), Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync("/slow"));
        using var second = await client.GetAsync("/slow");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Probabilistic_faults_repeat_exactly_for_the_same_seed()
    {
        async Task<string> RunAsync(int seed)
        {
            await using var api = new EchoApi(new SimulatorOptions { Seed = seed });
            api.Faults.Add(FaultRule.Fail("/") with { Probability = 0.5 });
            using var client = new HttpClient(api.CreateHandler()) { BaseAddress = new Uri("http://sim.invalid") };
            var pattern = new StringBuilder();
            for (var i = 0; i < 40; i++)
            {
                using var response = await client.GetAsync("/x");
                pattern.Append(response.IsSuccessStatusCode ? '.' : 'x');
            }
            return pattern.ToString();
        }

        var first = await RunAsync(7);

        Assert.Equal(first, await RunAsync(7));
        Assert.Contains('x', first);
        Assert.Contains('.', first);
        Assert.NotEqual(first, await RunAsync(8));
    }
}
