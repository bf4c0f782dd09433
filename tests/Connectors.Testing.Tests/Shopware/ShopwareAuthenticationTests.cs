using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Testing.Shopware;
using NodaTime;

namespace Connectors.Testing.Tests.Shopware;

public class ShopwareAuthenticationTests
{
    [Fact]
    public async Task Client_credentials_give_a_bearer_token_in_the_recorded_shape()
    {
        await using var shop = new ShopwareTestShop(new ShopwareSimulatorOptions { AccessTokenLifetime = TimeSpan.FromSeconds(600) });
        using var response = await shop.PostAsync("api/oauth/token", new JsonObject
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = shop.Simulator.ShopOptions.ClientId,
            ["client_secret"] = shop.Simulator.ShopOptions.ClientSecret,
        }, token: null);

        var body = await ShopwareTestShop.Json(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Fixture.AssertShapeCovers(Fixture.Load("oauth-token-response.synthetic.json"), body);
        Assert.Equal(600, body["expires_in"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime_with_the_real_401_body()
    {
        await using var shop = new ShopwareTestShop(new ShopwareSimulatorOptions { AccessTokenLifetime = TimeSpan.FromMinutes(10) });
        var token = await shop.TokenAsync();
        using (var fresh = await shop.PostAsync("api/search/product", new JsonObject(), token))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        shop.Clock.Advance(Duration.FromMinutes(10));
        using var expired = await shop.PostAsync("api/search/product", new JsonObject(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        var error = (await ShopwareTestShop.Json(expired))["errors"]![0]!;
        Assert.Equal("401", error["status"]!.GetValue<string>());
        Assert.Equal("9", error["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Requests_without_a_valid_token_are_refused(string? token)
    {
        await using var shop = new ShopwareTestShop();
        using var response = await shop.PostAsync("api/search/product", new JsonObject(), token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_client_secret_is_invalid_client_401()
    {
        await using var shop = new ShopwareTestShop();
        using var response = await shop.PostAsync("api/oauth/token", new JsonObject
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = shop.Simulator.ShopOptions.ClientId,
            ["client_secret"] = "wrong",
        }, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("4", (await ShopwareTestShop.Json(response))["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unsupported_grant_answers_like_the_recorded_error()
    {
        await using var shop = new ShopwareTestShop();
        using var response = await shop.PostAsync("api/oauth/token", new JsonObject { ["grant_type"] = "authorization_code" }, token: null);

        var body = await ShopwareTestShop.Json(response);
        var recorded = Fixture.Load("error-400-oauth-unsupported-grant.json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Fixture.AssertShapeCovers(recorded, body);
        Assert.Equal(recorded["errors"]![0]!["code"]!.GetValue<string>(), body["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(recorded["errors"]![0]!["title"]!.GetValue<string>(), body["errors"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_token_endpoint_throttles_after_ten_requests_a_minute()
    {
        await using var shop = new ShopwareTestShop(new ShopwareSimulatorOptions { TokenRequestsPerMinute = 10 });
        for (var i = 0; i < 10; i++)
        {
            await shop.TokenAsync();
        }

        var grant = new JsonObject
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = shop.Simulator.ShopOptions.ClientId,
            ["client_secret"] = shop.Simulator.ShopOptions.ClientSecret,
        };
        using (var throttled = await shop.PostAsync("api/oauth/token", grant, token: null))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), throttled.Headers.RetryAfter!.Delta);
            Assert.Equal("FRAMEWORK__AUTH_THROTTLED", (await ShopwareTestShop.Json(throttled))["errors"]![0]!["code"]!.GetValue<string>());
        }

        shop.Clock.Advance(Duration.FromSeconds(61));
        await shop.TokenAsync();
    }

    [Fact]
    public async Task The_client_renews_an_expired_token_and_carries_on()
    {
        await using var shop = new ShopwareTestShop(new ShopwareSimulatorOptions { AccessTokenLifetime = TimeSpan.FromMinutes(10) });
        shop.Simulator.AddProduct(new ShopProductDraft("SKU-1", 3));
        var client = shop.Client();
        await client.Products.SearchAsync(new ShopwareCriteria());

        // The client's own clock still thinks the token is fresh; the shop's has moved on, so it answers 401 once.
        shop.Clock.Advance(Duration.FromMinutes(11));
        var result = await client.Products.SearchAsync(new ShopwareCriteria());

        Assert.Single(result.Items);
        Assert.Equal(2, shop.Simulator.Calls.Count("POST /api/oauth/token"));
        Assert.Equal(1, shop.Simulator.Calls.ByStatus.GetValueOrDefault(401));
    }
}
