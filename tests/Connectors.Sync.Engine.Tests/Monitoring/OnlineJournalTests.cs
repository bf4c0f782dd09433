using System.Globalization;
using Connectors.Core.Finance;
using Connectors.Sync.Engine.Tests.Reconciliation;
using Connectors.Sync.Monitoring;
using Connectors.Sync.Orders;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Monitoring;

/// <summary>Exported online orders and their store returns in the finance journal.</summary>
public sealed class OnlineJournalTests
{
    [Fact]
    public async Task Shipping_is_booked_as_shipping_at_its_own_rate_and_a_store_return_of_the_order_on_the_online_channel_in_the_stores_column()
    {
        await using var harness = await StartAsync(services: services =>
            services.AddSingleton(new OrderExportSettings { ShippingProductSku = "SHIPPING", ShippingProductName = "Home delivery" }));
        harness.AddProduct("SKU-1", dc: 10);
        harness.Pos.AddProduct("SHIPPING", "Home delivery", 0m);
        var placed = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("journal@example.com", "Jo", "Urnal"), [new ShopOrderLine("SKU-1", 2, 50m)])
        {
            ShippingCosts = 5m,
        });
        await harness.SyncAsync();
        var sitooOrderId = Assert.Single(harness.Pos.FindOrdersByExternalId(placed.OrderNumber));
        harness.Pos.ReturnAtPos(harness.Store1, sitooOrderId, [new SitooReturnLine("SKU-1", 1)]);

        var day = harness.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Stockholm"]).Date;
        var report = await harness.Monitor().FinanceJournalAsync(new FinanceJournalQuery(day, day), default);

        var store = harness.Store1.WarehouseId.ToString(CultureInfo.InvariantCulture);
        Assert.All(report.Journal.Rows, row => Assert.Equal(JournalChannel.Online, row.Key.Channel));
        var online = report.Journal.DayTotals.Single(total => total.Store.Kind == JournalStoreKind.Online).Amounts;
        Assert.Equal((100m, 5m), (online.SalesGross, online.ShippingGross));
        var returned = report.Journal.DayTotals.Single(total => total.Store.Id == store).Amounts;
        Assert.Equal((0m, -50m), (returned.SalesGross, returned.ReturnsGross));
        var shippingRow = Assert.Single(report.Journal.Rows, row => row.Amounts.ShippingGross != 0m);
        Assert.Equal(19m, shippingRow.Key.VatRate);
    }
}
