using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware.Tests.Infrastructure;

namespace Connectors.Shopware.Tests;

public sealed class AuthenticationTests
{
    private static ShopwareTestHost HostWithEmptyProductSearch(Action<ShopwareAdminApiOptions>? configure = null)
    {
        var host = ShopwareTestHost.Create(configure);
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ => FakeShopware.Json("""{"total":0,"data":[]}"""));
        return host;
    }

    [Fact]
    public async Task The_token_request_uses_client_credentials_and_the_bearer_token_is_sent()
    {
        using var host = HostWithEmptyProductSearch();

        await host.Client.Products.SearchAsync(new ShopwareCriteria());

        var tokenRequest = host.Shop.Requests[0];
        Assert.Equal("/api/oauth/token", tokenRequest.Path);
        var body = JsonNode.Parse(tokenRequest.Body!)!;
        Assert.Equal("client_credentials", body["grant_type"]!.GetValue<string>());
        Assert.Equal("SWIAEXAMPLEKEY", body["client_id"]!.GetValue<string>());
        Assert.Equal(ShopwareTestHost.Secret, body["client_secret"]!.GetValue<string>());
        Assert.Null(tokenRequest.Header("Authorization"));
        Assert.Equal("Bearer token-1", host.Shop.ApiRequests.Single().Header("Authorization"));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request()
    {
        using var host = HostWithEmptyProductSearch();
        using var tokenAsked = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        host.Shop.TokenEndpoint = _ =>
        {
            // Held open until every caller is in flight, so all of them need the token while it is being fetched.
            tokenAsked.Release();
            release.Wait(TimeSpan.FromSeconds(30));
            return FakeShopware.Json("""{"token_type":"Bearer","expires_in":600,"access_token":"token-0"}""");
        };

        var started = 0;
        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
        {
            Interlocked.Increment(ref started);
            return host.Client.Products.SearchAsync(new ShopwareCriteria());
        })).ToList();
        Assert.True(await tokenAsked.WaitAsync(TimeSpan.FromSeconds(30)), "no token request");
        for (var wait = 0; Volatile.Read(ref started) < calls.Count; wait++)
        {
            Assert.True(wait < 3_000, $"only {started} of {calls.Count} callers started");
            await Task.Delay(10);
        }

        Assert.Empty(host.Shop.ApiRequests);
        release.Set();
        await Task.WhenAll(calls);

        Assert.Equal(1, host.Shop.TokenRequests);
        Assert.Equal(20, host.Shop.ApiRequests.Count);
    }

    [Fact]
    public async Task The_token_is_cached_until_expires_in_minus_the_skew()
    {
        using var host = HostWithEmptyProductSearch(o => o.TokenExpirySkew = TimeSpan.FromSeconds(30));
        host.Shop.TokenLifetimeSeconds = 300;

        await host.Client.Products.SearchAsync(new ShopwareCriteria());
        host.Time.Advance(TimeSpan.FromSeconds(269));
        await host.Client.Products.SearchAsync(new ShopwareCriteria());
        Assert.Equal(1, host.Shop.TokenRequests);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.Client.Products.SearchAsync(new ShopwareCriteria());
        Assert.Equal(2, host.Shop.TokenRequests);
        Assert.Equal("Bearer token-2", host.Shop.ApiRequests[^1].Header("Authorization"));
    }

    [Fact]
    public async Task A_401_renews_the_token_once_and_repeats_the_request()
    {
        using var host = HostWithEmptyProductSearch();
        await host.Client.Products.SearchAsync(new ShopwareCriteria());
        host.Shop.RevokeToken();

        await host.Client.Products.SearchAsync(new ShopwareCriteria());

        Assert.Equal(2, host.Shop.TokenRequests);
        Assert.Equal(3, host.Shop.ApiRequests.Count);
        Assert.Equal("Bearer token-3", host.Shop.ApiRequests[^1].Header("Authorization"));
        Assert.Contains(host.Logs.Messages, m => m.Contains("refused the access token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_callers_refused_with_the_same_token_share_one_renewal()
    {
        using var host = HostWithEmptyProductSearch();
        await host.Client.Products.SearchAsync(new ShopwareCriteria());
        host.Shop.RevokeToken();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => host.Client.Products.SearchAsync(new ShopwareCriteria()))));

        Assert.Equal(2, host.Shop.TokenRequests);
        Assert.Equal(10, host.Shop.ApiRequests.Count(r => r.Header("Authorization") == "Bearer token-3"));
    }

    [Fact]
    public async Task A_second_401_after_renewal_is_an_authentication_exception()
    {
        using var host = HostWithEmptyProductSearch();
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ => FakeShopware.Json("""{"errors":[{"status":"401","code":"9","detail":"revoked"}]}""", HttpStatusCode.Unauthorized));

        var ex = await Assert.ThrowsAsync<ShopwareAuthenticationException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(2, host.Shop.ApiRequests.Count);
        Assert.Equal(2, host.Shop.TokenRequests);
    }

    [Fact]
    public async Task Refused_credentials_are_an_authentication_exception_that_never_shows_the_secret()
    {
        using var host = HostWithEmptyProductSearch();
        host.Shop.TokenEndpoint = _ => FakeShopware.Fixture("recorded/issues/error-400-oauth-unsupported-grant.json", HttpStatusCode.BadRequest);

        var ex = await Assert.ThrowsAsync<ShopwareAuthenticationException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));

        Assert.Equal(["2"], ex.Codes);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Empty(host.Shop.ApiRequests);
        Assert.DoesNotContain(ShopwareTestHost.Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.All(host.Logs.Messages, m => Assert.DoesNotContain(ShopwareTestHost.Secret, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secrets_and_tokens_stay_out_of_logs()
    {
        using var host = HostWithEmptyProductSearch();

        await host.Client.Products.SearchAsync(new ShopwareCriteria());

        Assert.NotEmpty(host.Logs.Messages);
        Assert.All(host.Logs.Messages, m =>
        {
            Assert.DoesNotContain(ShopwareTestHost.Secret, m, StringComparison.Ordinal);
            Assert.DoesNotContain("token-1", m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_token_response_without_expires_in_is_refused()
    {
        using var host = HostWithEmptyProductSearch();
        host.Shop.TokenEndpoint = _ => FakeShopware.Json("""{"token_type":"Bearer","access_token":"abc"}""");

        await Assert.ThrowsAsync<ShopwareAuthenticationException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));
    }

    [Fact]
    public void Options_to_string_redacts_the_secret()
    {
        var options = new ShopwareAdminApiOptions { BaseAddress = new Uri("https://shop.example.com"), ClientId = "SWIAX", ClientSecret = ShopwareTestHost.Secret };

        var text = options.ToString();

        Assert.DoesNotContain(ShopwareTestHost.Secret, text, StringComparison.Ordinal);
        Assert.Contains("SWIAX", text, StringComparison.Ordinal);
    }
}
