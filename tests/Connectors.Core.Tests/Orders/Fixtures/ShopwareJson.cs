using System.Globalization;
using System.Text.Json;
using Connectors.Core.Orders;
using NodaTime.Text;

namespace Connectors.Core.Tests.Orders.Fixtures;

/// <summary>Maps Admin API order JSON to the Core snapshot, the way the sync engine maps client models.</summary>
internal static class ShopwareJson
{
    public static ShopwareOrderSnapshot Order(string json)
    {
        using var document = JsonDocument.Parse(json);
        var order = document.RootElement;
        var customer = order.GetProperty("orderCustomer");
        return new ShopwareOrderSnapshot(
            order.GetProperty("id").GetString()!,
            order.GetProperty("orderNumber").GetString()!,
            OffsetDateTimePattern.ExtendedIso.Parse(order.GetProperty("orderDateTime").GetString()!).GetValueOrThrow().ToInstant(),
            order.GetProperty("currency").GetProperty("isoCode").GetString()!,
            order.GetProperty("taxStatus").GetString() switch
            {
                "net" => ShopwareTaxStatus.Net,
                "tax-free" => ShopwareTaxStatus.TaxFree,
                _ => ShopwareTaxStatus.Gross,
            },
            order.GetProperty("amountTotal").GetDecimal(),
            Price(order.GetProperty("shippingCosts")),
            order.GetProperty("lineItems").EnumerateArray().Select(LineItem).ToList(),
            new ShopwareCustomerSnapshot(
                customer.GetProperty("email").GetString()!,
                customer.GetProperty("firstName").GetString()!,
                customer.GetProperty("lastName").GetString()!)
            {
                CustomerId = String(customer, "customerId"),
                CustomerNumber = String(customer, "customerNumber"),
                Company = String(customer, "company"),
                IsGuest = customer.TryGetProperty("customer", out var linked) && linked.GetProperty("guest").GetBoolean(),
            })
        {
            SalesChannelId = String(order, "salesChannelId"),
            CustomerComment = String(order, "customerComment"),
            BillingAddress = Address(order.GetProperty("billingAddress")),
            ShippingAddress = Address(order.GetProperty("deliveries")[0].GetProperty("shippingOrderAddress")),
        };
    }

    public static ShopwareLineSnapshot LineItem(string json)
    {
        using var document = JsonDocument.Parse(json);
        return LineItem(document.RootElement);
    }

    private static ShopwareLineSnapshot LineItem(JsonElement line)
    {
        var payload = line.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var isPromotion = line.GetProperty("type").GetString() is ShopwareLineTypes.Promotion or ShopwareLineTypes.Discount;
        return new ShopwareLineSnapshot(
            line.GetProperty("id").GetString()!,
            line.GetProperty("type").GetString()!,
            line.GetProperty("label").GetString()!,
            line.GetProperty("quantity").GetDecimal(),
            Price(line.GetProperty("price")))
        {
            Identifier = String(line, "identifier"),
            ReferencedId = String(line, "referencedId"),
            ParentId = String(line, "parentId"),
            Position = line.TryGetProperty("position", out var position) ? position.GetInt32() : 0,
            ProductNumber = payload.ValueKind == JsonValueKind.Object ? String(payload, "productNumber") : null,
            Promotion = isPromotion && payload.ValueKind == JsonValueKind.Object ? Promotion(payload) : null,
        };
    }

    private static ShopwarePromotionPayload Promotion(JsonElement payload) =>
        new(String(payload, "discountType"), String(payload, "discountScope"))
        {
            PromotionId = String(payload, "promotionId"),
            Code = String(payload, "code"),
            Composition = payload.TryGetProperty("composition", out var composition) && composition.ValueKind == JsonValueKind.Array
                ? composition.EnumerateArray()
                    .Select(entry => new ShopwareDiscountComposition(
                        entry.GetProperty("id").GetString()!,
                        entry.GetProperty("quantity").GetDecimal(),
                        entry.GetProperty("discount").GetDecimal()))
                    .ToList()
                : [],
        };

    private static ShopwarePrice Price(JsonElement price) =>
        new(
            price.GetProperty("totalPrice").GetDecimal(),
            price.GetProperty("calculatedTaxes").EnumerateArray()
                .Select(tax => new ShopwareTaxSnapshot(
                    tax.GetProperty("tax").GetDecimal(), tax.GetProperty("taxRate").GetDecimal(), tax.GetProperty("price").GetDecimal()))
                .ToList())
        {
            TaxRuleRates = price.GetProperty("taxRules").EnumerateArray().Select(rule => rule.GetProperty("taxRate").GetDecimal()).ToList(),
        };

    private static ShopwareOrderAddress Address(JsonElement address) =>
        new(
            address.GetProperty("street").GetString()!,
            String(address, "zipcode"),
            address.GetProperty("city").GetString()!,
            address.GetProperty("country").GetProperty("iso").GetString())
        {
            FirstName = String(address, "firstName"),
            LastName = String(address, "lastName"),
            PhoneNumber = String(address, "phoneNumber"),
            AdditionalAddressLine1 = String(address, "additionalAddressLine1"),
        };

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
