using Connectors.Shopware.Tests.Infrastructure;
using Connectors.Testing.Contracts;

namespace Connectors.Shopware.Tests;

/// <summary>Shows the contract the other tests run behind really rejects what Shopware would reject.</summary>
public sealed class ContractTests
{
    private static readonly Uri _shop = new("https://shop.example.com");

    [Theory]
    [InlineData("POST", "/api/_action/sync", """[{"key":"k","action":"upsert","payload":[{"id":"a"}]}]""", "entity is required")]
    [InlineData("POST", "/api/_action/sync", """[{"key":"k","entity":"product","action":"merge","payload":[]}]""", "unknown sync action")]
    [InlineData("POST", "/api/search/product", """{"filter":[{"type":"equals","field":"stock"}]}""", "equals filter without value")]
    [InlineData("POST", "/api/_action/order/not-a-hex-id/state/cancel", """{"sendMail":false}""", "order id is not a Shopware id")]
    [InlineData("PUT", "/api/customer", """{}""", "no such method")]
    public void The_contract_rejects_requests_shopware_would_refuse(string method, string path, string body, string why)
    {
        var validation = OpenApiContract.ShopwareAdminApi.Validate(new HttpMethod(method), new Uri(_shop, path), body, "application/json");

        Assert.False(validation.IsValid, why);
    }

    [Fact]
    public async Task A_request_the_contract_rejects_never_reaches_the_shop()
    {
        using var host = ShopwareTestHost.Create();

        await Assert.ThrowsAsync<ContractViolationException>(() =>
            host.Client.StateMachine.TransitionAsync(ShopwareTransitionEntity.Order, "not-a-hex-id", ShopwareTransitionActions.Cancel));

        Assert.Empty(host.Shop.ApiRequests);
    }

    [Fact]
    public async Task Cancellation_surfaces_as_cancellation_not_as_an_api_error()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.OnAsync(HttpMethod.Post, "/api/search/product", async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return FakeShopware.Json("{}");
        });
        using var cancellation = new CancellationTokenSource();

        var call = host.Client.Products.SearchAsync(new ShopwareCriteria(), cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
