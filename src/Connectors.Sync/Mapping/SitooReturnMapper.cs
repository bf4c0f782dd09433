using System.Globalization;
using Connectors.Core.Returns;
using Connectors.Sitoo.Models;

namespace Connectors.Sync.Mapping;

/// <summary>Sitoo orders as the Core's return inputs: a return (negative quantities, <c>creditorderid</c>) and the order it points to.</summary>
internal static class SitooReturnMapper
{
    /// <summary>The item <c>additionaldata</c> key with the original order's item.</summary>
    public const string OriginalOrderItemKey = "pos-originalsales-orderitemid";

    /// <summary>The item <c>additionaldata</c> key with the return reason code.</summary>
    public const string ReturnReasonKey = "reasoncode-return";

    /// <summary>
    /// Translates a return. Items without a SKU that are not product lines (e.g. discount rows) carry no goods and are
    /// left out; a product line without SKU is an error.
    /// </summary>
    /// <exception cref="MappingException">An item lacks its id, SKU or quantity, or its original item id is not a number.</exception>
    public static SitooReturnSnapshot ToReturn(SitooOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var entity = string.Create(CultureInfo.InvariantCulture, $"Sitoo return order {order.OrderId}");
        var items = new List<SitooReturnItem>();
        var lines = order.OrderItems ?? [];
        for (var index = 0; index < lines.Count; index++)
        {
            if (Item(entity, index, lines[index]) is { } item)
            {
                items.Add(item);
            }
        }

        return new SitooReturnSnapshot(order.OrderId, order.CreditOrderId, items)
        {
            AdditionalData = Copy(order.AdditionalData),
            Payments = [.. (order.Payments ?? []).Select(payment => new SitooReturnPayment(payment.Name ?? string.Empty, payment.MoneyAmount ?? 0m)
            {
                RefType = payment.RefType,
                ExternalId = payment.ExternalId,
                AdditionalData = Copy(payment.AdditionalData),
            })],
        };
    }

    /// <summary>Translates the order a return points to; an empty <c>externalid</c> means none.</summary>
    public static SitooOriginalOrder ToOriginalOrder(SitooOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new SitooOriginalOrder(order.OrderId, string.IsNullOrWhiteSpace(order.ExternalId) ? null : order.ExternalId);
    }

    private static SitooReturnItem? Item(string entity, int index, SitooOrderItem line)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"orderitems[{index}]");
        if (string.IsNullOrWhiteSpace(line.Sku))
        {
            return line.OrderItemType is null || line.OrderItemType == SitooOrderItemType.Product
                ? throw new MappingException(entity, field + ".sku", line.Sku, "a returned product line must name its SKU")
                : null;
        }

        var id = line.OrderItemId
            ?? throw new MappingException(entity, field + ".orderitemid", null, "request it with fields=");
        var quantity = line.Quantity
            ?? throw new MappingException(entity, field + ".quantity", null, "the returned quantity decides the refund");
        var data = line.AdditionalData;
        return new SitooReturnItem(id, line.Sku, quantity)
        {
            OriginalOrderItemId = OriginalItem(entity, field, data),
            ReasonCode = data is not null && data.TryGetValue(ReturnReasonKey, out var reason) && reason.Length > 0 ? reason : null,
        };
    }

    private static long? OriginalItem(string entity, string field, IReadOnlyDictionary<string, string>? data)
    {
        if (data is null || !data.TryGetValue(OriginalOrderItemKey, out var text) || text.Length == 0)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new MappingException(entity, $"{field}.additionaldata[\"{OriginalOrderItemKey}\"]", text, "expected an item index");
    }

    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string>? data) =>
        data is null ? new(StringComparer.Ordinal) : new(data, StringComparer.Ordinal);
}
