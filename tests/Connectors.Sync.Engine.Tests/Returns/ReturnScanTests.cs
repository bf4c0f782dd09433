using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Connectors.Testing.Sitoo;
using static Connectors.Sync.Engine.Tests.Returns.ReturnScenario;

namespace Connectors.Sync.Engine.Tests.Returns;

/// <summary>The order poll among many POS receipts (ADR 0006): it lists outlines and reads only possible returns in full.</summary>
public sealed class ReturnScanTests
{

    [Theory]
    [InlineData(10)]
    [InlineData(1_200)]
    public async Task A_store_return_among_a_flood_of_pos_sales_is_refunded_once_and_only_it_is_read_in_full(int posSales)
    {
        await using var harness = await StartAsync();
        harness.AddProduct(Sku, store1: 100_000);
        harness.AddProduct("SKU-POS", store2: 100_000);
        await SyncAfterPollAsync(harness);
        var order = PlacePaidOrder(harness, 2);
        var sitooOrder = await ExportAsync(harness, order);
        harness.Pos.PickUpWebOrder(sitooOrder);
        await SyncAfterPollAsync(harness);

        SellAtPos(harness, posSales / 2);
        var receipt = harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);
        SellAtPos(harness, posSales - posSales / 2);
        var readsBefore = OrderReads(harness);
        for (var pass = 0; pass < 6; pass++)
        {
            await SyncAfterPollAsync(harness);
        }

        Assert.Equal(1, Transitions(harness, "order_transaction", "refund_partially"));
        Assert.Equal(WorkItemState.Completed, (await RefundItemAsync(harness, receipt.OrderId))?.State);
        // The poll reads the return in full once, the refund reads it and its original: never a POS sale.
        Assert.InRange(OrderReads(harness) - readsBefore, 1, 3);
        Assert.True(OrderLists(harness) > 0);
    }

    [Fact]
    public async Task A_return_whose_outline_names_its_original_only_in_additionaldata_is_refunded()
    {
        await using var harness = await StartAsync();
        var (order, sitooOrder) = await PickedUpOrderAsync(harness);

        var receipt = harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);
        harness.Pos.ReshapeListedOrder(receipt.OrderId, listed => listed.Remove("creditorderid"));
        await SyncAfterPollAsync(harness);
        await SyncAfterPollAsync(harness);

        Assert.Equal(1, Transitions(harness, "order_transaction", "refund_partially"));
        Assert.Equal(WorkItemState.Completed, (await RefundItemAsync(harness, receipt.OrderId))?.State);
        Assert.Empty(await ExceptionsAsync(harness));
    }

    private static int OrderReads(ConnectorHarness harness) => Calls(harness, "/orders/{id}.json");

    private static int OrderLists(ConnectorHarness harness) => Calls(harness, "/orders.json");

    private static int Calls(ConnectorHarness harness, string pathEnd) =>
        harness.Pos.Calls.ByOperation
            .Where(call => call.Key.StartsWith("GET ", StringComparison.Ordinal) && call.Key.EndsWith(pathEnd, StringComparison.Ordinal))
            .Sum(call => call.Value);

    private static void SellAtPos(ConnectorHarness harness, int count)
    {
        for (var i = 0; i < count; i++)
        {
            harness.Pos.SellAtPos(harness.Store2, [new SitooSaleLine("SKU-POS", 1)]);
        }
    }
}
