using System.Text.Json.Nodes;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Returns;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Returns.ReturnScenario;

namespace Connectors.Sync.Engine.Tests.Returns;

/// <summary>Store returns of online orders move money in Shopware: capture refunds, capped by what was captured.</summary>
public sealed class RefundMoneyTests
{
    private const string RefundAction = "POST /api/_action/order_transaction_capture_refund/{id}";

    [Fact]
    public async Task A_return_paid_out_in_cash_is_a_completed_capture_refund_with_its_lines_and_the_provider_is_not_asked()
    {
        await using var harness = await StartAsync();
        var (order, sitooOrderId) = await ExportPaidOrderAsync(harness, 3);

        harness.Pos.ReturnAtPos(harness.Store1, sitooOrderId, [new SitooReturnLine("SKU-1", 1)], tender: SitooRefundTender.Cash);
        await SyncAfterPollAsync(harness);

        var refund = Assert.Single(harness.Shop.GetCaptureRefunds(order.Id));
        Assert.Equal("completed", State(refund));
        Assert.Equal(20m, Amount(refund));
        var position = Assert.Single(refund["positions"]!.AsArray())!;
        Assert.Equal((1, 20m), (position["quantity"]!.GetValue<int>(), position["amount"]!["totalPrice"]!.GetValue<decimal>()));
        Assert.Equal(0, harness.Shop.Calls.Count(RefundAction));
        Assert.Equal("refunded_partially", harness.Shop.GetOrder(order.Id).TransactionState);
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task A_return_to_the_original_payment_is_processed_so_the_provider_refunds()
    {
        await using var harness = await StartAsync();
        var (order, sitooOrderId) = await ExportPaidOrderAsync(harness, 2);

        harness.Pos.ReturnAtPos(harness.Store1, sitooOrderId, [new SitooReturnLine("SKU-1", 2)], tender: SitooRefundTender.OriginalPayment);
        await SyncAfterPollAsync(harness);

        var refund = Assert.Single(harness.Shop.GetCaptureRefunds(order.Id));
        Assert.Equal(("completed", 40m), (State(refund), Amount(refund)));
        Assert.Equal(1, harness.Shop.Calls.Count(RefundAction));
        Assert.Equal("refunded", harness.Shop.GetOrder(order.Id).TransactionState);
    }

    [Fact]
    public async Task Three_partial_returns_are_three_refunds_each_with_its_amount_and_together_what_was_paid()
    {
        await using var harness = await StartAsync();
        var (order, sitooOrderId) = await ExportPaidOrderAsync(harness, 3);

        foreach (var tender in new[] { SitooRefundTender.Cash, SitooRefundTender.Card, SitooRefundTender.OriginalPayment })
        {
            harness.Pos.ReturnAtPos(harness.Store1, sitooOrderId, [new SitooReturnLine("SKU-1", 1)], tender: tender);
            await SyncAfterPollAsync(harness);
        }

        var refunds = harness.Shop.GetCaptureRefunds(order.Id);
        Assert.Equal([20m, 20m, 20m], refunds.Select(Amount));
        Assert.All(refunds, refund => Assert.Equal("completed", State(refund)));
        Assert.Equal(harness.Shop.GetOrder(order.Id).AmountTotal, refunds.Sum(Amount));
        Assert.Equal("refunded", harness.Shop.GetOrder(order.Id).TransactionState);
    }

    [Fact]
    public async Task A_failure_between_creating_the_refund_and_processing_it_is_finished_once_by_the_retry()
    {
        await using var harness = await StartAsync();
        var (order, sitooOrderId) = await ExportPaidOrderAsync(harness, 2);
        harness.Shop.Faults.Add(Connectors.Testing.Simulation.FaultRule.Fail("/api/_action/order_transaction_capture_refund/", System.Net.HttpStatusCode.ServiceUnavailable, times: 1));

        harness.Pos.ReturnAtPos(harness.Store1, sitooOrderId, [new SitooReturnLine("SKU-1", 1)], tender: SitooRefundTender.OriginalPayment);
        await SyncAfterPollAsync(harness);
        harness.Clock.Advance(Duration.FromMinutes(10));
        await harness.SyncAsync();

        var refund = Assert.Single(harness.Shop.GetCaptureRefunds(order.Id));
        Assert.Equal(("completed", 20m), (State(refund), Amount(refund)));
        Assert.Equal(2, harness.Shop.Calls.Count(RefundAction));
        Assert.Equal("refunded_partially", harness.Shop.GetOrder(order.Id).TransactionState);
    }

    [Fact]
    public async Task A_refund_already_made_in_shopware_caps_the_store_return_and_finance_is_told()
    {
        await using var harness = await StartAsync();
        var (order, sitooOrderId) = await ExportPaidOrderAsync(harness, 1);
        harness.Shop.RefundInShopware(order.Id, 10m);

        harness.Pos.ReturnAtPos(harness.Store1, sitooOrderId, [new SitooReturnLine("SKU-1", 1)], tender: SitooRefundTender.OriginalPayment);
        await SyncAfterPollAsync(harness);

        Assert.Equal([10m], harness.Shop.GetCaptureRefunds(order.Id).Select(Amount));
        Assert.Equal("paid", harness.Shop.GetOrder(order.Id).TransactionState);
        var problem = Assert.Single(await ExceptionsAsync(harness));
        Assert.Equal((ReturnReasonCodes.RefundNotRecorded, Connectors.Sync.State.OwningTeam.Finance), (problem.ReasonCode, problem.Team));
        Assert.Contains("10", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_refuses_the_refund_is_reported_to_finance()
    {
        await using var harness = await StartAsync(new ShopwareSimulatorOptions { RefundHandler = SimulatedRefundHandler.Fails });
        var (order, sitooOrderId) = await ExportPaidOrderAsync(harness, 1);

        harness.Pos.ReturnAtPos(harness.Store1, sitooOrderId, [new SitooReturnLine("SKU-1", 1)], tender: SitooRefundTender.OriginalPayment);
        await SyncAfterPollAsync(harness);

        Assert.Equal("failed", State(Assert.Single(harness.Shop.GetCaptureRefunds(order.Id))));
        Assert.Equal(ReturnReasonCodes.RefundNotRecorded, Assert.Single(await ExceptionsAsync(harness)).ReasonCode);
    }

    [Theory]
    [InlineData(SitooRefundTender.Cash, 0)]
    [InlineData(SitooRefundTender.OriginalPayment, 1)]
    public async Task Without_a_capture_only_money_owed_on_the_online_payment_is_an_exception(SitooRefundTender tender, int exceptions)
    {
        await using var harness = await StartAsync(new ShopwareSimulatorOptions { PaymentExtensionWritesCaptures = false });
        var (order, sitooOrderId) = await ExportPaidOrderAsync(harness, 1);

        harness.Pos.ReturnAtPos(harness.Store1, sitooOrderId, [new SitooReturnLine("SKU-1", 1)], tender: tender);
        await SyncAfterPollAsync(harness);

        Assert.Empty(harness.Shop.GetCaptureRefunds(order.Id));
        Assert.Equal(exceptions, (await ExceptionsAsync(harness)).Count);
    }

    [Fact]
    public async Task A_fully_discounted_order_returned_records_no_zero_refund_but_its_states_move()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", dc: 10);
        await harness.SyncAsync();
        var placed = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("free@example.com", "Fri", "Gift"), [new ShopOrderLine("SKU-1", 1, 20m)])
        {
            Promotions = [new ShopPromotion("All free", "FREE", Percentage: 100m)],
        });
        harness.Shop.PayOrder(placed.Id);
        harness.Shop.ShipOrder(placed.Id);
        await SyncAfterPollAsync(harness);
        var sitooOrderId = Assert.Single(harness.Pos.FindOrdersByExternalId(placed.OrderNumber));

        harness.Pos.ReturnAtPos(harness.Store1, sitooOrderId, [new SitooReturnLine("SKU-1", 1)], tender: SitooRefundTender.OriginalPayment);
        await SyncAfterPollAsync(harness);

        Assert.Empty(harness.Shop.GetCaptureRefunds(placed.Id));
        Assert.Equal("returned", harness.Shop.GetOrder(placed.Id).DeliveryState);
        Assert.Empty(await ExceptionsAsync(harness));
    }

    private static async Task<(ShopOrderState Order, long SitooOrderId)> ExportPaidOrderAsync(ConnectorHarness harness, int quantity)
    {
        harness.AddProduct("SKU-1", dc: 10);
        await harness.SyncAsync();
        var placed = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("pay@example.com", "Per", "Ask"), [new ShopOrderLine("SKU-1", quantity, 20m)]));
        harness.Shop.PayOrder(placed.Id);
        harness.Shop.ShipOrder(placed.Id);
        await SyncAfterPollAsync(harness);
        return (placed, Assert.Single(harness.Pos.FindOrdersByExternalId(placed.OrderNumber)));
    }

    private static Task<ConnectorHarness> StartAsync(ShopwareSimulatorOptions? shop = null) => Orders.OrderScenario.StartAsync(shop: shop);

    private static string State(JsonObject refund) => refund["stateMachineState"]!["technicalName"]!.GetValue<string>();

    private static decimal Amount(JsonObject refund) => refund["amount"]!["totalPrice"]!.GetValue<decimal>();
}
