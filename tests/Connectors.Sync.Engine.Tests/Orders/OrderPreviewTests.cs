using Connectors.Core.Orders;
using Connectors.Sync.Orders;
using Connectors.Testing.Shopware;
using Microsoft.Extensions.DependencyInjection;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Orders;

public sealed class OrderPreviewTests
{
    [Fact]
    public async Task A_preview_shows_the_Sitoo_order_to_the_cent_and_writes_nothing()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1");
        harness.AddProduct("SKU-2");
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(
            ShopBuyer.Guest("pia@example.com", "Pia", "Dal"), [new ShopOrderLine("SKU-1", 3, 12.35m), new ShopOrderLine("SKU-2", 1, 99.99m)])
        {
            Promotions = [new ShopPromotion("Black week", "BW15", Percentage: 15m)],
        });
        var previewer = harness.Services.GetRequiredService<OrderTranslationPreviewer>();

        var preview = await previewer.PreviewAsync(order.OrderNumber, default);

        Assert.NotNull(preview);
        Assert.True(preview.Translated);
        Assert.Equal(harness.Shop.GetOrder(order.Id).AmountTotal, preview.DraftTotal);
        Assert.Equal(["SKU-1", "SKU-2"], preview.Items.Select(item => item.Sku));
        Assert.Equal(AllocationMethod.Composition, Assert.Single(preview.Allocations).Method);
        Assert.Empty(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        Assert.Equal((0, 0), (UsersCreated(harness.Pos), OrdersCreated(harness.Pos)));
        Assert.Equal(0, await PendingAsync(harness));
        Assert.Null(await previewer.PreviewAsync("no-such-order", default));
    }

    [Fact]
    public async Task A_preview_with_a_new_promotion_policy_names_the_line_it_cannot_carry()
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1");
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("bo@example.com", "Bo", "Ek"), [new ShopOrderLine("SKU-1", 2)])
        {
            Promotions = [new ShopPromotion("Bundle deal", "BUNDLE", Amount: 3m)],
        });
        var previewer = harness.Services.GetRequiredService<OrderTranslationPreviewer>();

        var preview = await previewer.PreviewAsync(order.OrderNumber, new OnlyCodesPolicy("SUMMER"), default);

        Assert.NotNull(preview);
        Assert.False(preview.Translated);
        var failure = Assert.Single(preview.Failures);
        Assert.Equal((OrderTranslationReason.PromotionLineUnmapped, "Bundle deal"), (failure.Reason, failure.LineLabel));
        Assert.Contains("BUNDLE", OrderTranslationPreview.ToText(preview), StringComparison.Ordinal);
    }

    /// <summary>A promotion policy in the making: carries only the codes it was written for.</summary>
    private sealed class OnlyCodesPolicy(params string[] codes) : IPromotionPolicy
    {
        public PromotionTreatment Decide(ShopwareLineSnapshot line, ShopwareOrderSnapshot order) =>
            codes.Contains(line.Promotion?.Code)
                ? new PromotionTreatment.SpreadOverProducts()
                : new PromotionTreatment.Unmapped($"promotion code '{line.Promotion?.Code}' has no rule yet");
    }
}
