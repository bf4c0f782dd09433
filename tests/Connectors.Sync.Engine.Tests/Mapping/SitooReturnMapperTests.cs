using Connectors.Core.Returns;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;

namespace Connectors.Sync.Engine.Tests.Mapping;

public sealed class SitooReturnMapperTests
{
    private static SitooOrder Return(params SitooOrderItem[] items) => new()
    {
        OrderId = 11600,
        CreditOrderId = 11514,
        OrderType = SitooOrderType.Order,
        AdditionalData = new Dictionary<string, string> { ["pos-originalsales-orderid"] = "11514", ["pos-receiptid"] = "R-77" },
        OrderItems = items,
    };

    private static SitooOrderItem Returned(int id, string sku, int quantity, string? originalItem = null, string? reason = null)
    {
        var data = new Dictionary<string, string>();
        if (originalItem is not null)
        {
            data[SitooReturnMapper.OriginalOrderItemKey] = originalItem;
        }

        if (reason is not null)
        {
            data[SitooReturnMapper.ReturnReasonKey] = reason;
        }

        return new SitooOrderItem { OrderItemId = id, OrderItemType = SitooOrderItemType.Product, Sku = sku, Quantity = quantity, AdditionalData = data };
    }

    [Fact]
    public void A_return_keeps_negative_quantities_original_items_and_reasons()
    {
        var snapshot = SitooReturnMapper.ToReturn(Return(Returned(0, "10038-2", -1, "0", "DAMAGED"), Returned(1, "83428-0", -2)));

        Assert.Equal(11600, snapshot.OrderId);
        Assert.Equal(11514, snapshot.CreditOrderId);
        Assert.Equal(11514, snapshot.OriginalOrderId);
        Assert.Equal("R-77", snapshot.AdditionalData["pos-receiptid"]);
        Assert.Equal(
            [
                new SitooReturnItem(0, "10038-2", -1) { OriginalOrderItemId = 0, ReasonCode = "DAMAGED" },
                new SitooReturnItem(1, "83428-0", -2),
            ],
            snapshot.Items);
    }

    [Fact]
    public void A_return_without_creditorderid_still_finds_its_original_through_additionaldata()
    {
        var order = Return(Returned(0, "A", -1));
        var unvalidated = new SitooOrder { OrderId = order.OrderId, AdditionalData = order.AdditionalData, OrderItems = order.OrderItems };

        var snapshot = SitooReturnMapper.ToReturn(unvalidated);

        Assert.Null(snapshot.CreditOrderId);
        Assert.Equal(11514, snapshot.OriginalOrderId);
    }

    [Fact]
    public void Lines_without_goods_are_left_out_but_a_product_line_without_sku_is_refused()
    {
        var discountRow = new SitooOrderItem { OrderItemId = 1, OrderItemType = new SitooOrderItemType(20), Quantity = 1 };
        var productWithoutSku = new SitooOrderItem { OrderItemId = 1, OrderItemType = SitooOrderItemType.Product, Quantity = -1 };

        var snapshot = SitooReturnMapper.ToReturn(Return(Returned(0, "A", -1), discountRow));
        var error = Assert.Throws<MappingException>(() => SitooReturnMapper.ToReturn(Return(Returned(0, "A", -1), productWithoutSku)));

        Assert.Equal("A", Assert.Single(snapshot.Items).Sku);
        Assert.Equal("orderitems[1].sku", error.Field);
        Assert.Equal("Sitoo return order 11600", error.Entity);
    }

    [Fact]
    public void Missing_ids_quantities_and_unreadable_original_items_are_refused()
    {
        var noId = new SitooOrderItem { Sku = "A", Quantity = -1 };
        var noQuantity = new SitooOrderItem { OrderItemId = 0, Sku = "A" };

        Assert.Equal("orderitems[0].orderitemid", Assert.Throws<MappingException>(() => SitooReturnMapper.ToReturn(Return(noId))).Field);
        Assert.Equal("orderitems[0].quantity", Assert.Throws<MappingException>(() => SitooReturnMapper.ToReturn(Return(noQuantity))).Field);
        var badOriginal = Assert.Throws<MappingException>(() => SitooReturnMapper.ToReturn(Return(Returned(0, "A", -1, "first"))));
        Assert.Equal("first", badOriginal.Value);
        Assert.Contains("pos-originalsales-orderitemid", badOriginal.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recorded_order_is_an_original_without_shopware_number()
    {
        var recorded = MappingFixtures.SitooObject<SitooOrder>("getOrder.response.200.json");

        Assert.Equal(new SitooOriginalOrder(11514, null), SitooReturnMapper.ToOriginalOrder(recorded));
    }

    [Fact]
    public void An_exported_order_names_its_shopware_number()
    {
        var exported = new SitooOrder { OrderId = 12001, ExternalId = "10077" };

        Assert.Equal(new SitooOriginalOrder(12001, "10077"), SitooReturnMapper.ToOriginalOrder(exported));
    }

    [Fact]
    public void The_recorded_sale_reads_as_positive_lines()
    {
        var recorded = MappingFixtures.SitooObject<SitooOrder>("getOrder.response.200.json");

        var snapshot = SitooReturnMapper.ToReturn(recorded);

        Assert.Null(snapshot.OriginalOrderId);
        Assert.Equal(["10038-2", "83428-0", "83537-0"], snapshot.Items.Select(item => item.Sku));
        Assert.All(snapshot.Items, item => Assert.True(item.Quantity > 0));
    }
}
