using System.Net;
using Connectors.Shopware.Tests.Infrastructure;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace Connectors.Shopware.Tests;

public sealed class ResilienceTests
{
    private const string EmptySearch = """{"total":0,"data":[]}""";

    private static HttpResponseMessage Status(HttpStatusCode status) => FakeShopware.Json($$"""{"errors":[{"status":"{{(int)status}}","code":"TEST"}]}""", status);

    /// <summary>Answers with the given statuses in turn, then with <paramref name="last"/> for ever.</summary>
    private static Func<RecordedRequest, HttpResponseMessage> InTurn(Func<HttpResponseMessage> last, params HttpStatusCode[] first)
    {
        var calls = 0;
        return _ =>
        {
            var call = Interlocked.Increment(ref calls) - 1;
            return call < first.Length ? Status(first[call]) : last();
        };
    }

    [Fact]
    public async Task A_search_is_retried_after_transient_failures()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/search/product", InTurn(() => FakeShopware.Json(EmptySearch), HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway));

        var result = await host.Client.Products.SearchAsync(new ShopwareCriteria());

        Assert.Empty(result.Items);
        Assert.Equal(3, host.Shop.ApiRequests.Count);
    }

    [Fact]
    public async Task A_state_transition_is_never_retried()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/order/*", _ => Status(HttpStatusCode.ServiceUnavailable));

        var ex = await Assert.ThrowsAsync<ShopwareApiException>(() =>
            host.Client.StateMachine.TransitionAsync(ShopwareTransitionEntity.Order, "8f69d4874c53486a95383b2126161738", ShopwareTransitionActions.Cancel));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(host.Shop.ApiRequests);
    }

    [Fact]
    public async Task An_idempotent_sync_is_retried_but_one_creating_rows_without_ids_is_not()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/sync", _ => Status(HttpStatusCode.GatewayTimeout));

        await Assert.ThrowsAsync<ShopwareApiException>(() =>
            host.Client.Sync.ExecuteAsync([ShopwareSyncOperation.StockUpdates("stock", [new ShopwareStockUpdate("SW10001", 3)])]));
        Assert.Equal(3, host.Shop.ApiRequests.Count);

        await Assert.ThrowsAsync<ShopwareApiException>(() =>
            host.Client.Sync.ExecuteAsync([ShopwareSyncOperation.Upsert("tags", "tag", [new() { ["name"] = "new tag" }])]));
        Assert.Equal(4, host.Shop.ApiRequests.Count);
    }

    [Fact]
    public async Task Retry_after_is_honoured_and_a_persistent_429_becomes_a_rate_limited_exception()
    {
        using var host = ShopwareTestHost.Create(o => o.Resilience.MaxRetryAttempts = 1);
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ =>
        {
            var response = Status(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });

        var call = host.Client.Products.SearchAsync(new ShopwareCriteria());
        await AdvanceUntilDoneAsync(host, call, TimeSpan.FromMilliseconds(500));

        var ex = await Assert.ThrowsAsync<ShopwareRateLimitedException>(() => call);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        var attempts = host.Shop.ApiRequests;
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(7), $"retried after {attempts[1].At - attempts[0].At}");
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_fails_fast()
    {
        using var host = ShopwareTestHost.Create(o =>
        {
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreakerEnabled = true;
            o.Resilience.CircuitBreakerMinimumThroughput = 2;
            o.Resilience.CircuitBreakerFailureRatio = 0.6; // the successful token request counts too
        });
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ => Status(HttpStatusCode.InternalServerError));

        await Assert.ThrowsAsync<ShopwareApiException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));
        await Assert.ThrowsAsync<ShopwareApiException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));
        var ex = await Assert.ThrowsAsync<ShopwareApiException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));

        Assert.IsType<BrokenCircuitException>(ex.InnerException);
        Assert.Null(ex.StatusCode);
        Assert.Equal(2, host.Shop.ApiRequests.Count);
    }

    [Fact]
    public async Task The_optional_rate_limiter_rejects_requests_beyond_its_budget()
    {
        using var host = ShopwareTestHost.Create(o =>
        {
            o.Resilience.RateLimitPerSecond = 3;
            o.Resilience.RateLimitQueueLimit = 0;
        });
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ => FakeShopware.Json(EmptySearch));

        // The token request takes one permit, the two searches the others.
        await host.Client.Products.SearchAsync(new ShopwareCriteria());
        await host.Client.Products.SearchAsync(new ShopwareCriteria());
        var ex = await Assert.ThrowsAsync<ShopwareApiException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));

        Assert.IsType<RateLimiterRejectedException>(ex.InnerException);
        Assert.Equal(2, host.Shop.ApiRequests.Count);
    }

    [Fact]
    public async Task Every_attempt_takes_a_permit_of_the_optional_rate_limiter_because_the_server_counts_attempts()
    {
        using var host = ShopwareTestHost.Create(o =>
        {
            o.Resilience.RateLimitPerSecond = 3;
            o.Resilience.RateLimitQueueLimit = 0;
            o.Resilience.MaxRetryAttempts = 1;
        });
        host.Shop.On(HttpMethod.Post, "/api/search/product", InTurn(() => FakeShopware.Json(EmptySearch), HttpStatusCode.ServiceUnavailable));

        // The token request and both attempts of the first search take the three permits; a limiter outside the retry
        // would have counted the search once and let the next one through.
        var first = host.Client.Products.SearchAsync(new ShopwareCriteria());
        await AdvanceUntilDoneAsync(host, first, TimeSpan.FromMilliseconds(500));
        await first;
        var ex = await Assert.ThrowsAsync<ShopwareApiException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));

        Assert.IsType<RateLimiterRejectedException>(ex.InnerException);
        Assert.Equal(2, host.Shop.ApiRequests.Count);
    }

    [Fact]
    public async Task The_optional_rate_limiter_refills_when_the_registered_clock_moves_not_the_wall_clock()
    {
        using var host = ShopwareTestHost.Create(o =>
        {
            o.Resilience.RateLimitPerSecond = 2;
            o.Resilience.RateLimitQueueLimit = 0;
        });
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ => FakeShopware.Json(EmptySearch));

        // The token request and the first search take both permits.
        await host.Client.Products.SearchAsync(new ShopwareCriteria());
        // More than a second of real time: a limiter on the wall clock would have refilled by now.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var refused = await Assert.ThrowsAsync<ShopwareApiException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.Client.Products.SearchAsync(new ShopwareCriteria());

        Assert.IsType<RateLimiterRejectedException>(refused.InnerException);
        Assert.Equal(2, host.Shop.ApiRequests.Count);
    }

    [Fact]
    public async Task A_hanging_attempt_times_out()
    {
        using var host = ShopwareTestHost.Create(o =>
        {
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        });
        host.Shop.OnAsync(HttpMethod.Post, "/api/search/product", async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return FakeShopware.Json(EmptySearch);
        });

        var call = host.Client.Products.SearchAsync(new ShopwareCriteria());
        await AdvanceUntilDoneAsync(host, call, TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<ShopwareApiException>(() => call);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(ex.InnerException);
    }

    /// <summary>Moves the fake clock in steps until the call is done, giving up (failing) after ten simulated minutes.</summary>
    private static async Task AdvanceUntilDoneAsync(ShopwareTestHost host, Task call, TimeSpan step)
    {
        for (var elapsed = TimeSpan.Zero; !call.IsCompleted; elapsed += step)
        {
            Assert.True(elapsed < TimeSpan.FromMinutes(10), "the call was still waiting after ten simulated minutes");
            host.Time.Advance(step);
            await Task.WhenAny(call, Task.Delay(1));
        }
    }
}
