using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware.Models;
using Connectors.Shopware.Tests.Infrastructure;

namespace Connectors.Shopware.Tests;

public sealed class SystemTests
{
    [Fact]
    public async Task The_version_is_read_with_its_numeric_part()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Get, "/api/_info/version", _ => FakeShopware.Json("""{"version":"6.6.9999999.9999999-dev"}"""));

        var version = await host.Client.System.GetVersionAsync();

        Assert.Equal("6.6.9999999.9999999-dev", version.Text);
        Assert.Equal(new Version(6, 6, 9999999, 9999999), version.Number);
        Assert.True(version.IsAtLeast(new Version(6, 5, 2, 0)));
    }

    [Theory]
    [InlineData("6.5.8.14", "6.5.8.14")]
    [InlineData("6.7.0.0-RC1", "6.7.0.0")]
    [InlineData("6.4", "6.4")]
    public void Version_numbers_ignore_suffixes(string text, string number) =>
        Assert.Equal(Version.Parse(number), new ShopwareVersion(text).Number);

    [Theory]
    [InlineData("trunk")]
    [InlineData("6")]
    [InlineData("")]
    public void Text_without_a_version_number_has_none_and_is_never_high_enough(string text)
    {
        var version = new ShopwareVersion(text);

        Assert.Null(version.Number);
        Assert.False(version.IsAtLeast(new Version(6, 0)));
    }

    [Theory]
    [InlineData("""["order:read"]""")]
    [InlineData("""{"0":"order:read"}""")]
    public async Task A_read_probe_names_the_privilege_Shopware_reports_missing(string privileges)
    {
        using var host = ShopwareTestHost.Create();
        var detail = JsonValue.Create($$"""{"message":"Missing privilege","missingPrivileges":{{privileges}}}""")!.ToJsonString();
        host.Shop.On(HttpMethod.Post, "/api/search/order", _ => FakeShopware.Json(
            $$$"""{"errors":[{"status":"403","code":"FRAMEWORK__MISSING_PRIVILEGE_ERROR","title":"Forbidden","detail":{{{detail}}},"meta":{"parameters":[]}}]}""",
            HttpStatusCode.Forbidden));

        var refused = await Assert.ThrowsAsync<ShopwareMissingPrivilegeException>(() => host.Client.System.ProbeReadAsync("order"));

        Assert.Equal(["order:read"], refused.MissingPrivileges);
        var criteria = JsonNode.Parse(host.Shop.ApiRequests.Single().Body!)!;
        Assert.Equal(1, criteria["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_read_probe_searches_the_entity_by_its_route_name()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/search/order-transaction-capture-refund", _ => FakeShopware.Json("""{"total":0,"data":[]}"""));

        await host.Client.System.ProbeReadAsync("order_transaction_capture_refund");

        Assert.Equal("/api/search/order-transaction-capture-refund", host.Shop.ApiRequests.Single().Path);
    }

    [Fact]
    public async Task Webhooks_are_listed_with_their_state()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/search/webhook", _ => FakeShopware.Json("""
            {"total":2,"data":[
              {"id":"0f5b0c6a1d2e4f3a8b9c7d6e5f4a3b2c","name":"connector-orders","eventName":"checkout.order.placed","url":"https://connector.example.com/webhooks/shopware","onlyLiveVersion":false,"errorCount":0,"active":true,"appId":"5d0b8c1e9f2a4b7c8e3d6f1a2b4c9e07","apiAlias":"webhook"},
              {"id":"1a2b3c4d5e6f40718293a4b5c6d7e8f9","name":"old-hook","eventName":"product.written","url":"https://old.example.com/","errorCount":10,"active":false,"appId":null,"apiAlias":"webhook"}]}
            """));

        var webhooks = await host.Client.System.ListWebhooksAsync();

        Assert.Equal(["checkout.order.placed", "product.written"], webhooks.Select(w => w.EventName));
        Assert.True(webhooks[0].Active);
        Assert.Equal("5d0b8c1e9f2a4b7c8e3d6f1a2b4c9e07", webhooks[0].AppId);
        Assert.False(webhooks[1].Active);
        Assert.Equal(10, webhooks[1].ErrorCount);
        Assert.Null(webhooks[1].AppId);
    }
}
