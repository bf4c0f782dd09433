using Connectors.Core.Finance;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;
using Connectors.Sync.Monitoring;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Monitoring;

public sealed class JournalOrderMapperTests
{
    private static readonly Instant SoldAt = Instant.FromUtc(2026, 11, 26, 23, 30);

    [Fact]
    public void A_pos_receipt_belongs_to_the_store_its_receipt_names_else_to_the_warehouse_it_sold_from()
    {
        var named = Receipt();
        var withExternalId = new SitooOrder
        {
            OrderId = 7, RegisterId = "{R}", WarehouseId = 3, OrderDate = SoldAt, CurrencyCode = "SEK",
            AdditionalData = new Dictionary<string, string> { ["store-externalid"] = "STO-1" },
        };

        Assert.Equal("STO-1", JournalOrderMapper.ToJournalOrder(withExternalId).StoreId);
        Assert.Equal("3", JournalOrderMapper.ToJournalOrder(named).StoreId);
        Assert.Equal(JournalChannel.Pos, JournalOrderMapper.ToJournalOrder(named).Channel);
    }

    [Fact]
    public void An_online_order_without_a_named_store_belongs_to_the_online_channel()
    {
        var order = new SitooOrder { OrderId = 8, WarehouseId = 3, OrderDate = SoldAt, CurrencyCode = "SEK", ExternalId = "10001" };

        var mapped = JournalOrderMapper.ToJournalOrder(order);

        Assert.Equal((JournalChannel.Online, (string?)null), (mapped.Channel, mapped.StoreId));
    }

    [Fact]
    public void A_return_line_keeps_its_sign_and_points_to_its_original()
    {
        var order = new SitooOrder
        {
            OrderId = 6, RegisterId = "{R}", WarehouseId = 3, OrderDate = SoldAt, CurrencyCode = "SEK",
            OrderItems = [new SitooOrderItem { Quantity = -1, DecimalQuantityTotal = 2.5m, MoneyItemTotalNet = -100m, MoneyItemTotalVat = -25m, VatValue = 25m }],
            AdditionalData = new Dictionary<string, string> { ["pos-originalsales-orderid"] = "5" },
        };

        var mapped = JournalOrderMapper.ToJournalOrder(order);

        var line = Assert.Single(mapped.Lines);
        Assert.Equal((-2.5m, -125m, -25m), (line.Quantity, line.GrossAmount, line.VatAmount));
        Assert.Equal(("5", true), (mapped.OriginalOrderId, mapped.IsReturn));
    }

    [Fact]
    public void An_order_without_a_date_or_currency_is_refused_with_the_field()
    {
        var noDate = new SitooOrder { OrderId = 9, CurrencyCode = "SEK" };
        var noCurrency = new SitooOrder { OrderId = 9, OrderDate = SoldAt };

        Assert.Equal("orderdate", Assert.Throws<MappingException>(() => JournalOrderMapper.ToJournalOrder(noDate)).Field);
        Assert.Equal("currencycode", Assert.Throws<MappingException>(() => JournalOrderMapper.ToJournalOrder(noCurrency)).Field);
    }

    private static SitooOrder Receipt() => new() { OrderId = 6, RegisterId = "{R}", WarehouseId = 3, OrderDate = SoldAt, CurrencyCode = "SEK" };
}
