using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Returns;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Returns.ReturnScenario;

namespace Connectors.Sync.Engine.Tests.Stock;

/// <summary>A record Sitoo lists but the connector cannot read is put on the exception list once, and nothing else waits for it.</summary>
public sealed class MalformedSitooRecordTests
{
    private static Task<IReadOnlyList<ExceptionRecord>> MalformedAsync(ConnectorHarness harness) =>
        harness.Store.Exceptions.ListAsync(new ExceptionFilter(ReasonCode: Connectors.Sync.Engine.ReasonCodes.MalformedSitooRecord), default);

    [Fact]
    public async Task A_transaction_without_sku_is_recorded_once_with_its_raw_json_and_the_cursor_moves_past_it()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Reconciliation.FullEvery = TimeSpan.Zero);
        harness.AddProduct("SKU-1", store1: 10);
        harness.AddProduct("SKU-2", store1: 10);
        await harness.SyncAsync();

        var broken = harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 2)]);
        harness.Pos.ReshapeWarehouseTransaction(broken.WarehouseTransactionId, json => json["items"]![0]!.AsObject().Remove("sku"));
        var after = harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-2", 3)]);
        await harness.SyncAsync();

        // The rest of the page is applied, and the cursor stands past the unreadable transaction.
        Assert.Equal(7, harness.Shop.GetProduct("SKU-2").Stock);
        var intake = harness.Services.GetRequiredService<TransactionIntake>();
        Assert.True((await harness.Store.Cursors.GetAsync(intake.CursorName, default))!.Position.Number >= after.WarehouseTransactionId);
        var record = Assert.Single(await MalformedAsync(harness));
        Assert.Equal(OwningTeam.Retail, record.Team);
        Assert.Equal(new EntityReference("sitoo-warehouse-transaction", broken.WarehouseTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture)), record.Entity);
        Assert.Contains("required properties including: 'sku'", record.Message, StringComparison.Ordinal);
        Assert.Contains("\"warehousetransactionid\":" + broken.WarehouseTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Detail, StringComparison.Ordinal);

        // Later polls read the overlap again (and so the broken transaction), yet the record is not touched again.
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-2", 1)]);
        harness.Clock.Advance(Duration.FromMinutes(5));
        await harness.SyncAsync();

        Assert.Equal(6, harness.Shop.GetProduct("SKU-2").Stock);
        Assert.Equal(1, Assert.Single(await MalformedAsync(harness)).Attempts);
    }

    [Fact]
    public async Task An_unreadable_sitoo_order_is_recorded_and_a_return_after_it_is_still_refunded()
    {
        await using var harness = await StartAsync();
        var (order, sitooOrder) = await PickedUpOrderAsync(harness);

        var sale = harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine(Sku, 1)]);
        harness.Pos.ReshapeListedOrder(sale.OrderId, json => json["additionaldata"] = "not a map");
        var receipt = harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Sku, 1)]);
        await SyncAfterPollAsync(harness);
        harness.Clock.Advance(Duration.FromMinutes(1));
        await SyncAfterPollAsync(harness);

        Assert.Equal(WorkItemState.Completed, (await RefundItemAsync(harness, receipt.OrderId))?.State);
        var record = Assert.Single(await MalformedAsync(harness));
        Assert.Equal(new EntityReference("sitoo-order", sale.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture)), record.Entity);
        Assert.Equal(OwningTeam.Retail, record.Team);
        Assert.Contains("not a map", record.Detail, StringComparison.Ordinal);
        Assert.Equal(1, record.Attempts);
        var poller = harness.Services.GetRequiredService<SitooOrderPoller>();
        Assert.True((await harness.Store.Cursors.GetAsync(poller.CursorName, default))!.Position.Number >= receipt.OrderId);
    }

    [Fact]
    public async Task A_transaction_page_whose_ids_do_not_ascend_is_refused_and_the_cursor_stays()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Reconciliation.FullEvery = TimeSpan.Zero);
        harness.AddProduct("SKU-1", store1: 10);
        await harness.SyncAsync();
        var intake = harness.Services.GetRequiredService<TransactionIntake>();
        var before = (await harness.Store.Cursors.GetAsync(intake.CursorName, default))!.Position.Number;

        // The later sale is listed under an id below the earlier one's, as a server ignoring the sort would list it.
        var first = harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        var second = harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 2)]);
        harness.Pos.ReshapeWarehouseTransaction(second.WarehouseTransactionId, json => json["warehousetransactionid"] = first.WarehouseTransactionId - 1);
        await harness.SyncAsync();

        Assert.Equal(before, (await harness.Store.Cursors.GetAsync(intake.CursorName, default))!.Position.Number);
        Assert.Equal(10, harness.Shop.GetProduct("SKU-1").Stock);
        var failed = (await harness.Store.Runs.ListAsync(intake.Name, 10, default)).First(r => r.Outcome == RunOutcome.Failed);
        Assert.Contains("do not ascend", failed.Error, StringComparison.Ordinal);
        Assert.Empty(await MalformedAsync(harness));
    }
}
