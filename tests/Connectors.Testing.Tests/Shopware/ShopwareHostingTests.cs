using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Testing.Tests.Shopware;

public class ShopwareHostingTests
{
    [Fact]
    public async Task The_client_talks_to_the_shop_on_a_loopback_port()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 3));
        var address = await shop.Simulator.StartLoopbackAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddShopwareAdminApi(o =>
        {
            o.BaseAddress = address;
            o.ClientId = shop.Simulator.ShopOptions.ClientId;
            o.ClientSecret = shop.Simulator.ShopOptions.ClientSecret;
            o.Resilience.MaxRetryAttempts = 0;
        });
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IShopwareAdminClient>().Products.SearchAsync(new ShopwareCriteria().Filter(ShopwareFilter.EqualTo("productNumber", "A")));

        Assert.Equal(3, Assert.Single(result.Items).Stock);
    }

    [Fact]
    public async Task An_injected_429_has_retry_after_and_the_rate_limit_body()
    {
        await using var shop = new ShopwareTestShop();
        var token = await shop.TokenAsync();
        shop.Simulator.Faults.Add(FaultRule.RateLimit("/api/search", TimeSpan.FromSeconds(2), times: 1));

        using var limited = await shop.PostAsync("api/search/product", new JsonObject(), token);
        using var next = await shop.PostAsync("api/search/product", new JsonObject(), token);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("FRAMEWORK__RATE_LIMIT_EXCEEDED", (await ShopwareTestShop.Json(limited))["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task The_client_surfaces_an_injected_429_as_rate_limited()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.Faults.Add(FaultRule.RateLimit("/api/_action/sync", TimeSpan.FromSeconds(30), times: 1));
        shop.Simulator.AddProduct(new ShopProductDraft("A", 3));

        var error = await Assert.ThrowsAsync<ShopwareRateLimitedException>(() =>
            shop.Client().Sync.ExecuteAsync([ShopwareSyncOperation.StockUpdates("s", [new ShopwareStockUpdate("A", 1)])]));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal(3, shop.Simulator.GetProduct("A").Stock);
    }

    [Fact]
    public async Task Entity_details_are_served_and_unknown_ids_are_404()
    {
        await using var shop = new ShopwareTestShop();
        var id = shop.Simulator.AddProduct(new ShopProductDraft("A", 3));
        var token = await shop.TokenAsync();

        using var found = await shop.GetAsync($"api/product/{id}", token);
        using var missing = await shop.GetAsync($"api/product/{new string('0', 32)}", token);

        Assert.Equal("A", (await ShopwareTestShop.Json(found))["data"]!["productNumber"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("FRAMEWORK__RESOURCE_NOT_FOUND", (await ShopwareTestShop.Json(missing))["errors"]![0]!["code"]!.GetValue<string>());
    }
}
