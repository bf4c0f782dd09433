using Connectors.Core.Customers;
using Connectors.Core.Orders;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Mapping;

public sealed class SitooOrderWriteMapperTests
{
    private static readonly Instant PlacedAt = Instant.FromUtc(2026, 11, 20, 9, 30);

    private static SitooOrderDraft Draft(SitooDeliveryMoney? delivery = null, params SitooOrderItemDraft[] items) =>
        new("10042", PlacedAt, "SEK", "anna@example.com", items, delivery ?? SitooDeliveryMoney.None);

    private static SitooOrderItemDraft Shirt(decimal quantity = 2m, decimal price = 798m, decimal discount = 79.8m) =>
        new("14785-5", "Shirt blue", quantity, price, discount, 25m, SitooOrderItemKind.Product, "line-1");

    [Fact]
    public void The_draft_becomes_an_order_with_external_id_money_and_customer()
    {
        var draft = Draft(null, Shirt()) with
        {
            NameFirst = "Anna",
            Phone = "+46701234567",
            InvoiceAddress = new SitooAddress("Storgatan 1", "11122", "Stockholm", "se") { Address2 = "c/o B" },
            AdditionalData = new Dictionary<string, string> { ["sitoo-userid"] = "{U1}" },
        };
        var user = new SitooUserRecord("{U1}", "Anna@Example.com") { NameLast = "Berg" };

        var order = SitooOrderWriteMapper.ToNewOrder(draft, new SitooOrderWriteContext { Customer = user });

        Assert.Equal(SitooOrderType.Order, order.OrderType);
        Assert.Equal("10042", order.ExternalId);
        Assert.Equal(PlacedAt, order.OrderDate);
        Assert.Equal("SEK", order.CurrencyCode);
        Assert.Equal(SitooPaymentState.Successful, order.PaymentState);
        Assert.Equal("Anna@Example.com", order.Email);
        Assert.Equal("Anna", order.NameFirst);
        Assert.Equal("Berg", order.NameLast);
        Assert.Equal("+46701234567", order.Phone);
        Assert.Equal(("Storgatan 1", "c/o B", "11122", "Stockholm", "se"), (order.InvoiceAddress, order.InvoiceAddress2, order.InvoiceZip, order.InvoiceCity, order.InvoiceCountryId));
        Assert.Null(order.DeliveryAddress);
        Assert.Equal("{U1}", order.AdditionalData!["sitoo-userid"]);
        var item = Assert.Single(order.OrderItems!);
        Assert.Equal(("14785-5", "Shirt blue", 2, 798m, 79.8m, 25m), (item.Sku, item.ProductName, item.Quantity, item.MoneyRowPrice, item.MoneyRowDiscount, item.VatValue));
        Assert.Equal("line-1", item.AdditionalData![SitooOrderWriteMapper.WebItemIdKey]);
    }

    [Fact]
    public void The_warehouse_and_reservation_come_from_the_draft_or_the_context()
    {
        var until = PlacedAt + Duration.FromDays(3);

        var fromContext = SitooOrderWriteMapper.ToNewOrder(Draft(null, Shirt()), new SitooOrderWriteContext { WarehouseId = 43, ReservedUntil = until });
        var fromDraft = SitooOrderWriteMapper.ToNewOrder(Draft(null, Shirt()) with { WarehouseId = 7 }, new SitooOrderWriteContext());

        Assert.Equal((43, until), (fromContext.WarehouseId, fromContext.DateReserved));
        Assert.Equal(7, fromDraft.WarehouseId);
        Assert.Null(fromDraft.DateReserved);
    }

    [Fact]
    public void Shipping_becomes_an_item_of_the_configured_shipping_product()
    {
        var draft = Draft(new SitooDeliveryMoney([new SitooDeliveryPart(25m, 49m, 9.8m)]), Shirt());

        var order = SitooOrderWriteMapper.ToNewOrder(draft, new SitooOrderWriteContext { ShippingProduct = new SitooShippingProduct("SHIP", "Shipping") });

        var shipping = order.OrderItems![^1];
        Assert.Equal(("SHIP", 1, 49m, 25m), (shipping.Sku, shipping.Quantity, shipping.MoneyRowPrice, shipping.VatValue));
    }

    [Fact]
    public void Shipping_without_a_shipping_product_is_refused_rather_than_dropped()
    {
        var draft = Draft(new SitooDeliveryMoney([new SitooDeliveryPart(25m, 49m, 9.8m)]), Shirt());

        var error = Assert.Throws<MappingException>(() => SitooOrderWriteMapper.ToNewOrder(draft, new SitooOrderWriteContext()));

        Assert.Equal("moneytotal_gross_delivery", error.Field);
        Assert.Equal("49", error.Value);
        Assert.Equal("Sitoo order draft 10042", error.Entity);
    }

    [Fact]
    public void A_fractional_quantity_or_sub_cent_money_is_refused()
    {
        var quantity = Assert.Throws<MappingException>(() => SitooOrderWriteMapper.ToNewOrder(Draft(null, Shirt(quantity: 1.5m)), new SitooOrderWriteContext()));
        var money = Assert.Throws<MappingException>(() => SitooOrderWriteMapper.ToNewOrder(Draft(null, Shirt(discount: 0.125m)), new SitooOrderWriteContext()));

        Assert.Equal("orderitems[0].quantity", quantity.Field);
        Assert.Equal("orderitems[0].moneyrowdiscount", money.Field);
        Assert.Equal("0.125", money.Value);
    }

    [Fact]
    public void Disagreeing_warehouses_and_a_reservation_without_warehouse_are_refused()
    {
        var conflict = Assert.Throws<MappingException>(() =>
            SitooOrderWriteMapper.ToNewOrder(Draft(null, Shirt()) with { WarehouseId = 7 }, new SitooOrderWriteContext { WarehouseId = 8 }));
        var reservation = Assert.Throws<MappingException>(() =>
            SitooOrderWriteMapper.ToNewOrder(Draft(null, Shirt()), new SitooOrderWriteContext { ReservedUntil = PlacedAt }));

        Assert.Equal("warehouseid", conflict.Field);
        Assert.Equal("datereserved", reservation.Field);
    }
}

public static class DraftArbitraries
{
    private static readonly Gen<decimal> Cents = Gen.Choose(0, 2_000_000).Select(cents => cents / 100m);

    private static readonly Gen<SitooOrderItemDraft> Item =
        from quantity in Gen.Choose(-3, 20)
        from price in Cents
        from discountShare in Gen.Choose(0, 100)
        from vat in Gen.Elements(0m, 6m, 12m, 25m)
        from kind in Gen.Elements(Enum.GetValues<SitooOrderItemKind>())
        let discount = decimal.Round(price * discountShare / 100m, 2)
        select new SitooOrderItemDraft("SKU", "Item", quantity, price, discount, vat, kind, "line");

    public static Arbitrary<SitooOrderDraft> Draft() => Arb.From(
        from items in Gen.ListOf(Item)
        from gross in Cents
        from vat in Cents
        select new SitooOrderDraft("10042", Instant.FromUnixTimeSeconds(1_700_000_000), "EUR", "a@example.com", [.. items], new SitooDeliveryMoney([new SitooDeliveryPart(25m, gross, Math.Min(vat, gross))])));
}

[Properties(Arbitrary = [typeof(DraftArbitraries)])]
public sealed class SitooOrderWriteMapperProperties
{
    [Property]
    public bool The_gross_money_of_a_draft_survives_the_mapping_to_the_cent(SitooOrderDraft draft)
    {
        var context = new SitooOrderWriteContext { ShippingProduct = new SitooShippingProduct("SHIP", "Shipping") };

        var order = SitooOrderWriteMapper.ToNewOrder(draft, context);

        return order.OrderItems!.Sum(item => item.MoneyRowPrice!.Value - (item.MoneyRowDiscount ?? 0m)) == draft.TotalGross
            && order.OrderItems!.Take(draft.Items.Count).Select(item => item.Quantity).SequenceEqual(draft.Items.Select(item => (int)item.Quantity));
    }
}
