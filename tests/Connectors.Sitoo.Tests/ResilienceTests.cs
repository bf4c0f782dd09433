using System.Net;
using Connectors.Sitoo.Http;
using Connectors.Sitoo.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Sitoo.Tests;

/// <summary>Throttling and transient failures: retries where repeating is safe, honouring the server's wait.</summary>
public sealed class ResilienceTests
{
    private static HttpResponseMessage TooManyRequests(Action<HttpResponseMessage>? headers = null)
    {
        var response = FakeSitooServer.Json("""{"statuscode":429,"errortext":"Too Many Requests"}""", HttpStatusCode.TooManyRequests);
        headers?.Invoke(response);
        return response;
    }

    private const string Sites = """{"totalcount":1,"items":[{"eshopid":1}]}""";

    private static HttpResponseMessage Seen(SitooTestHost host, List<DateTimeOffset> seenAt, HttpResponseMessage response)
    {
        lock (seenAt)
        {
            seenAt.Add(host.Time.GetUtcNow());
        }

        return response;
    }

    /// <summary>Moves the fake clock a second at a time until the call is done, giving up (failing) after ten simulated minutes.</summary>
    private static async Task AdvanceUntilDoneAsync(SitooTestHost host, Task call)
    {
        for (var step = 0; !call.IsCompleted; step++)
        {
            Assert.True(step < 600, "the call was still waiting after ten simulated minutes");
            host.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(10));
        }
    }

    [Fact]
    public async Task A_read_throttled_with_retry_after_waits_that_long_then_succeeds()
    {
        using var host = SitooTestHost.Create();
        var seenAt = new List<DateTimeOffset>();
        host.Server.Then(_ => Seen(host, seenAt, TooManyRequests(r => r.Headers.Add("Retry-After", "7")))).Then(_ => Seen(host, seenAt, FakeSitooServer.Json(Sites)));

        var call = host.Client.Sites.ListAsync();
        await AdvanceUntilDoneAsync(host, call);
        var sites = await call;

        Assert.Equal(1, Assert.Single(sites).EshopId);
        Assert.Equal(2, seenAt.Count);
        Assert.True(seenAt[1] - seenAt[0] >= TimeSpan.FromSeconds(7), $"retried after {seenAt[1] - seenAt[0]}");
    }

    [Fact]
    public async Task The_rate_limit_reset_header_is_honoured_when_retry_after_is_missing()
    {
        using var host = SitooTestHost.Create();
        var seenAt = new List<DateTimeOffset>();
        host.Server.Then(_ => Seen(host, seenAt, TooManyRequests(r => r.Headers.Add("X-Rate-Limit-Reset", "4")))).Then(_ => Seen(host, seenAt, FakeSitooServer.Json(Sites)));

        var call = host.Client.Sites.ListAsync();
        await AdvanceUntilDoneAsync(host, call);
        await call;

        Assert.Equal(2, seenAt.Count);
        Assert.True(seenAt[1] - seenAt[0] >= TimeSpan.FromSeconds(4), $"retried after {seenAt[1] - seenAt[0]}");
    }

    [Fact]
    public async Task A_write_that_creates_is_not_retried_and_reports_the_wait()
    {
        using var host = SitooTestHost.Create();
        host.Server.Then(_ => TooManyRequests(r => r.Headers.Add("Retry-After", "30"))).ThenJson("12");

        var exception = await Assert.ThrowsAsync<SitooRateLimitedException>(() => host.Client.Orders.CreateAsync(new() { OrderType = Models.SitooOrderType.Order }));

        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task Persistent_throttling_ends_in_a_rate_limited_exception_after_the_configured_retries()
    {
        using var host = SitooTestHost.Create(options => options.Resilience.MaxRetryAttempts = 2);
        host.Server.Always(_ => TooManyRequests(r => r.Headers.Add("Retry-After", "0")));

        var exception = await Assert.ThrowsAsync<SitooRateLimitedException>(() => host.Client.Sites.ListAsync());

        Assert.Equal(TimeSpan.Zero, exception.RetryAfter);
        Assert.Equal(3, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Idempotent_updates_are_retried_after_a_server_error()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson("""{"statuscode":503,"errortext":"busy"}""", HttpStatusCode.ServiceUnavailable).ThenJson("true");

        await host.Client.Orders.UpdateStateAsync(5, Models.SitooOrderState.Cancelled);

        Assert.Equal(2, host.Server.Requests.Count);
        Assert.All(host.Server.Requests, r => Assert.Equal(HttpMethod.Put, r.Method));
    }

    [Fact]
    public async Task Validation_errors_are_not_retried()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(_ => FakeSitooServer.Json("""{"statuscode":400,"errortext":"bad"}""", HttpStatusCode.BadRequest));

        await Assert.ThrowsAsync<SitooValidationException>(() => host.Client.Sites.ListAsync());

        Assert.Single(host.Server.Requests);
    }

    [Theory]
    [InlineData("15", 15)]
    [InlineData("0", 0)]
    public void Reset_header_below_a_unix_time_is_seconds_to_wait(string value, int seconds)
    {
        var mapper = new SitooErrorMapper(new FakeTimeProvider(), "X-Rate-Limit-Reset");
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-Rate-Limit-Reset", value);

        Assert.Equal(TimeSpan.FromSeconds(seconds), mapper.RetryAfter(response));
    }

    [Fact]
    public void Reset_header_holding_a_unix_time_is_the_time_left_until_then()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var mapper = new SitooErrorMapper(time, "X-Rate-Limit-Reset");
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-Rate-Limit-Reset", "1700000045");

        Assert.Equal(TimeSpan.FromSeconds(45), mapper.RetryAfter(response));
    }

    [Fact]
    public void Retry_after_as_a_date_is_the_time_left_until_then()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
        var mapper = new SitooErrorMapper(time, "X-Rate-Limit-Reset");
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(new DateTimeOffset(2026, 1, 15, 10, 0, 20, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromSeconds(20), mapper.RetryAfter(response));
    }

    [Fact]
    public void No_wait_header_means_no_server_wait()
    {
        var mapper = new SitooErrorMapper(new FakeTimeProvider(), "X-Rate-Limit-Reset");
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(mapper.RetryAfter(response));
    }
}

/// <summary>Failures without an answer surface as <see cref="SitooUnavailableException"/>, never as Refit or Polly types.</summary>
public sealed class UnavailableTests
{
    [Fact]
    public async Task Network_failures_after_retries_are_reported_as_unavailable()
    {
        using var host = SitooTestHost.Create(options => options.Resilience.MaxRetryAttempts = 1);
        host.Server.Always(_ => throw new HttpRequestException("connection refused"));

        var exception = await Assert.ThrowsAsync<SitooUnavailableException>(() => host.Client.Sites.ListAsync());

        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_never_answers_times_out_and_the_read_is_retried()
    {
        using var host = SitooTestHost.Create(options => options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30));
        host.Server
            .ThenAsync(async (_, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            })
            .ThenJson("""{"totalcount":0,"items":[]}""");

        var call = host.Client.Sites.ListAsync();
        for (var i = 0; i < 500 && host.Server.Requests.Count < 1; i++)
        {
            await Task.Delay(10);
        }
        host.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(await call);
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task A_create_that_times_out_is_reported_as_unavailable_not_repeated()
    {
        using var host = SitooTestHost.Create(options => options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30));
        host.Server.Always(_ => FakeSitooServer.Json("1"));
        host.Server.ThenAsync(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });

        var call = host.Client.Orders.CreateAsync(new() { OrderType = Models.SitooOrderType.Order });
        for (var i = 0; i < 500 && host.Server.Requests.Count < 1; i++)
        {
            await Task.Delay(10);
        }
        host.Time.Advance(TimeSpan.FromSeconds(30));

        var exception = await Assert.ThrowsAsync<SitooUnavailableException>(() => call);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(exception.InnerException);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_stays_a_cancellation()
    {
        using var host = SitooTestHost.Create();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.Sites.ListAsync(cancellation.Token));
    }
}
