using System.Globalization;
using Connectors.Core.Customers;
using Connectors.Core.Orders;
using Connectors.Sitoo.Models;
using NodaTime;

namespace Connectors.Sync.Mapping;

/// <summary>A non-inventoried Sitoo product that carries an order's shipping as an order item.</summary>
/// <param name="Sku">Its SKU.</param>
/// <param name="Name">The name shown on the order.</param>
internal sealed record SitooShippingProduct(string Sku, string Name);

/// <summary>What the engine resolved for an order beside the Core's draft.</summary>
internal sealed record SitooOrderWriteContext
{
    /// <summary>The Sitoo user the customer was matched to or created as; its stored e-mail and names win.</summary>
    public SitooUserRecord? Customer { get; init; }

    /// <summary>The store warehouse that serves the order, when the draft has none.</summary>
    public int? WarehouseId { get; init; }

    /// <summary>Until when Sitoo keeps the stock reserved (<c>datereserved</c>); needs a warehouse.</summary>
    public Instant? ReservedUntil { get; init; }

    /// <summary>
    /// Carries shipping. Sitoo's order write has no delivery money fields (they are read-only), so an order that
    /// charges shipping needs one; without it such an order is refused rather than written short.
    /// </summary>
    public SitooShippingProduct? ShippingProduct { get; init; }
}

/// <summary>The Core's <see cref="SitooOrderDraft"/> as the Sitoo client's <see cref="SitooNewOrder"/>.</summary>
internal static class SitooOrderWriteMapper
{
    /// <summary>The <c>additionaldata</c> key of an item that holds its Shopware line item id.</summary>
    public const string WebItemIdKey = "web-itemid";

    /// <summary>Translates the draft; gross money is kept to the cent, never rounded.</summary>
    /// <exception cref="MappingException">A quantity is not whole, an amount has more than two decimals, the warehouse
    /// ids disagree, or shipping is charged without a <see cref="SitooOrderWriteContext.ShippingProduct"/>.</exception>
    public static SitooNewOrder ToNewOrder(SitooOrderDraft draft, SitooOrderWriteContext context)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        var entity = $"Sitoo order draft {draft.ExternalId}";
        var warehouseId = Warehouse(entity, draft, context);
        if (context.ReservedUntil is not null && warehouseId is null)
        {
            throw new MappingException(entity, "datereserved", context.ReservedUntil, "a reservation needs the warehouse it holds stock in");
        }

        var items = draft.Items.Select((item, index) => Item(entity, index, item)).ToList();
        items.AddRange(Shipping(entity, draft.Delivery, context.ShippingProduct));

        return new SitooNewOrder
        {
            OrderType = new SitooOrderType(draft.OrderTypeId),
            ExternalId = draft.ExternalId,
            OrderDate = draft.OrderDate,
            CurrencyCode = draft.CurrencyCode,
            Email = context.Customer?.Email ?? draft.Email,
            NameFirst = draft.NameFirst ?? context.Customer?.NameFirst,
            NameLast = draft.NameLast ?? context.Customer?.NameLast,
            Company = draft.Company,
            Phone = draft.Phone,
            PaymentState = new SitooPaymentState(draft.PaymentStateId),
            WarehouseId = warehouseId,
            DateReserved = context.ReservedUntil,
            InvoiceAddress = draft.InvoiceAddress?.Address,
            InvoiceAddress2 = draft.InvoiceAddress?.Address2,
            InvoiceZip = draft.InvoiceAddress?.Zip,
            InvoiceCity = draft.InvoiceAddress?.City,
            InvoiceCountryId = draft.InvoiceAddress?.CountryId,
            DeliveryAddress = draft.DeliveryAddress?.Address,
            DeliveryAddress2 = draft.DeliveryAddress?.Address2,
            DeliveryZip = draft.DeliveryAddress?.Zip,
            DeliveryCity = draft.DeliveryAddress?.City,
            DeliveryCountryId = draft.DeliveryAddress?.CountryId,
            Comment = draft.Comment,
            AdditionalData = draft.AdditionalData.Count == 0 ? null : new Dictionary<string, string>(draft.AdditionalData, StringComparer.Ordinal),
            OrderItems = items,
            Payments = draft.Payments.Count == 0 ? null : [.. draft.Payments.Select((payment, index) => Payment(entity, index, payment))],
        };
    }

    private static int? Warehouse(string entity, SitooOrderDraft draft, SitooOrderWriteContext context)
    {
        if (draft.WarehouseId is not { } fromDraft)
        {
            return context.WarehouseId;
        }

        if (fromDraft is < int.MinValue or > int.MaxValue)
        {
            throw new MappingException(entity, "warehouseid", fromDraft, "Sitoo warehouse ids are 32-bit");
        }

        if (context.WarehouseId is { } resolved && resolved != fromDraft)
        {
            throw new MappingException(entity, "warehouseid", fromDraft, string.Create(CultureInfo.InvariantCulture, $"the engine resolved warehouse {resolved}"));
        }

        return (int)fromDraft;
    }

    private static SitooNewOrderItem Item(string entity, int index, SitooOrderItemDraft item)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"orderitems[{index}]");
        if (decimal.Truncate(item.Quantity) != item.Quantity || item.Quantity is < int.MinValue or > int.MaxValue)
        {
            throw new MappingException(entity, field + ".quantity", item.Quantity, "Sitoo order quantities are whole numbers");
        }

        return new SitooNewOrderItem
        {
            ProductName = item.ProductName,
            Quantity = (int)item.Quantity,

            // Discount rows too: they are a negative row of a non-inventoried product, since the number of Sitoo's
            // Discount item type is not documented.
            OrderItemType = SitooOrderItemType.Product,
            Sku = item.Sku,
            MoneyRowPrice = Money(entity, field + ".moneyrowprice", item.MoneyRowPrice),
            MoneyRowDiscount = item.MoneyRowDiscount == 0m ? null : Money(entity, field + ".moneyrowdiscount", item.MoneyRowDiscount),
            VatValue = item.VatValue,
            AdditionalData = new Dictionary<string, string>(StringComparer.Ordinal) { [WebItemIdKey] = item.SourceLineId },
        };
    }

    /// <summary>One shipping row per VAT rate, each with the rate Shopware taxed it at.</summary>
    private static IEnumerable<SitooNewOrderItem> Shipping(string entity, SitooDeliveryMoney delivery, SitooShippingProduct? product)
    {
        var parts = delivery.Parts.Where(part => part.Gross != 0m).ToList();
        if (parts.Count == 0)
        {
            return [];
        }

        if (product is null)
        {
            throw new MappingException(entity, "moneytotal_gross_delivery", delivery.TotalGross, "Sitoo cannot take shipping money on an order write; configure a shipping product");
        }

        return parts.Select(part => new SitooNewOrderItem
        {
            ProductName = product.Name,
            Quantity = 1,
            OrderItemType = SitooOrderItemType.Product,
            Sku = product.Sku,
            MoneyRowPrice = Money(entity, "moneytotal_gross_delivery", part.Gross),
            VatValue = part.VatRate,
        });
    }

    private static SitooNewOrderPayment Payment(string entity, int index, SitooPaymentDraft payment) => new()
    {
        Name = payment.Name,
        MoneyAmount = Money(entity, string.Create(CultureInfo.InvariantCulture, $"payments[{index}].moneyamount"), payment.Amount),
        ExternalId = payment.ExternalId,
        AdditionalData = payment.AdditionalData.Count == 0 ? null : new Dictionary<string, string>(payment.AdditionalData, StringComparer.Ordinal),
    };

    private static decimal Money(string entity, string field, decimal amount) =>
        CurrencyPrecision.Cents.Round(amount) == amount
            ? amount
            : throw new MappingException(entity, field, amount, "Sitoo money has two decimals; the draft must be rounded before it is written");
}
