using Connectors.Core.Inventory;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Mapping;

public sealed class StockMapperTests
{
    [Fact]
    public void Recorded_transactions_become_lines_with_quantity_and_level_after()
    {
        var recorded = MappingFixtures.SitooItems<SitooWarehouseTransaction>("getWarehouseTransactions.response.200.json");

        var mapped = recorded.Select(WarehouseTransactionMapper.ToCore).ToList();

        Assert.Equal(2, mapped.Count);
        var moveIn = mapped[0];
        Assert.Equal(18, moveIn.TransactionId);
        Assert.Equal(1, moveIn.WarehouseId);
        Assert.Equal(WarehouseTransactionType.ManualIn, moveIn.Type);
        Assert.Equal(Instant.FromUnixTimeSeconds(1559046593), moveIn.CreatedAt);
        Assert.Equal([new WarehouseTransactionLine("Q100", 13m, 13m)], moveIn.Lines);
        var stocktaking = mapped[1];
        Assert.Equal(WarehouseTransactionType.Stocktaking, stocktaking.Type);
        Assert.Equal([new WarehouseTransactionLine("10038-1", -1m, 9m)], stocktaking.Lines);
    }

    [Fact]
    public void An_unknown_transaction_type_is_kept_as_its_number()
    {
        var transaction = Transaction(type: 77);

        Assert.Equal(77, (int)WarehouseTransactionMapper.ToCore(transaction).Type);
    }

    [Fact]
    public void A_transaction_without_date_is_refused_naming_the_field()
    {
        var transaction = new SitooWarehouseTransaction { WarehouseTransactionId = 5, Items = [] };

        var error = Assert.Throws<MappingException>(() => WarehouseTransactionMapper.ToCore(transaction));

        Assert.Equal("datecreated", error.Field);
        Assert.Contains("transaction 5", error.Entity, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_without_level_after_is_refused()
    {
        var transaction = Transaction(30, new SitooWarehouseTransactionItem { Sku = "A", DecimalQuantity = -1m });

        var error = Assert.Throws<MappingException>(() => WarehouseTransactionMapper.ToCore(transaction));

        Assert.Equal("items[0].decimaltotal", error.Field);
    }

    [Fact]
    public void An_item_without_sku_is_refused()
    {
        var transaction = Transaction(30, new SitooWarehouseTransactionItem { Sku = " ", DecimalQuantity = -1m, DecimalTotal = 3m });

        var error = Assert.Throws<MappingException>(() => WarehouseTransactionMapper.ToCore(transaction));

        Assert.Equal("items[0].sku", error.Field);
    }

    [Fact]
    public void Recorded_warehouse_items_become_stock_rows_of_the_warehouse_read()
    {
        var recorded = MappingFixtures.SitooItems<SitooWarehouseItem>("getWarehouseItems.response.200.json");

        var rows = recorded.Select(item => WarehouseStockMapper.ToStockRow(item, 3)).ToList();

        Assert.Equal(
            [new SitooStockRow("10038-3", new WarehouseStock(3, 5m, 0m, 5m)), new SitooStockRow("10038-4", new WarehouseStock(3, 5m, 0m, 5m))],
            rows);
    }

    [Fact]
    public void Missing_reserved_and_available_follow_total_minus_reserved()
    {
        var row = WarehouseStockMapper.ToStockRow(new SitooWarehouseItem { Sku = "A", DecimalTotal = 7m, DecimalReserved = 2m }, 1);
        var bare = WarehouseStockMapper.ToStockRow(new SitooWarehouseItem { Sku = "B", DecimalTotal = 4m }, 1);

        Assert.Equal(new WarehouseStock(1, 7m, 2m, 5m), row.Level);
        Assert.Equal(new WarehouseStock(1, 4m, 0m, 4m), bare.Level);
    }

    [Fact]
    public void An_item_of_another_warehouse_or_without_total_is_refused()
    {
        var foreign = Assert.Throws<MappingException>(() =>
            WarehouseStockMapper.ToStockRow(new SitooWarehouseItem { Sku = "A", WarehouseId = 9, DecimalTotal = 1m }, 1));
        var noTotal = Assert.Throws<MappingException>(() =>
            WarehouseStockMapper.ToStockRow(new SitooWarehouseItem { Sku = "A" }, 1));

        Assert.Equal("warehouseid", foreign.Field);
        Assert.Equal("9", foreign.Value);
        Assert.Equal("decimaltotal", noTotal.Field);
    }

    private static SitooWarehouseTransaction Transaction(int type, params SitooWarehouseTransactionItem[] items) => new()
    {
        WarehouseTransactionId = 40,
        WarehouseId = 2,
        DateCreated = Instant.FromUnixTimeSeconds(1_700_000_000),
        TransactionType = new SitooTransactionType(type),
        Items = items,
    };
}
