using System.Globalization;
using System.Text.Json;
using Connectors.Core.Orders;
using Client = Connectors.Shopware.Models;

namespace Connectors.Sync.Mapping;

/// <summary>
/// What a Shopware order needs beside the client's <see cref="Client.ShopwareOrder"/>: the currency's ISO code when the
/// order was read without its <c>currency</c> association (it then carries only <c>currencyId</c>).
/// </summary>
/// <param name="CurrencyIsoCode">The ISO code of the order's <c>currencyId</c>, e.g. <c>EUR</c>.</param>
internal sealed record ShopwareOrderContext(string CurrencyIsoCode);

/// <summary>A Shopware order as read by the Admin API client, as the Core's <see cref="ShopwareOrderSnapshot"/>.</summary>
internal static class ShopwareOrderMapper
{
    /// <summary>Translates the order with its line items and customer.</summary>
    /// <exception cref="MappingException">A field the translation decides on is missing or unreadable.</exception>
    public static ShopwareOrderSnapshot ToSnapshot(Client.ShopwareOrder order, ShopwareOrderContext context)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(context);
        var entity = $"Shopware order {order.OrderNumber ?? order.Id}";
        if (string.IsNullOrWhiteSpace(order.OrderNumber))
        {
            throw new MappingException(entity, "orderNumber", order.OrderNumber, "it becomes the Sitoo externalid");
        }

        if (string.IsNullOrWhiteSpace(context.CurrencyIsoCode))
        {
            throw new MappingException(entity, "currency.isoCode", context.CurrencyIsoCode, "the currency of currencyId was not resolved");
        }

        var placedAt = order.OrderDateTime
            ?? throw new MappingException(entity, "orderDateTime", null, "the Sitoo order date is taken from it");
        var lineItems = order.LineItems
            ?? throw new MappingException(entity, "lineItems", null, "the association was not loaded");
        var customer = order.OrderCustomer
            ?? throw new MappingException(entity, "orderCustomer", null, "the association was not loaded");

        return new ShopwareOrderSnapshot(
            order.Id,
            order.OrderNumber,
            placedAt,
            context.CurrencyIsoCode,
            TaxStatus(entity, order.TaxStatus ?? order.Price?.TaxStatus),
            order.AmountTotal ?? order.Price?.TotalPrice ?? throw new MappingException(entity, "amountTotal", null, "the grand total is what the Sitoo order must add up to"),
            Shipping(entity, order),
            [.. lineItems.Select((line, index) => LineItem(entity, index, line))],
            Customer(entity, customer))
        {
            SalesChannelId = order.SalesChannelId,
            BillingAddress = Address(order.BillingAddress),
            ShippingAddress = Address(PrimaryDelivery(order)?.ShippingOrderAddress),
            CustomerComment = order.CustomerComment,
            ItemRounding = Rounding(order.ItemRounding),
            TotalRounding = Rounding(order.TotalRounding),

            // The client reads an absent rawTotal as 0; a real raw total of 0 only ever rounds to a total of 0.
            RawTotal = order.Price is { RawTotal: not 0m } price ? price.RawTotal : null,
            Payment = Payment(order),
        };
    }

    // Shopware 6.7 names the primary delivery; before, the one with the highest shipping costs is "the" delivery.
    private static Client.ShopwareOrderDelivery? PrimaryDelivery(Client.ShopwareOrder order) =>
        order.Deliveries?.FirstOrDefault(delivery => delivery.Id == order.PrimaryOrderDeliveryId)
        ?? order.Deliveries?.OrderByDescending(delivery => delivery.ShippingCosts?.TotalPrice ?? 0m).FirstOrDefault();

    /// <summary>An order address; one without street or city (not loaded, or a pickup) is no address.</summary>
    private static ShopwareOrderAddress? Address(Client.ShopwareOrderAddress? address) =>
        address is { Street: { Length: > 0 } street, City: { Length: > 0 } city }
            ? new ShopwareOrderAddress(street, address.Zipcode, city, address.Country?.Iso)
            {
                FirstName = address.FirstName,
                LastName = address.LastName,
                PhoneNumber = string.IsNullOrWhiteSpace(address.PhoneNumber) ? null : address.PhoneNumber,
                AdditionalAddressLine1 = address.AdditionalAddressLine1,
            }
            : null;

    private static CashRounding? Rounding(Client.ShopwareCashRounding? rounding) =>
        rounding is null ? null : new CashRounding(rounding.Decimals, rounding.Interval);

    /// <summary>The primary transaction (<c>primaryOrderTransactionId</c>), else the newest: the one the customer paid with.</summary>
    private static ShopwareOrderPayment? Payment(Client.ShopwareOrder order)
    {
        var transactions = order.Transactions ?? [];
        var primary = transactions.FirstOrDefault(transaction => transaction.Id == order.PrimaryOrderTransactionId)
            ?? transactions.OrderByDescending(transaction => transaction.CreatedAt).FirstOrDefault();
        return primary is null
            ? null
            : new ShopwareOrderPayment(primary.Id)
            {
                MethodName = primary.PaymentMethod?.Name,
                MethodTechnicalName = primary.PaymentMethod?.TechnicalName,
            };
    }

    private static ShopwareTaxStatus TaxStatus(string entity, string? status) => status switch
    {
        "gross" => ShopwareTaxStatus.Gross,
        "net" => ShopwareTaxStatus.Net,
        "tax-free" => ShopwareTaxStatus.TaxFree,
        _ => throw new MappingException(entity, "taxStatus", status, "expected gross, net or tax-free"),
    };

    private static ShopwarePrice Shipping(string entity, Client.ShopwareOrder order)
    {
        if (order.ShippingCosts is { } costs)
        {
            return Price(costs);
        }

        // Without the calculated price the shipping taxes are unknown; only free shipping is safe to assume.
        return (order.ShippingTotal ?? 0m) == 0m
            ? ShopwarePrice.Zero
            : throw new MappingException(entity, "shippingCosts", null, "shipping is charged but its taxes were not sent");
    }

    private static ShopwarePrice Price(Client.ShopwareCalculatedPrice price) =>
        new(price.TotalPrice, [.. price.CalculatedTaxes.Select(tax => new ShopwareTaxSnapshot(tax.Tax, tax.TaxRate, tax.Price))]);

    private static ShopwareLineSnapshot LineItem(string entity, int index, Client.ShopwareOrderLineItem line)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"lineItems[{index}]");
        if (string.IsNullOrWhiteSpace(line.Type))
        {
            throw new MappingException(entity, field + ".type", line.Type, "a line without type cannot be classified");
        }

        var price = line.Price is { } calculated
            ? Price(calculated)
            : line.TotalPrice is { } total
                ? new ShopwarePrice(total, [])
                : throw new MappingException(entity, field + ".price", null, "the line has no price");
        return new ShopwareLineSnapshot(line.Id, line.Type, line.Label ?? string.Empty, line.Quantity, price)
        {
            Identifier = line.Identifier,
            ReferencedId = line.ReferencedId,
            ParentId = line.ParentId,
            Position = line.Position ?? 0,
            ProductNumber = line.PayloadProductNumber,
            Promotion = line.Type == ShopwareLineTypes.Promotion ? PromotionPayloadReader.Read(entity, field + ".payload", line.Payload) : null,
        };
    }

    private static ShopwareCustomerSnapshot Customer(string entity, Client.ShopwareOrderCustomer customer)
    {
        if (string.IsNullOrWhiteSpace(customer.Email))
        {
            throw new MappingException(entity, "orderCustomer.email", customer.Email, "the Sitoo customer is found and created by e-mail");
        }

        return new ShopwareCustomerSnapshot(customer.Email, customer.FirstName ?? string.Empty, customer.LastName ?? string.Empty)
        {
            CustomerId = customer.CustomerId,
            CustomerNumber = customer.CustomerNumber,

            // Without orderCustomer.customer the guest flag is unknown: treated as a guest, so the order can never
            // claim a registered account's Sitoo user.
            IsGuest = customer.Customer?.Guest ?? true,
            Company = customer.Company,
        };
    }
}

/// <summary>Reads the <c>payload</c> of a promotion line.</summary>
internal static class PromotionPayloadReader
{
    /// <summary>Reads discount type, scope, code and composition; a missing payload gives an empty one.</summary>
    /// <exception cref="MappingException">The composition is present but not an array of <c>{id, quantity, discount}</c>.</exception>
    public static ShopwarePromotionPayload Read(string entity, string field, JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } body)
        {
            return new ShopwarePromotionPayload(null, null);
        }

        return new ShopwarePromotionPayload(Text(body, "discountType"), Text(body, "discountScope"))
        {
            PromotionId = Text(body, "promotionId"),
            Code = Text(body, "code"),
            Composition = Composition(entity, field + ".composition", body),
        };
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<ShopwareDiscountComposition> Composition(string entity, string field, JsonElement body)
    {
        if (!body.TryGetProperty("composition", out var composition) || composition.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (composition.ValueKind != JsonValueKind.Array)
        {
            throw new MappingException(entity, field, composition.GetRawText(), "expected an array");
        }

        var entries = new List<ShopwareDiscountComposition>(composition.GetArrayLength());
        var index = 0;
        foreach (var entry in composition.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{field}[{index++}]");
            if (entry.ValueKind != JsonValueKind.Object || Text(entry, "id") is not { Length: > 0 } id)
            {
                throw new MappingException(entity, at + ".id", entry.GetRawText(), "each entry names the discounted line");
            }

            entries.Add(new ShopwareDiscountComposition(id, Number(entity, at + ".quantity", entry, "quantity"), Number(entity, at + ".discount", entry, "discount")));
        }

        return entries;
    }

    private static decimal Number(string entity, string field, JsonElement entry, string name)
    {
        if (entry.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }

            if (value.ValueKind == JsonValueKind.String
                && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        throw new MappingException(entity, field, entry.TryGetProperty(name, out var raw) ? raw.GetRawText() : null, "expected a number");
    }
}
