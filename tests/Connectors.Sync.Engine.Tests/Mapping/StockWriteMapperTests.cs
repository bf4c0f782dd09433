using Connectors.Core.Inventory;
using Connectors.Core.Reconciliation;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.Mapping;

namespace Connectors.Sync.Engine.Tests.Mapping;

public sealed class StockWriteMapperTests
{
    private static readonly Dictionary<string, string> NoIds = [];
    private static readonly Dictionary<string, int> NoStock = [];

    [Fact]
    public void Absolute_writes_address_unknown_products_through_the_number_resolver()
    {
        var operation = StockWriteMapper.ToSyncOperation("stock", [StockWrite.Absolute("SW-1", 12)], NoIds, NoStock);

        Assert.Equal("product", operation.Entity);
        Assert.Equal(ShopwareSyncAction.Upsert, operation.Action);
        Assert.True(operation.IsIdempotent);
        var row = Assert.Single(operation.Payload);
        Assert.Equal("product.number", (string?)row["id"]!["resolver"]);
        Assert.Equal("SW-1", (string?)row["id"]!["value"]);
        Assert.Equal(12, (int?)row["stock"]);
        Assert.Null(row["isCloseout"]);
    }

    [Fact]
    public void Known_product_ids_are_used_as_they_are()
    {
        var ids = new Dictionary<string, string> { ["SW-1"] = "0190aa5bd1d47b63a1a0e8b0c2d3e4f5" };

        var row = Assert.Single(StockWriteMapper.ToSyncOperation("stock", [StockWrite.Absolute("SW-1", 3)], ids, NoStock).Payload);

        Assert.Equal("0190aa5bd1d47b63a1a0e8b0c2d3e4f5", (string?)row["id"]);
    }

    [Fact]
    public void A_delta_is_applied_to_the_stock_read_just_before()
    {
        var current = new Dictionary<string, int> { ["SW-2"] = 10 };

        var row = Assert.Single(StockWriteMapper.ToSyncOperation("stock", [StockWrite.Delta("SW-2", -4, 6)], NoIds, current).Payload);

        Assert.Equal(6, (int?)row["stock"]);
    }

    [Fact]
    public void A_closeout_only_write_leaves_the_stock_alone()
    {
        var row = Assert.Single(StockWriteMapper.ToSyncOperation("stock", [StockWrite.CloseoutOnly("SW-3")], NoIds, NoStock).Payload);

        Assert.Null(row["stock"]);
        Assert.True((bool?)row["isCloseout"]);
    }

    [Fact]
    public void A_forced_closeout_rides_along_with_the_stock()
    {
        var write = StockWrite.Absolute("SW-4", 0) with { SetCloseout = true };

        var row = Assert.Single(StockWriteMapper.ToSyncOperation("stock", [write], NoIds, NoStock).Payload);

        Assert.Equal(0, (int?)row["stock"]);
        Assert.True((bool?)row["isCloseout"]);
    }

    [Fact]
    public void A_delta_without_current_stock_or_a_repeated_sku_is_refused()
    {
        var noCurrent = Assert.Throws<MappingException>(() =>
            StockWriteMapper.ToSyncOperation("stock", [StockWrite.Delta("SW-5", 2, 2)], NoIds, NoStock));
        var twice = Assert.Throws<MappingException>(() =>
            StockWriteMapper.ToSyncOperation("stock", [StockWrite.Absolute("SW-6", 1), StockWrite.Absolute("SW-6", 2)], NoIds, NoStock));

        Assert.Equal("stock", noCurrent.Field);
        Assert.Equal("sku", twice.Field);
        Assert.Equal("SW-6", twice.Value);
    }

    [Fact]
    public void Product_stock_fields_are_keyed_by_product_number()
    {
        var product = new ShopwareProduct { Id = "a1", ProductNumber = "SW-7", Stock = 4, IsCloseout = true, Active = false };

        var entry = ShopwareProductStockMapper.ToStock(product);

        Assert.Equal("SW-7", entry.Key);
        Assert.Equal(new ShopwareProductStock(4, true, false), entry.Value);
    }

    [Fact]
    public void A_product_read_without_inheritance_is_refused_rather_than_guessed()
    {
        var product = new ShopwareProduct { Id = "a1", ProductNumber = "SW-8", Stock = 4, Active = true };

        var error = Assert.Throws<MappingException>(() => ShopwareProductStockMapper.ToStock(product));

        Assert.Equal("isCloseout", error.Field);
        Assert.Contains("SW-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_without_number_or_stock_is_refused()
    {
        Assert.Equal("productNumber", Assert.Throws<MappingException>(() =>
            ShopwareProductStockMapper.ToStock(new ShopwareProduct { Id = "a1", Stock = 1, IsCloseout = false, Active = true })).Field);
        Assert.Equal("stock", Assert.Throws<MappingException>(() =>
            ShopwareProductStockMapper.ToStock(new ShopwareProduct { Id = "a1", ProductNumber = "X", IsCloseout = false, Active = true })).Field);
    }
}
