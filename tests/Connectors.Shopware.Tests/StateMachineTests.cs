using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware.Tests.Infrastructure;

namespace Connectors.Shopware.Tests;

public sealed class StateMachineTests
{
    private const string OrderId = "8f69d4874c53486a95383b2126161738";

    [Theory]
    [InlineData(ShopwareTransitionEntity.Order, "order", ShopwareTransitionActions.Cancel)]
    [InlineData(ShopwareTransitionEntity.OrderTransaction, "order_transaction", ShopwareTransitionActions.RefundPartially)]
    [InlineData(ShopwareTransitionEntity.OrderDelivery, "order_delivery", ShopwareTransitionActions.Retour)]
    public async Task A_transition_posts_the_action_without_mail_and_returns_the_new_state(ShopwareTransitionEntity entity, string path, string action)
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, $"/api/_action/{path}/{OrderId}/state/{action}", _ => FakeShopware.Fixture("synthetic/state-transition-response.synthetic.json"));

        var state = await host.Client.StateMachine.TransitionAsync(entity, OrderId, action);

        var expected = Fixtures.Node("synthetic/state-transition-response.synthetic.json");
        Assert.Equal(expected["technicalName"]!.GetValue<string>(), state.TechnicalName);
        Assert.Equal(expected["id"]!.GetValue<string>(), state.Id);
        var body = JsonNode.Parse(host.Shop.ApiRequests.Single().Body!)!;
        Assert.False(body["sendMail"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Mail_documents_and_a_comment_can_be_requested()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/order_delivery/*", _ => FakeShopware.Fixture("synthetic/state-transition-response.synthetic.json"));

        await host.Client.StateMachine.TransitionAsync(
            ShopwareTransitionEntity.OrderDelivery,
            OrderId,
            ShopwareTransitionActions.Ship,
            new ShopwareTransitionOptions { SendMail = true, DocumentIds = ["0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f"], InternalComment = "shipped from store 12" },
            new ShopwareRequestContext { SkipTriggerFlow = true });

        var request = host.Shop.ApiRequests.Single();
        var body = JsonNode.Parse(request.Body!)!;
        Assert.True(body["sendMail"]!.GetValue<bool>());
        Assert.Equal("0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", body["documentIds"]![0]!.GetValue<string>());
        Assert.Equal("shipped from store 12", body["internalComment"]!.GetValue<string>());
        Assert.Equal("1", request.Header("sw-skip-trigger-flow"));
    }

    [Fact]
    public async Task An_illegal_transition_keeps_shopwares_code()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/order_transaction/*", _ => FakeShopware.Json(
            """{"errors":[{"status":"400","code":"SYSTEM__ILLEGAL_STATE_TRANSITION","title":"Bad Request","detail":"Illegal transition \"refund\" from state \"open\". Possible transitions are: pay, cancel"}]}""",
            HttpStatusCode.BadRequest));

        var ex = await Assert.ThrowsAsync<ShopwareApiException>(() =>
            host.Client.StateMachine.TransitionAsync(ShopwareTransitionEntity.OrderTransaction, "55e858b413b54f8a97c64a040610b359", ShopwareTransitionActions.Refund));

        Assert.Equal(["SYSTEM__ILLEGAL_STATE_TRANSITION"], ex.Codes);
        Assert.Contains("Possible transitions", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Available_transitions_are_listed()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Get, $"/api/_action/state-machine/order_transaction/{OrderId}/state", _ => FakeShopware.Json("""
            {"transitions":[
              {"name":"Refund","technicalName":"refund","actionName":"refund","fromStateName":"paid","toStateName":"refunded","url":"/api/_action/order_transaction/x/state/refund"},
              {"name":"Refund partially","technicalName":"refund_partially","actionName":"refund_partially","fromStateName":"paid","toStateName":"refunded_partially","url":"/x","extra":1}]}
            """));

        var transitions = await host.Client.StateMachine.GetAvailableTransitionsAsync(ShopwareTransitionEntity.OrderTransaction, OrderId);

        Assert.Equal([ShopwareTransitionActions.Refund, ShopwareTransitionActions.RefundPartially], transitions.Select(t => t.ActionName));
        Assert.Equal("refunded_partially", transitions[1].ToStateName);
    }

    [Fact]
    public async Task The_capture_refund_action_accepts_204()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/order_transaction_capture_refund/*", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await host.Client.StateMachine.ProcessCaptureRefundAsync("0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f");

        Assert.Equal("/api/_action/order_transaction_capture_refund/0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", host.Shop.ApiRequests.Single().Path);
    }

    [Fact]
    public async Task A_capture_refund_the_payment_extension_cannot_handle_is_reported_and_not_retried()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/order_transaction_capture_refund/*", _ => FakeShopware.Json(
            """{"errors":[{"status":"500","code":"CHECKOUT__UNKNOWN_REFUND_HANDLER","detail":"No refund handler"}]}""", HttpStatusCode.InternalServerError));

        var ex = await Assert.ThrowsAsync<ShopwareApiException>(() => host.Client.StateMachine.ProcessCaptureRefundAsync("0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f"));

        Assert.Equal(["CHECKOUT__UNKNOWN_REFUND_HANDLER"], ex.Codes);
        Assert.Single(host.Shop.ApiRequests);
    }
}
