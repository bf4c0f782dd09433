using Connectors.Core.Orders;
using Connectors.Sync.Mapping;
using Connectors.Sync.Orders;
using NodaTime;
using Client = Connectors.Shopware.Models;

namespace Connectors.Sync.Engine.Tests.Mapping;

/// <summary>Rounding, payments and shipping rates on their way from Shopware into the draft, and from the draft to Sitoo.</summary>
public sealed class OrderMoneyMappingTests
{
    private static readonly ShopwareOrderContext Euro = new("EUR");

    private static Client.ShopwareOrder RecordedOrder() =>
        MappingFixtures.Shopware<Client.ShopwareOrder>("app-payment-pay-with-order.json", "order");

    [Fact]
    public void The_recorded_order_brings_its_rounding_raw_total_and_the_transaction_it_was_paid_with()
    {
        var snapshot = ShopwareOrderMapper.ToSnapshot(RecordedOrder(), Euro);

        Assert.Equal((new CashRounding(2, 0.01m), new CashRounding(2, 0.01m)), (snapshot.ItemRounding, snapshot.TotalRounding));
        Assert.Equal(395.01m, snapshot.RawTotal);

        // The recording predates primaryOrderTransactionId and technicalName: its only transaction, by name.
        Assert.Equal(new ShopwareOrderPayment("55e858b413b54f8a97c64a040610b359") { MethodName = "Payment Sync" }, snapshot.Payment);
    }

    [Fact]
    public void The_primary_transaction_wins_over_a_newer_one_and_without_it_the_newest_is_taken()
    {
        var placed = DateTimeOffset.Parse("2026-05-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Client.ShopwareOrderTransaction Transaction(string id, int minutes, string method) => new()
        {
            Id = id,
            CreatedAt = NodaTime.Instant.FromDateTimeOffset(placed.AddMinutes(minutes)),
            PaymentMethod = new Client.ShopwarePaymentMethod { Name = method, TechnicalName = "payment_" + method.ToLowerInvariant() },
        };
        var order = RecordedOrder() with { Transactions = [Transaction("first", 0, "Card"), Transaction("retry", 5, "Swish")], PrimaryOrderTransactionId = "first" };

        var primary = ShopwareOrderMapper.ToSnapshot(order, Euro).Payment;
        var newest = ShopwareOrderMapper.ToSnapshot(order with { PrimaryOrderTransactionId = null }, Euro).Payment;

        Assert.Equal(("first", "Card", "payment_card"), (primary?.TransactionId, primary?.MethodName, primary?.MethodTechnicalName));
        Assert.Equal(("retry", "Swish", "payment_swish"), (newest?.TransactionId, newest?.MethodName, newest?.MethodTechnicalName));
    }

    [Fact]
    public void An_absent_raw_total_is_not_read_as_zero()
    {
        var order = RecordedOrder();

        var snapshot = ShopwareOrderMapper.ToSnapshot(order with { Price = order.Price! with { RawTotal = 0m } }, Euro);

        Assert.Null(snapshot.RawTotal);
        Assert.Equal(0m, snapshot.AmountTotal - (snapshot.RawTotal ?? snapshot.AmountTotal));
    }

    [Fact]
    public void Shipping_at_two_rates_becomes_two_shipping_rows_each_with_its_own_rate()
    {
        var draft = new SitooOrderDraft(
            "10042",
            Instant.FromUtc(2026, 5, 4, 10, 0),
            "SEK",
            "anna@example.com",
            [new SitooOrderItemDraft("SKU-A", "Shirt", 1, 100m, 0m, 25m, SitooOrderItemKind.Product, "l1")],
            new SitooDeliveryMoney([new SitooDeliveryPart(25m, 39.20m, 7.84m), new SitooDeliveryPart(12m, 9.80m, 1.05m)]));

        var order = SitooOrderWriteMapper.ToNewOrder(draft, new SitooOrderWriteContext { ShippingProduct = new SitooShippingProduct("SHIP", "Shipping") });

        var shipping = order.OrderItems!.Where(item => item.Sku == "SHIP").Select(item => (item.MoneyRowPrice, item.VatValue)).ToList();
        Assert.Equal([(39.20m, 25m), (9.80m, 12m)], shipping);
    }

    [Fact]
    public void The_payment_is_written_with_its_method_transaction_and_order()
    {
        var payment = new SitooPaymentDraft("Klarna", 199.00m, "7a7a")
        {
            AdditionalData = new Dictionary<string, string> { ["payment-method"] = "payment_klarna", ["shopware-orderid"] = "0a1b" },
        };
        var draft = new SitooOrderDraft(
            "10042",
            Instant.FromUtc(2026, 5, 4, 10, 0),
            "SEK",
            "anna@example.com",
            [new SitooOrderItemDraft("SKU-A", "Shirt", 2, 198.80m, 0m, 25m, SitooOrderItemKind.Product, "l1")],
            SitooDeliveryMoney.None)
        {
            RoundOff = 0.20m,
            Payments = [payment],
        };

        var written = Assert.Single(SitooOrderWriteMapper.ToNewOrder(draft, new SitooOrderWriteContext()).Payments!);

        Assert.Equal(("Klarna", 199.00m, "7a7a"), (written.Name, written.MoneyAmount, written.ExternalId));
        Assert.Equal(payment.AdditionalData, written.AdditionalData);
    }

    [Fact]
    public void An_archived_export_keeps_rounding_precision_payments_shipping_rates_and_discount_shares()
    {
        var order = ShopwareOrderMapper.ToSnapshot(RecordedOrder(), Euro) with
        {
            CurrencyIsoCode = "SEK",
            ItemRounding = new CashRounding(2, 0.01m),
            TotalRounding = new CashRounding(2, 1.00m),
            RawTotal = 394.80m,
            AmountTotal = 395.00m,
            Payment = new ShopwareOrderPayment("55e858b413b54f8a97c64a040610b359") { MethodName = "Klarna", MethodTechnicalName = "payment_klarna" },
        };
        var draft = new SitooOrderDraft(
            "10077",
            Instant.FromUtc(2023, 5, 4, 13, 36),
            "SEK",
            "test@example.com",
            [
                new SitooOrderItemDraft("SKU-A", "Shirt", 2, 300.00m, 10.00m, 25m, SitooOrderItemKind.Product, "l1"),
                new SitooOrderItemDraft("DISCOUNT-01", "Spring", 1, -40.00m, 0m, 25m, SitooOrderItemKind.Discount, "p1"),
            ],
            new SitooDeliveryMoney([new SitooDeliveryPart(25m, 39.20m, 7.84m), new SitooDeliveryPart(12m, 9.80m, 1.05m)]))
        {
            Precision = new CurrencyPrecision(0),
            RoundOff = 0.20m,
            Payments = [new SitooPaymentDraft("Klarna", 395.00m, "55e8") { AdditionalData = new Dictionary<string, string> { ["payment-method"] = "payment_klarna" } }],
            DiscountRowShares = new Dictionary<string, decimal> { ["l1"] = 40.00m },
            AdditionalData = new Dictionary<string, string> { ["weborder"] = "true" },
        };

        var restored = ExportArchive.Deserialize(ExportArchive.Serialize(new Core.Returns.ExportedOrder(order, draft, 1042)));

        Assert.Equal(1042, restored.SitooOrderId);
        Assert.Equal((order.ItemRounding, order.TotalRounding, order.RawTotal, order.AmountTotal, order.Payment), (restored.Order.ItemRounding, restored.Order.TotalRounding, restored.Order.RawTotal, restored.Order.AmountTotal, restored.Order.Payment));
        Assert.Equal(order.LineItems.Select(line => (line.Id, line.Price.TotalPrice)), restored.Order.LineItems.Select(line => (line.Id, line.Price.TotalPrice)));
        Assert.Equal(draft.Items, restored.Draft.Items);
        Assert.Equal(draft.Delivery.Parts, restored.Draft.Delivery.Parts);
        Assert.Equal((0, 0.20m, draft.TotalGross), (restored.Draft.Precision.MinorUnitDigits, restored.Draft.RoundOff, restored.Draft.TotalGross));
        var payment = Assert.Single(restored.Draft.Payments);
        Assert.Equal((draft.Payments[0].Name, draft.Payments[0].Amount, draft.Payments[0].ExternalId), (payment.Name, payment.Amount, payment.ExternalId));
        Assert.Equal(draft.Payments[0].AdditionalData, payment.AdditionalData);
        Assert.Equal(draft.DiscountRowShares, restored.Draft.DiscountRowShares);
        Assert.Equal(draft.AdditionalData, restored.Draft.AdditionalData);
    }
}
