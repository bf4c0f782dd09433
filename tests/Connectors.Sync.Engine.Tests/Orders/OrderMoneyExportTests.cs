using System.Text.Json.Nodes;
using Connectors.Core.Orders;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Orders;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Microsoft.Extensions.DependencyInjection;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Orders;

/// <summary>
/// Orders whose money finance signs off on, exported end to end: cash rounding, currencies, shipping at several VAT
/// rates, credits, net and tax-free orders, and promotions carried by a discount product. Sitoo's totals must equal
/// Shopware's.
/// </summary>
public sealed class OrderMoneyExportTests
{
    private static readonly ShopBuyer Buyer = ShopBuyer.Guest("eva@example.com", "Eva", "Holm");

    private static async Task<ConnectorHarness> StartWithServiceProductsAsync(Action<Connectors.Sync.Options.ConnectorOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var harness = await StartAsync(configure, services: collection =>
        {
            collection.AddSingleton(new OrderExportSettings { ShippingProductSku = "SHIPPING", CreditProductSku = "CREDIT" });
            services?.Invoke(collection);
        });
        harness.Pos.AddProduct("SHIPPING", "Shipping", 0m);
        harness.Pos.AddProduct("CREDIT", "Credit", 0m);
        harness.Pos.AddProduct("DISCOUNT-01", "Discount", 0m);
        return harness;
    }

    private static List<JsonObject> Items(JsonObject sitooOrder) => [.. sitooOrder["orderitems"]!.AsArray().OfType<JsonObject>()];

    private static decimal Gross(JsonObject item) => Money(item["moneyitemtotal_net"]) + Money(item["moneyitemtotal_vat"]);

    private static decimal RowsGross(JsonObject sitooOrder) => Items(sitooOrder).Sum(Gross);

    /// <summary>Sitoo's totals equal Shopware's: the rows plus the round-off, the grand total and the payments.</summary>
    private static void AssertTotalsEqual(ConnectorHarness harness, ShopOrderState order, JsonObject sitooOrder)
    {
        var shopware = harness.Shop.GetOrder(order.Id).AmountTotal;
        Assert.Equal(shopware, RowsGross(sitooOrder) + Money(sitooOrder["moneytotal_gross_roundoff"]));
        Assert.Equal(shopware, Money(sitooOrder["moneytotal_gross_all"]));
        Assert.Equal(shopware, sitooOrder["payments"]!.AsArray().Sum(payment => Money(payment!["moneyamount"])));
    }

    private static void AddTaxedProduct(ConnectorHarness harness, string sku, decimal rate)
    {
        harness.Pos.AddProduct(sku, "Product " + sku, 199m);
        harness.Shop.AddProduct(new ShopProductDraft(sku, 0) { Name = "Product " + sku, TaxRate = rate });
        harness.Pos.AdjustStock(DistributionCentre, sku, 10);
    }

    [Fact]
    public async Task A_SEK_order_rounded_to_whole_kronor_is_exported_with_the_round_off_and_the_rounded_payment()
    {
        await using var harness = await StartWithServiceProductsAsync();
        harness.AddProduct("SKU-1", dc: 10);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SKU-1", 2, 99.40m)])
        {
            Currency = new ShopCurrency("SEK") { TotalInterval = 1.00m },
            PaymentMethod = new ShopPaymentMethod("Klarna Pay Later", "payment_klarna_pay_later"),
        });
        await harness.SyncAsync();

        Assert.Equal(199.00m, harness.Shop.GetOrder(order.Id).AmountTotal);
        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        Assert.Equal("SEK", Text(sitooOrder["currencycode"]));
        Assert.Equal(198.80m, Gross(Assert.Single(Items(sitooOrder))));
        Assert.Equal(0.20m, Money(sitooOrder["moneytotal_gross_roundoff"]));
        var payment = Assert.Single(sitooOrder["payments"]!.AsArray())!;
        Assert.Equal(("Klarna Pay Later", 199.00m, order.TransactionId), (Text(payment["name"]), Money(payment["moneyamount"]), Text(payment["externalid"])));
        Assert.Equal(("payment_klarna_pay_later", order.Id), (Text(payment["additionaldata"]?["payment-method"]), Text(payment["additionaldata"]?["shopware-orderid"])));
        AssertTotalsEqual(harness, order, sitooOrder);

        // The export is archived as it was written, for returns.
        var archived = await ExportArchive.LoadAsync(harness.Store, sitooOrder["orderid"]!.GetValue<long>(), default);
        Assert.Equal((0.20m, 199.00m), (archived?.Draft.RoundOff, archived?.Draft.TotalGross));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task A_CHF_order_rounded_to_five_rappen_keeps_its_lines_exact()
    {
        await using var harness = await StartWithServiceProductsAsync();
        harness.AddProduct("SKU-1", dc: 10);
        harness.AddProduct("SKU-2", dc: 10);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SKU-1", 1, 7.51m), new ShopOrderLine("SKU-2", 1, 2.51m)])
        {
            Currency = new ShopCurrency("CHF") { TotalInterval = 0.05m },
        });
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        Assert.Equal([7.51m, 2.51m], Items(sitooOrder).Select(Gross));
        Assert.Equal(-0.02m, Money(sitooOrder["moneytotal_gross_roundoff"]));
        Assert.Equal(10.00m, harness.Shop.GetOrder(order.Id).AmountTotal);
        AssertTotalsEqual(harness, order, sitooOrder);
    }

    [Fact]
    public async Task A_yen_order_carries_no_fractional_yen()
    {
        await using var harness = await StartWithServiceProductsAsync();
        harness.AddProduct("SKU-1", dc: 10);
        harness.AddProduct("SKU-2", dc: 10);
        harness.AddProduct("SKU-3", dc: 10);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SKU-1", 1, 1000m), new ShopOrderLine("SKU-2", 1, 1000m), new ShopOrderLine("SKU-3", 1, 1000m)])
        {
            Currency = new ShopCurrency("JPY", Decimals: 0),
            Promotions = [new ShopPromotion("Hundred off", "YEN100", Amount: 100m)],
        });
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        var rows = Items(sitooOrder).Select(Gross).ToList();
        Assert.All(rows, row => Assert.Equal(decimal.Truncate(row), row));
        Assert.Equal(2900m, rows.Sum());
        var payment = Money(Assert.Single(sitooOrder["payments"]!.AsArray())!["moneyamount"]);
        Assert.Equal(decimal.Truncate(payment), payment);
        AssertTotalsEqual(harness, order, sitooOrder);
        var archived = await ExportArchive.LoadAsync(harness.Store, sitooOrder["orderid"]!.GetValue<long>(), default);
        Assert.Equal(0, archived?.Draft.Precision.MinorUnitDigits);
    }

    [Fact]
    public async Task Shipping_taxed_at_two_rates_becomes_two_shipping_rows_with_the_exact_rates()
    {
        await using var harness = await StartWithServiceProductsAsync();
        AddTaxedProduct(harness, "SHIRT", 25m);
        AddTaxedProduct(harness, "BOOK", 12m);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SHIRT", 1, 100.00m), new ShopOrderLine("BOOK", 1, 25.00m)])
        {
            ShippingCosts = 49.00m,
            ShippingTax = ShopShippingTax.Auto,
        });
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        var shipping = Items(sitooOrder).Where(item => Text(item["sku"]) == "SHIPPING").ToList();
        Assert.Equal([25m, 12m], shipping.Select(item => item["vatvalue"]!.GetValue<decimal>()));

        // The cart is 100.00 at 25 % and 25.00 at 12 %: shipping splits 4 : 1.
        Assert.Equal([39.20m, 9.80m], shipping.Select(Gross));
        AssertTotalsEqual(harness, order, sitooOrder);
    }

    [Fact]
    public async Task A_credit_line_is_carried_by_the_credit_product()
    {
        await using var harness = await StartWithServiceProductsAsync();
        harness.AddProduct("SKU-1", dc: 10);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SKU-1", 2, 30.00m)])
        {
            Credits = [new ShopCredit("Goodwill", 5.00m)],
        });
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        var credit = Assert.Single(Items(sitooOrder), item => Text(item["sku"]) == "CREDIT");
        Assert.Equal(-5.00m, Gross(credit));
        Assert.Equal(55.00m, harness.Shop.GetOrder(order.Id).AmountTotal);
        AssertTotalsEqual(harness, order, sitooOrder);
    }

    [Theory]
    [InlineData(ShopTaxStatus.Net)]
    [InlineData(ShopTaxStatus.TaxFree)]
    public async Task Net_and_tax_free_orders_reach_Sitoo_with_the_Shopware_total(ShopTaxStatus status)
    {
        await using var harness = await StartWithServiceProductsAsync();
        AddTaxedProduct(harness, "SHIRT", 25m);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SHIRT", 3, 39.99m)])
        {
            ShippingCosts = 4.90m,
            TaxStatus = status,
            Promotions = [new ShopPromotion("Ten percent", "TEN", Percentage: 10m)],
        });
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        var expectedRate = status == ShopTaxStatus.TaxFree ? 0m : 25m;
        Assert.All(Items(sitooOrder), item => Assert.Equal(expectedRate, item["vatvalue"]!.GetValue<decimal>()));
        AssertTotalsEqual(harness, order, sitooOrder);
    }

    [Fact]
    public async Task A_KWD_order_is_refused_naming_the_currency_and_nothing_reaches_Sitoo()
    {
        await using var harness = await StartWithServiceProductsAsync();
        harness.AddProduct("SKU-1", dc: 10);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SKU-1", 1, 12.345m)])
        {
            Currency = new ShopCurrency("KWD", Decimals: 3),
        });
        await harness.SyncAsync();

        Assert.Empty(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        var problem = Assert.Single(await ExceptionsAsync(harness));
        Assert.Contains($"{nameof(OrderTranslationReason.UnsupportedCurrencyPrecision)}: KWD amounts are rounded to 3 decimals", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_configured_discount_product_Sitoo_totals_equal_Shopware_totals()
    {
        await using var harness = await StartWithServiceProductsAsync(options => options.Orders.DiscountProductSku = "DISCOUNT-01");
        harness.AddProduct("SKU-1", dc: 10);
        harness.AddProduct("SKU-2", dc: 10);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SKU-1", 2, 150.00m), new ShopOrderLine("SKU-2", 1, 100.00m)])
        {
            Promotions = [new ShopPromotion("Forty off", "FORTY", Amount: 40.00m)],
        });
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        var discount = Assert.Single(Items(sitooOrder), item => Text(item["sku"]) == "DISCOUNT-01");
        Assert.Equal((1L, -40.00m), (discount["quantity"]!.GetValue<long>(), Gross(discount)));
        Assert.Equal(360.00m, harness.Shop.GetOrder(order.Id).AmountTotal);
        AssertTotalsEqual(harness, order, sitooOrder);

        // What each product line's share of the discount row is, from the promotion's composition.
        var archived = await ExportArchive.LoadAsync(harness.Store, sitooOrder["orderid"]!.GetValue<long>(), default);
        Assert.Equal([30.00m, 10.00m], archived!.Draft.DiscountRowShares.Values.OrderDescending());
    }

    [Fact]
    public async Task A_custom_promotion_policy_can_carry_promotions_on_a_discount_product_with_equal_totals()
    {
        await using var harness = await StartWithServiceProductsAsync(services: services => services.AddSingleton<IPromotionPolicy>(new CodedPromotionsOnDiscountProduct()));
        harness.AddProduct("SKU-1", dc: 10);
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SKU-1", 3, 19.90m)])
        {
            Promotions = [new ShopPromotion("Member price", "MEMBER", Percentage: 15m), new ShopPromotion("Autumn", string.Empty, Amount: 5.00m)],
        });
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        var items = Items(sitooOrder);
        Assert.Single(items, item => Text(item["sku"]) == "DISCOUNT-01" && Gross(item) < 0);
        Assert.Contains(items, item => Text(item["sku"]) == "SKU-1" && item["additionaldata"]?["orderitem-moneyrowdiscount"] is not null);
        AssertTotalsEqual(harness, order, sitooOrder);
    }

    [Fact]
    public async Task An_order_found_by_externalid_after_a_crash_is_archived_too()
    {
        for (var crashAt = 1; crashAt < 40; crashAt++)
        {
            await using var harness = await StartWithServiceProductsAsync();
            harness.AddProduct("SKU-1", dc: 10);
            await harness.SyncAsync();
            await harness.RestartAsync(crashAtCommit: crashAt);
            var order = harness.Shop.PlaceOrder(new ShopOrderDraft(Buyer, [new ShopOrderLine("SKU-1", 2, 99.40m)]) { Currency = new ShopCurrency("SEK") { TotalInterval = 1.00m } });
            try
            {
                await harness.SyncAsync();
            }
            catch (SimulatedCrashException)
            {
                // The engine died at this commit.
            }

            var created = harness.Pos.FindOrdersByExternalId(order.OrderNumber);
            if (created.Count == 0 || await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Order, order.Id, default) is not null)
            {
                continue;
            }

            // Sitoo has the order, the connector never committed it: the retry finds it and archives what it wrote.
            Assert.Null(await ExportArchive.LoadAsync(harness.Store, created[0], default));
            await harness.RestartAsync();
            harness.Clock.Advance(NodaTime.Duration.FromMinutes(1));
            await harness.SyncAsync();

            var archived = await ExportArchive.LoadAsync(harness.Store, created[0], default);
            Assert.Equal((order.Id, created[0], 0.20m), (archived?.Order.Id, archived?.SitooOrderId, archived?.Draft.RoundOff));
            Assert.Equal(1, OrdersCreated(harness.Pos));
            return;
        }

        Assert.Fail("No crash point fell between the Sitoo order creation and the local commit.");
    }

    /// <summary>An integrator's policy: promotions with a code go on the discount product, automatic ones are spread.</summary>
    private sealed class CodedPromotionsOnDiscountProduct : IPromotionPolicy
    {
        public PromotionTreatment Decide(ShopwareLineSnapshot line, ShopwareOrderSnapshot order) =>
            string.IsNullOrEmpty(line.Promotion?.Code) ? new PromotionTreatment.SpreadOverProducts() : new PromotionTreatment.DiscountProduct("DISCOUNT-01");
    }
}
