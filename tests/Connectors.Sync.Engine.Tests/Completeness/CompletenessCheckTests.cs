using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Monitoring;
using Connectors.Sync.Orders;
using Connectors.Sync.Returns;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Completeness;

/// <summary>
/// The completeness check finds what a poll passed over (an order committed late with an earlier date, a return whose
/// id became visible after the cursor had passed it), queues it again, shows it as stalled, and repeats nothing.
/// </summary>
public sealed class CompletenessCheckTests
{
    private static readonly Duration CheckEvery = Duration.FromHours(1);

    [Fact]
    public async Task An_order_the_poll_passed_over_is_exported_once_by_the_next_check()
    {
        await using var harness = await Orders.OrderScenario.StartAsync(options => options.Completeness.Every = CheckEvery.ToTimeSpan());
        harness.AddProduct("SKU-1", dc: 50);
        await GoLiveAsync(harness);
        var onTime = Place(harness, "on-time@example.com");
        await Orders.OrderScenario.PollAgainAsync(harness);

        // An order whose row became visible half an hour after its date: the cursor has passed its date already.
        var late = PlaceDated(harness, harness.Clock.GetCurrentInstant() - Duration.FromMinutes(30), "late@example.com");
        await Orders.OrderScenario.PollAgainAsync(harness);
        Assert.Single(harness.Pos.FindOrdersByExternalId(onTime.OrderNumber));
        Assert.Empty(harness.Pos.FindOrdersByExternalId(late.OrderNumber));

        var report = await CheckAsync(harness);

        Assert.Equal([late.OrderNumber], report.Orders.Requeued.Select(missed => missed.Reference));
        Assert.Equal(2, report.Orders.Seen + report.Orders.NotYetDue);
        Assert.Single(harness.Pos.FindOrdersByExternalId(late.OrderNumber));
        var again = await CheckAsync(harness);
        Assert.Empty(again.Orders.Requeued);
        Assert.Single(harness.Pos.FindOrdersByExternalId(late.OrderNumber));
    }

    [Fact]
    public async Task An_order_passed_over_shows_as_stalled_while_its_export_fails_however_young_its_work_item()
    {
        await using var harness = await Orders.OrderScenario.StartAsync(options => options.Completeness.Every = CheckEvery.ToTimeSpan());
        harness.AddProduct("SKU-1", dc: 50);
        await GoLiveAsync(harness);
        Place(harness, "on-time@example.com");
        await Orders.OrderScenario.PollAgainAsync(harness);
        var late = PlaceDated(harness, harness.Clock.GetCurrentInstant() - Duration.FromMinutes(30), "late@example.com");
        await Orders.OrderScenario.PollAgainAsync(harness);
        Orders.OrderScenario.BlockSitooWrites(harness);

        var report = await CheckAsync(harness);

        Assert.Single(report.Orders.Requeued);
        var stalled = await harness.Services.GetRequiredService<ConnectorMonitor>().StalledWorkAsync(default);
        var item = Assert.Single(stalled, work => work.Kind == OrderWork.ExportKind);
        Assert.Equal(OrderWork.ExportKey(late.Id), item.Key);
        Assert.True(item.Age < Duration.FromTimeSpan(harness.Options.Orders.StalledAfter), "younger than the stalled threshold");
    }

    [Fact]
    public async Task Orders_changed_after_the_cursor_and_orders_before_go_live_are_not_counted_as_missing()
    {
        await using var harness = await Orders.OrderScenario.StartAsync(options => options.Completeness.Every = CheckEvery.ToTimeSpan());
        harness.AddProduct("SKU-1", dc: 50);
        PlaceDated(harness, harness.Clock.GetCurrentInstant() - Duration.FromMinutes(10), "before-go-live@example.com");
        await harness.SyncAsync();
        await Orders.OrderScenario.PollAgainAsync(harness);

        var report = await CheckAsync(harness, pollFirst: false);

        Assert.True(report.Orders.Checked);
        Assert.Equal(0, report.Orders.Seen);
        Assert.Empty(report.Orders.Requeued);
    }

    [Fact]
    public async Task A_return_the_poll_passed_over_is_refunded_once_by_the_next_check()
    {
        await using var harness = await Returns.ReturnScenario.StartAsync(configure: options => options.Completeness.Every = CheckEvery.ToTimeSpan());
        harness.AddProduct(Returns.ReturnScenario.Sku, store1: 10);
        await Returns.ReturnScenario.SyncAfterPollAsync(harness);
        var order = Returns.ReturnScenario.PlacePaidOrder(harness, 2);
        harness.Shop.ShipOrder(order.Id);
        var sitooOrder = await Returns.ReturnScenario.ExportAsync(harness, order);
        await Returns.ReturnScenario.SyncAfterPollAsync(harness);

        // The return's id becomes visible only after orders with higher ids were read: the cursor is already past it.
        var receipt = harness.Pos.ReturnAtPos(harness.Store1, sitooOrder, [new SitooReturnLine(Returns.ReturnScenario.Sku, 1)]);
        var cursorName = harness.Services.GetRequiredService<SitooOrderPoller>().CursorName;
        await harness.Store.Cursors.AdvanceAsync(cursorName, CursorPosition.FromNumber(receipt.OrderId + 10), default);
        await Returns.ReturnScenario.SyncAfterPollAsync(harness);
        Assert.Null(await Returns.ReturnScenario.RefundItemAsync(harness, receipt.OrderId));

        var report = await CheckAsync(harness);

        Assert.Equal([receipt.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture)], report.Returns.Requeued.Select(missed => missed.Reference));
        Assert.Equal("refunded_partially", harness.Shop.GetOrder(order.Id).TransactionState);
        var again = await CheckAsync(harness);
        Assert.Empty(again.Returns.Requeued);
        Assert.Equal(1, Returns.ReturnScenario.Transitions(harness, "order_transaction", "refund_partially"));
        Assert.Empty(await Returns.ReturnScenario.ExceptionsAsync(harness));
    }

    /// <summary>Takes the go-live baseline, then lets an hour pass: orders dated in that hour count as the poll's.</summary>
    private static async Task GoLiveAsync(ConnectorHarness harness)
    {
        await harness.SyncAsync();
        harness.Clock.Advance(Duration.FromHours(1));
        await harness.SyncAsync();
    }

    /// <summary>Lets the check's interval pass (with the poll's), runs the engine until idle, and reads the report.</summary>
    private static async Task<Sync.Completeness.CompletenessReport> CheckAsync(ConnectorHarness harness, bool pollFirst = true)
    {
        var before = await harness.Services.GetRequiredService<ConnectorMonitor>().LatestCompletenessReportAsync(default);
        if (pollFirst)
        {
            await harness.SyncAsync();
        }

        harness.Clock.Advance(CheckEvery);
        await harness.SyncAsync();
        var report = await harness.Services.GetRequiredService<ConnectorMonitor>().LatestCompletenessReportAsync(default);
        Assert.NotNull(report);
        Assert.NotEqual(before?.CheckedAt, report.CheckedAt);
        return report;
    }

    private static ShopOrderState Place(ConnectorHarness harness, string email) =>
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest(email, "Late", "Comer"), [new ShopOrderLine("SKU-1", 1)]));

    /// <summary>Places an order dated <paramref name="at"/> (the shop's clock set back for it), as a late commit or an import shows it.</summary>
    private static ShopOrderState PlaceDated(ConnectorHarness harness, Instant at, string email)
    {
        var now = harness.Clock.GetCurrentInstant();
        harness.Clock.Reset(at);
        try
        {
            return Place(harness, email);
        }
        finally
        {
            harness.Clock.Reset(now);
        }
    }
}
