using Connectors.Core.Customers;
using Connectors.Core.Inventory;
using Connectors.Core.Orders;
using Connectors.Core.Returns;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Testing.Shopware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Engine;

/// <summary>Each policy is swapped or wrapped through the connector's builder, and the engine then decides with it.</summary>
public sealed class PolicyRegistrationTests
{
    [Fact]
    public async Task A_replaced_line_classifier_still_gets_the_sku_overrides()
    {
        await using var harness = await StartAsync(
            options => options.Stock.SkuOverrides["SHOP-1"] = "POS-1",
            connector: builder => builder.UsePolicy<ILineItemClassifier>(_ => new GoodwillCreditClassifier(new DefaultLineItemClassifier())));
        AddMappedProduct(harness);
        await harness.SyncAsync();

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("credit@example.com", "Cre", "Dit"), [new ShopOrderLine("SHOP-1", 1)])
        {
            Credits = [new ShopCredit("Goodwill", 5m)],
        });
        await PollAgainAsync(harness);

        Assert.Equal(["POS-1", "GOODWILL"], Skus(harness, order.OrderNumber));
    }

    [Fact]
    public async Task A_decorated_classifier_decides_its_lines_and_the_default_the_rest()
    {
        await using var harness = await StartAsync(
            options => options.Stock.SkuOverrides["SHOP-1"] = "POS-1",
            connector: builder => builder.DecoratePolicy<ILineItemClassifier>((_, inner) => new GoodwillCreditClassifier(inner)));
        AddMappedProduct(harness);
        await harness.SyncAsync();

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("credit@example.com", "Cre", "Dit"), [new ShopOrderLine("SHOP-1", 2)])
        {
            Credits = [new ShopCredit("Goodwill", 5m)],
        });
        await PollAgainAsync(harness);

        Assert.Equal(["POS-1", "GOODWILL"], Skus(harness, order.OrderNumber));
    }

    [Fact]
    public async Task A_replaced_promotion_policy_beside_a_discount_product_setting_is_refused_at_start()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(
            options => options.Orders.DiscountProductSku = "DISCOUNT",
            connector: builder => builder.UsePolicy<IPromotionPolicy>(_ => new SpreadPromotionPolicy())));

        Assert.Contains("Connectors:Sync:Orders:DiscountProductSku", refused.Message, StringComparison.Ordinal);
        await using var decorated = await StartAsync(
            options => options.Orders.DiscountProductSku = "DISCOUNT",
            connector: builder => builder.DecoratePolicy<IPromotionPolicy>((_, inner) => inner));
    }

    [Fact]
    public async Task A_replaced_promotion_policy_carries_the_promotions()
    {
        await using var harness = await StartAsync(connector: builder => builder.UsePolicy<IPromotionPolicy>(_ => new AllAsDiscountProduct("PROMO")));
        harness.AddProduct("SKU-1", dc: 10);
        harness.Pos.AddProduct("PROMO", "Promotions", 0m);
        await harness.SyncAsync();

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("promo@example.com", "Pro", "Mo"), [new ShopOrderLine("SKU-1", 1, 100m)])
        {
            Promotions = [new ShopPromotion("Ten off", "TEN", Amount: 10m)],
        });
        await PollAgainAsync(harness);

        Assert.Equal(["SKU-1", "PROMO"], Skus(harness, order.OrderNumber));
    }

    [Fact]
    public async Task A_replaced_availability_policy_sets_what_the_shop_may_sell()
    {
        await using var harness = await StartAsync(connector: builder => builder.UsePolicy<IStockAvailabilityPolicy>(_ => new HalfOfEverything()));
        harness.AddProduct("SKU-1", store1: 10, dc: 10);

        await harness.SyncAsync();

        Assert.Equal(10, harness.Shop.GetProduct("SKU-1").Stock);
    }

    [Fact]
    public async Task A_replaced_closeout_policy_decides_per_product()
    {
        await using var harness = await StartAsync(connector: builder => builder.UsePolicy<ICloseoutPolicy>(
            _ => new PerSkuCloseout(sku => sku == "SKU-1" ? CloseoutAction.Force : CloseoutAction.Ignore)));
        harness.AddProduct("SKU-1", store1: 5);
        harness.AddProduct("SKU-2", store1: 5);

        await harness.SyncAsync();

        Assert.Equal((true, false), (harness.Shop.GetProduct("SKU-1").IsCloseout, harness.Shop.GetProduct("SKU-2").IsCloseout));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_policy_kind_is_resolved_as_registered_through_the_builder(Type kind)
    {
        var replacement = Replacements[kind];
        await using var harness = await StartAsync(connector: builder => Use(builder, kind, replacement));

        Assert.Same(replacement, harness.Services.GetRequiredService(kind));
    }

    [Fact]
    public void A_type_that_is_not_a_policy_is_refused()
    {
        var builder = new ServiceCollection().AddShopwareSitooConnector(_ => { }, _ => { }, _ => { });

        var refused = Assert.Throws<ArgumentException>(() => builder.UsePolicy<IComparable>(_ => 1));

        Assert.Contains("ILineItemClassifier", refused.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Type> Kinds() => [.. ConnectorPolicies.Kinds];

    private static readonly Dictionary<Type, object> Replacements = new()
    {
        [typeof(ILineItemClassifier)] = new DefaultLineItemClassifier(),
        [typeof(IPromotionPolicy)] = new SpreadPromotionPolicy(),
        [typeof(IContactNormalizer)] = new DefaultContactNormalizer("47"),
        [typeof(ICustomerMatcher)] = new CustomerMatcher(new DefaultContactNormalizer("47")),
        [typeof(IRestockPolicy)] = new StockFlowRestockPolicy(),
        [typeof(IRefundSettlementPolicy)] = new TillPayoutSettlementPolicy(),
        [typeof(IStockAvailabilityPolicy)] = new HalfOfEverything(),
        [typeof(ICloseoutPolicy)] = new PerSkuCloseout(_ => CloseoutAction.Warn),
        [typeof(Connectors.Core.Catalogue.ICatalogueMappingPolicy)] = new Connectors.Core.Catalogue.DefaultCatalogueMappingPolicy(new Connectors.Core.Catalogue.CatalogueMappingOptions()),
    };

    private static void Use(ConnectorBuilder builder, Type kind, object replacement)
    {
        var use = typeof(ConnectorBuilder).GetMethod(nameof(ConnectorBuilder.UsePolicy))!.MakeGenericMethod(kind);
        var factory = typeof(PolicyRegistrationTests).GetMethod(nameof(Factory), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(kind).Invoke(null, [replacement]);
        use.Invoke(builder, [factory]);
    }

    private static Func<IServiceProvider, T> Factory<T>(T policy) => _ => policy;

    private static void AddMappedProduct(ConnectorHarness harness)
    {
        harness.Pos.AddProduct("POS-1", "Mapped", 100m);
        harness.Pos.AddProduct("GOODWILL", "Goodwill credit", 0m);
        harness.Shop.AddProduct(new ShopProductDraft("SHOP-1", 0) { Name = "Mapped" });
        harness.Pos.AdjustStock(DistributionCentre, "POS-1", 10);
    }

    private static string[] Skus(ConnectorHarness harness, string orderNumber) =>
        [.. SitooOrder(harness, orderNumber)["orderitems"]!.AsArray().Select(item => Text(item!["sku"])!)];

    private sealed class GoodwillCreditClassifier(ILineItemClassifier fallback) : ILineItemClassifier
    {
        public LineClassification Classify(ShopwareLineSnapshot line, ShopwareOrderSnapshot order) =>
            line.Type == ShopwareLineTypes.Credit ? new LineClassification.Service("GOODWILL") : fallback.Classify(line, order);
    }

    private sealed class AllAsDiscountProduct(string sku) : IPromotionPolicy
    {
        public PromotionTreatment Decide(ShopwareLineSnapshot line, ShopwareOrderSnapshot order) => new PromotionTreatment.DiscountProduct(sku);
    }

    private sealed class HalfOfEverything : IStockAvailabilityPolicy
    {
        public decimal OnlineQuantity(string sku, ReadOnlySpan<WarehouseStock> levels, StockTopology topology) =>
            Math.Floor(BufferedAvailabilityPolicy.Instance.OnlineQuantity(sku, levels, topology) / 2);
    }

    private sealed class PerSkuCloseout(Func<string, CloseoutAction> decide) : ICloseoutPolicy
    {
        public CloseoutAction Decide(string sku) => decide(sku);
    }
}
