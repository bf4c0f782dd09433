using Connectors.Core.Inventory;

namespace Connectors.Core.Tests.Inventory;

public class StockTopologyTests
{
    [Fact]
    public void Without_Shopware_location_the_mode_is_projection()
    {
        Assert.Equal(StockMode.Projection, StockTestData.Stores().Mode);
    }

    [Fact]
    public void With_Shopware_own_stock_the_mode_is_contribution()
    {
        Assert.Equal(StockMode.Contribution, StockTestData.Stores(StockLocation.ShopwareStock()).Mode);
    }

    [Fact]
    public void A_virtual_mirror_of_Shopware_stock_does_not_change_the_mode_and_does_not_contribute()
    {
        var topology = StockTestData.Stores(
            StockLocation.SitooWarehouse(9, contributesOnline: false, owner: StockOwner.Shopware));

        Assert.Equal(StockMode.Projection, topology.Mode);
        Assert.False(topology.Contributes(9));
        Assert.True(topology.Contributes(1));
        Assert.False(topology.Contributes(3));
        Assert.False(topology.Contributes(42));
    }

    [Fact]
    public void Large_warehouse_ids_are_found_as_well()
    {
        var topology = StockTopology.Create(
            [StockLocation.SitooWarehouse(2, true), StockLocation.SitooWarehouse(5_000_000, true, safetyBuffer: 3m)]);

        Assert.True(topology.TryGetWarehouse(5_000_000, out var location));
        Assert.Equal(3m, location.SafetyBuffer);
        Assert.True(topology.Contributes(5_000_000));
        Assert.False(topology.TryGetWarehouse(4_999_999, out _));
        Assert.False(topology.TryGetWarehouse(-1, out _));
    }

    [Fact]
    public void A_mirror_cannot_contribute()
    {
        Assert.Throws<ArgumentException>(() =>
            StockLocation.SitooWarehouse(9, contributesOnline: true, owner: StockOwner.Shopware));
    }

    [Fact]
    public void A_negative_buffer_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StockLocation.SitooWarehouse(1, true, safetyBuffer: -1m));
    }

    [Fact]
    public void A_location_may_appear_only_once()
    {
        Assert.Throws<ArgumentException>(() => StockTopology.Create(
            [StockLocation.SitooWarehouse(1, true), StockLocation.SitooWarehouse(1, false)]));
    }

    [Fact]
    public void Something_must_contribute()
    {
        Assert.Throws<ArgumentException>(() => StockTopology.Create([StockLocation.SitooWarehouse(1, false)]));
    }

    [Fact]
    public void Sku_mapping_is_identity_except_for_overrides_both_ways()
    {
        var mapping = SkuMapping.WithOverrides([new("SW-1", "S1")]);

        Assert.Equal("S1", mapping.ToSitoo("SW-1"));
        Assert.Equal("SW-1", mapping.ToShopware("S1"));
        Assert.Equal("X", mapping.ToSitoo("X"));
        Assert.Equal("x", mapping.ToShopware("x"));
        Assert.Equal("sw-1", mapping.ToSitoo("sw-1"));
    }

    [Fact]
    public void Sku_mapping_rejects_a_sku_mapped_twice()
    {
        Assert.Throws<ArgumentException>(() => SkuMapping.WithOverrides([new("A", "S"), new("B", "S")]));
    }
}
