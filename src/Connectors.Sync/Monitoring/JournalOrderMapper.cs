using System.Globalization;
using Connectors.Core.Finance;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;

namespace Connectors.Sync.Monitoring;

/// <summary>Sitoo orders as the finance journal books them (field by field as <see cref="JournalOrder"/> documents).</summary>
internal static class JournalOrderMapper
{
    private const string StoreExternalIdKey = "store-externalid";
    private const string OriginalOrderKey = "pos-originalsales-orderid";

    /// <summary>
    /// The store an order belongs to: the store's <c>externalid</c> its receipt carries, else for a POS order the
    /// warehouse it sold from; an online order without a store belongs to the online channel (<see langword="null"/>).
    /// </summary>
    public static string? StoreIdOf(SitooOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.AdditionalData?.TryGetValue(StoreExternalIdKey, out var externalId) == true && !string.IsNullOrEmpty(externalId))
        {
            return externalId;
        }

        return order.RegisterId is not null && order.WarehouseId is { } warehouseId
            ? warehouseId.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <exception cref="MappingException">No order date, no currency, or a line without quantity or amounts.</exception>
    public static JournalOrder ToJournalOrder(SitooOrder order, IReadOnlySet<string>? shippingSkus = null, bool returnsWebOrder = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        var entity = string.Create(CultureInfo.InvariantCulture, $"Sitoo order {order.OrderId}");
        var placedAt = order.OrderDate ?? throw new MappingException(entity, "orderdate", null, "the journal books an order on its own date");
        var currency = string.IsNullOrEmpty(order.CurrencyCode)
            ? throw new MappingException(entity, "currencycode", order.CurrencyCode, "amounts without a currency cannot be summed")
            : order.CurrencyCode;
        var items = order.OrderItems ?? [];
        bool IsShipping(SitooOrderItem item) => shippingSkus is not null && item.Sku is { } sku && shippingSkus.Contains(sku);
        var lines = items.Where(item => !IsShipping(item)).Select(item => ToLine(entity, item)).ToList();

        // Exported orders carry shipping as rows of the shipping product, one per VAT rate: booked as shipping at their own rate.
        var shipping = items.Where(IsShipping)
            .Select(item => ToLine(entity, item))
            .Select(line => new JournalCharge(line.GrossAmount, line.VatAmount) { VatRate = line.VatRate })
            .ToList();
        if (Charge(order.MoneyTotalGrossDelivery, order.MoneyDeliveryVat) is { } delivery)
        {
            shipping.Add(delivery);
        }

        var original = order.CreditOrderId?.ToString(CultureInfo.InvariantCulture)
            ?? (order.AdditionalData?.TryGetValue(OriginalOrderKey, out var id) == true && !string.IsNullOrEmpty(id) ? id : null);

        // A store return of an online order reverses online turnover: booked on the online channel, in the store's column.
        var channel = order.RegisterId is null || returnsWebOrder ? JournalChannel.Online : JournalChannel.Pos;
        return new JournalOrder(order.OrderId.ToString(CultureInfo.InvariantCulture), StoreIdOf(order), channel, placedAt, currency, lines)
        {
            OriginalOrderId = original,
            ShippingCharges = shipping,
            PaymentFee = Charge(order.MoneyTotalGrossCheckout, order.MoneyCheckoutVat),
            RoundOff = order.MoneyTotalGrossRoundoff ?? 0m,
        };
    }

    private static JournalLine ToLine(string entity, SitooOrderItem item)
    {
        var units = item.Quantity ?? throw new MappingException(entity, "quantity", null, "a line without quantity cannot be told sale from return");

        // Decimal products (e.g. 2.5 m) sell one unit of a decimal amount; the signed quantity tells sale from return.
        var quantity = item.DecimalQuantityTotal is { } total ? Math.Sign(units) * Math.Abs(total) : units;
        var net = item.MoneyItemTotalNet ?? throw new MappingException(entity, "moneyitemtotal_net", null, "request the field");
        var vat = item.MoneyItemTotalVat ?? throw new MappingException(entity, "moneyitemtotal_vat", null, "request the field");
        return JournalLine.FromNet(quantity, net, vat, item.VatValue ?? 0m, item.MoneyDiscount ?? 0m);
    }

    private static JournalCharge? Charge(decimal? gross, decimal? vat) =>
        gross is { } amount && amount != 0m ? new JournalCharge(amount, vat ?? 0m) : null;
}
