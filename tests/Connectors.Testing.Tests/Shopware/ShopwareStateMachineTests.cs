using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Testing.Shopware;

namespace Connectors.Testing.Tests.Shopware;

public class ShopwareStateMachineTests
{
    private static async Task<(ShopwareTestShop Shop, ShopOrderState Order)> ShopWithOrder()
    {
        var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        var order = shop.Simulator.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ann@example.com", "Ann", "Lee"), [new ShopOrderLine("A", 2)]));
        await Task.CompletedTask;
        return (shop, order);
    }

    // Paths through the transition tables of order, order_transaction and order_delivery; the last step of each is checked for legality.
    public static TheoryData<string, string[], bool> Paths => new()
    {
        { "order", ["process", "complete", "reopen", "cancel"], true },
        { "order", ["complete"], false },
        { "order", ["cancel", "process"], false },
        { "order_transaction", ["paid", "refund_partially", "refund"], true },
        { "order_transaction", ["paid", "refund", "reopen"], false },
        { "order_transaction", ["refund"], false },
        { "order_transaction", ["authorize", "paid", "chargeback", "paid"], true },
        { "order_transaction", ["do_pay", "fail", "reopen", "remind", "pay_partially"], true },
        { "order_delivery", ["ship", "retour_partially", "retour"], true },
        { "order_delivery", ["retour"], false },
        { "order_delivery", ["ship_partially", "ship", "retour", "ship"], false },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Transitions_follow_the_real_tables(string entity, string[] actions, bool lastIsLegal)
    {
        var (shop, order) = await ShopWithOrder();
        await using var _ = shop;
        var id = entity switch { "order" => order.Id, "order_transaction" => order.TransactionId, _ => order.DeliveryId };

        (HttpStatusCode Status, JsonNode? Body) last = default;
        foreach (var action in actions)
        {
            last = await shop.CallAsync($"api/_action/{entity}/{id}/state/{action}", new JsonObject { ["sendMail"] = false });
        }

        Assert.Equal(lastIsLegal ? HttpStatusCode.OK : HttpStatusCode.BadRequest, last.Status);
        if (!lastIsLegal)
        {
            Assert.Equal("SYSTEM__ILLEGAL_STATE_TRANSITION", last.Body!["errors"]![0]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_transition_answers_the_new_state_in_the_documented_shape()
    {
        var (shop, order) = await ShopWithOrder();
        await using var _ = shop;
        await shop.CallAsync($"api/_action/order_transaction/{order.TransactionId}/state/paid", new JsonObject());
        var (status, body) = await shop.CallAsync($"api/_action/order_transaction/{order.TransactionId}/state/refund", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, status);
        Fixture.AssertShapeCovers(Fixture.Load("state-transition-response.synthetic.json"), body);
        Assert.Equal("refunded", body!["technicalName"]!.GetValue<string>());
        Assert.Equal("refunded", shop.Simulator.GetOrder(order.Id).TransactionState);
    }

    [Fact]
    public async Task An_unknown_entity_id_is_404()
    {
        var (shop, _) = await ShopWithOrder();
        await using var __ = shop;
        var (status, body) = await shop.CallAsync($"api/_action/order_delivery/{new string('0', 32)}/state/ship", new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("FRAMEWORK__RESOURCE_NOT_FOUND", body!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_client_transitions_and_lists_the_allowed_actions()
    {
        var (shop, order) = await ShopWithOrder();
        await using var _ = shop;
        var client = shop.Client();

        var shipped = await client.StateMachine.TransitionAsync(ShopwareTransitionEntity.OrderDelivery, order.DeliveryId, "ship");
        var next = await client.StateMachine.GetAvailableTransitionsAsync(ShopwareTransitionEntity.OrderDelivery, order.DeliveryId);
        var illegal = await Assert.ThrowsAsync<ShopwareApiException>(() => client.StateMachine.TransitionAsync(ShopwareTransitionEntity.OrderDelivery, order.DeliveryId, "ship"));

        Assert.Equal("shipped", shipped.TechnicalName);
        Assert.Equal(["retour", "retour_partially", "cancel", "reopen"], next.Select(t => t.ActionName));
        Assert.Equal("returned", next[0].ToStateName);
        Assert.Equal("SYSTEM__ILLEGAL_STATE_TRANSITION", illegal.Errors[0].Code);
    }

    [Fact]
    public async Task A_capture_refund_is_processed_once()
    {
        var (shop, order) = await ShopWithOrder();
        await using var _ = shop;
        var refundId = shop.Simulator.AddCaptureRefund(order.Id, 5m);
        var client = shop.Client();

        await client.StateMachine.ProcessCaptureRefundAsync(refundId);
        var again = await Assert.ThrowsAsync<ShopwareApiException>(() => client.StateMachine.ProcessCaptureRefundAsync(refundId));
        var unknown = await Assert.ThrowsAsync<ShopwareApiException>(() => client.StateMachine.ProcessCaptureRefundAsync(new string('1', 32)));

        Assert.Equal("completed", shop.Simulator.GetRefundState(refundId));
        Assert.Equal("CHECKOUT__REFUND_INVALID_TRANSITION_ERROR", again.Errors[0].Code);
        Assert.Equal("CHECKOUT__REFUND_UNKNOWN_ERROR", unknown.Errors[0].Code);
    }
}
