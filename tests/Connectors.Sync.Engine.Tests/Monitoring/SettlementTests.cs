using System.Globalization;
using Connectors.Core.Finance;
using Connectors.Sync.Engine.Tests.Reconciliation;
using Connectors.Sync.Monitoring;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Monitoring;

/// <summary>The daily settlement against both simulators: till payments by method, online captures, and what differs.</summary>
public sealed class SettlementTests
{
    [Fact]
    public async Task Till_payments_of_a_sale_paid_by_card_and_cash_are_summed_by_method_online_captures_tie_to_exported_orders_and_a_capture_without_an_order_is_missing()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", store1: 20, dc: 20);
        await harness.SyncAsync();
        var sale = harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 2, 100m)], tenders: [new SitooTender("Cash", 80m)]);
        harness.Pos.ReturnAtPos(harness.Store1, sale.OrderId, [new SitooReturnLine("SKU-1", 1)], tender: SitooRefundTender.Cash);

        var exported = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("paid@example.com", "Pia", "Id"), [new ShopOrderLine("SKU-1", 1, 30m)]));
        harness.Shop.PayOrder(exported.Id);
        await harness.SyncAsync();

        // An order Shopware took money for but that never reached Sitoo (its product is unknown there).
        harness.Shop.AddProduct(new ShopProductDraft("WEB-ONLY", 5));
        var missing = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("lost@example.com", "Lo", "St"), [new ShopOrderLine("WEB-ONLY", 1, 12m)]));
        harness.Shop.PayOrder(missing.Id);
        await harness.SyncAsync();

        var day = harness.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Stockholm"]).Date;
        var days = await harness.Monitor().SettlementAsync(new FinanceJournalQuery(day, day), default);

        var store = days.Single(d => d.Store.Id == harness.Store1.WarehouseId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((100m, 100m), (store.Turnover, store.Payments));
        Assert.Equal(120m, store.PaymentsByMethod["Card"]);
        Assert.Equal(80m - 100m, store.PaymentsByMethod["Cash"]);
        Assert.Empty(store.Differences);

        var online = days.Single(d => d.Store.Kind == JournalStoreKind.Online);
        Assert.Equal((30m, 42m), (online.Turnover, online.Payments));
        var difference = Assert.Single(online.Differences);
        Assert.Equal((SettlementCause.OrderMissing, missing.OrderNumber, -12m), (difference.Cause, difference.OrderId, difference.Amount));
        Assert.Equal(online.Turnover - online.Payments, online.Differences.Sum(d => d.Amount));
    }

    [Fact]
    public async Task A_refund_of_an_order_captured_on_an_earlier_day_counts_on_the_day_it_is_paid_back()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", dc: 20);
        await harness.SyncAsync();
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("later@example.com", "La", "Ter"), [new ShopOrderLine("SKU-1", 1, 40m)]));
        harness.Shop.PayOrder(order.Id);
        await harness.SyncAsync();

        harness.Clock.Advance(Duration.FromDays(2));
        harness.Shop.RefundInShopware(order.Id, 15m);
        var day = harness.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Stockholm"]).Date;
        var days = await harness.Monitor().SettlementAsync(new FinanceJournalQuery(day, day), default);

        var online = Assert.Single(days, d => d.Store.Kind == JournalStoreKind.Online);
        Assert.Equal((-15m, -15m), (online.Turnover, online.Payments));
        Assert.Empty(online.Differences);
    }
}
