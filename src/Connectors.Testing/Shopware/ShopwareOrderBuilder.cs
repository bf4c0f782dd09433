using System.Globalization;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Shopware;

public sealed partial class ShopwareSimulator
{
    /// <summary>
    /// Writes an order the way the checkout's cart calculation and order converter do: line prices, one tax rate
    /// per line, promotions as negative lines whose <c>payload.composition</c> says which line got how much,
    /// shipping in <c>shippingCosts</c>, and a cart price that adds up.
    /// </summary>
    private sealed class OrderBuilder(ShopwareSimulator shop, ShopOrderDraft draft, JsonObject customer)
    {
        private readonly string _orderId = shop.NewId();
        private readonly string _now = shop.Now();
        private readonly bool _net = draft.TaxStatus == ShopTaxStatus.Net;
        private readonly List<(decimal Rate, decimal Tax, decimal Price)> _taxes = [];

        public JsonObject Build(List<JsonObject> products)
        {
            var lines = new JsonArray();
            var productLines = new List<(string Identifier, int Quantity, decimal Total, decimal Rate)>();
            foreach (var (line, product) in draft.Lines.Zip(products))
            {
                var rate = shop.TaxRateOf(product);
                var gross = product["price"]?[0]?["gross"]?.GetValue<decimal>() ?? 0m;
                var unit = line.UnitPrice ?? (_net ? Round(gross / (1 + (rate / 100))) : gross);
                var total = unit * line.Quantity;
                var productId = product["id"]!.GetValue<string>();
                productLines.Add((productId, line.Quantity, total, rate));
                lines.Add(ProductLine(product, line.Quantity, unit, total, rate, lines.Count + 1));
            }
            foreach (var promotion in draft.Promotions)
            {
                lines.Add(PromotionLine(promotion, productLines, lines.Count + 1));
            }
            var positionPrice = lines.Sum(l => l!["totalPrice"]!.GetValue<decimal>());
            var shippingRate = productLines.Max(l => l.Rate);
            var shipping = Price(draft.ShippingCosts, 1, draft.ShippingCosts, shippingRate);
            var tax = _taxes.Sum(t => t.Tax);
            var amountTotal = _net ? positionPrice + draft.ShippingCosts + tax : positionPrice + draft.ShippingCosts;
            var amountNet = amountTotal - tax;
            var status = _net ? "net" : "gross";

            var transactionId = shop.NewId();
            var deliveryId = shop.NewId();
            var orderCustomerId = shop.NewId();
            var number = shop._nextOrderNumber++.ToString(CultureInfo.InvariantCulture);
            return new JsonObject
            {
                ["versionId"] = LiveVersionId,
                ["orderNumber"] = number,
                ["currencyId"] = DefaultCurrencyId,
                ["currencyFactor"] = 1,
                ["salesChannelId"] = StorefrontSalesChannelId,
                ["languageId"] = SystemLanguageId,
                ["billingAddressId"] = customer["defaultBillingAddressId"]?.DeepClone(),
                ["orderDateTime"] = _now,
                ["orderDate"] = _now[..10] + "T00:00:00.000+00:00",
                ["price"] = new JsonObject
                {
                    ["netPrice"] = amountNet,
                    ["totalPrice"] = amountTotal,
                    ["calculatedTaxes"] = Taxes(_taxes),
                    ["taxRules"] = new JsonArray([.. _taxes.Select(t => t.Rate).Distinct().Select(r => (JsonNode?)TaxRule(r))]),
                    ["positionPrice"] = positionPrice,
                    ["rawTotal"] = amountTotal,
                    ["taxStatus"] = status,
                    ["apiAlias"] = "cart_price",
                },
                ["amountTotal"] = amountTotal,
                ["amountNet"] = amountNet,
                ["positionPrice"] = positionPrice,
                ["taxStatus"] = status,
                ["shippingCosts"] = shipping,
                ["shippingTotal"] = draft.ShippingCosts,
                ["stateId"] = ShopwareStateMachine.Order.StateId("open"),
                ["stateMachineState"] = ShopwareStateMachine.Order.StateJson("open", _now),
                ["primaryOrderTransactionId"] = transactionId,
                ["primaryOrderDeliveryId"] = deliveryId,
                ["customerComment"] = null,
                ["customFields"] = null,
                ["orderCustomer"] = new JsonObject
                {
                    ["id"] = orderCustomerId,
                    ["orderId"] = _orderId,
                    ["email"] = customer["email"]?.DeepClone(),
                    ["firstName"] = customer["firstName"]?.DeepClone(),
                    ["lastName"] = customer["lastName"]?.DeepClone(),
                    ["company"] = customer["company"]?.DeepClone(),
                    ["customerNumber"] = customer["customerNumber"]?.DeepClone(),
                    ["customerId"] = customer["id"]?.DeepClone(),
                    ["createdAt"] = _now,
                    ["apiAlias"] = "order_customer",
                },
                ["lineItems"] = lines,
                ["transactions"] = new JsonArray(new JsonObject
                {
                    ["id"] = transactionId,
                    ["versionId"] = LiveVersionId,
                    ["orderId"] = _orderId,
                    ["paymentMethodId"] = DefaultPaymentMethodId,
                    ["amount"] = Price(amountTotal, 1, amountTotal, null),
                    ["stateId"] = ShopwareStateMachine.Transaction.StateId("open"),
                    ["stateMachineState"] = ShopwareStateMachine.Transaction.StateJson("open", _now),
                    ["createdAt"] = _now,
                    ["updatedAt"] = null,
                    ["apiAlias"] = "order_transaction",
                }),
                ["deliveries"] = new JsonArray(new JsonObject
                {
                    ["id"] = deliveryId,
                    ["versionId"] = LiveVersionId,
                    ["orderId"] = _orderId,
                    ["shippingMethodId"] = DefaultShippingMethodId,
                    ["shippingOrderAddressId"] = customer["defaultShippingAddressId"]?.DeepClone(),
                    ["shippingCosts"] = shipping.DeepClone(),
                    ["trackingCodes"] = new JsonArray(),
                    ["stateId"] = ShopwareStateMachine.Delivery.StateId("open"),
                    ["stateMachineState"] = ShopwareStateMachine.Delivery.StateJson("open", _now),
                    ["createdAt"] = _now,
                    ["updatedAt"] = null,
                    ["apiAlias"] = "order_delivery",
                }),
                ["createdAt"] = _now,
                ["updatedAt"] = null,
                ["id"] = _orderId,
                ["extensions"] = new JsonArray(),
                ["_uniqueIdentifier"] = _orderId,
                ["apiAlias"] = "order",
            };
        }

        private JsonObject ProductLine(JsonObject product, int quantity, decimal unit, decimal total, decimal rate, int position)
        {
            var productId = product["id"]!.GetValue<string>();
            return Line(null, "product", product["name"]?.GetValue<string>() ?? product["productNumber"]!.GetValue<string>(), quantity, unit, total, rate, position, new JsonObject
            {
                ["productNumber"] = product["productNumber"]!.DeepClone(),
                ["parentId"] = null,
                ["isCloseout"] = product["isCloseout"]?.DeepClone(),
                ["stock"] = product["stock"]!.DeepClone(),
                ["taxId"] = product["taxId"]?.DeepClone(),
                ["options"] = new JsonArray(),
                ["customFields"] = new JsonArray(),
            }, productId: productId, referencedId: productId, identifier: productId, good: true);
        }

        private JsonObject PromotionLine(ShopPromotion promotion, List<(string Identifier, int Quantity, decimal Total, decimal Rate)> productLines, int position)
        {
            var discounts = Spread(promotion, productLines);
            var total = -discounts.Sum();
            var promotionId = shop.NewId();
            var discountId = shop.NewId();
            var payload = new JsonObject
            {
                ["promotionId"] = promotionId,
                ["priority"] = 1,
                ["discountId"] = discountId,
                ["discountType"] = promotion.Percentage is not null ? "percentage" : "absolute",
                ["code"] = promotion.Code,
                ["value"] = (promotion.Percentage ?? promotion.Amount ?? 0m).ToString(CultureInfo.InvariantCulture),
                ["promotionCodeType"] = promotion.Code.Length > 0 ? "fixed" : "global",
                ["maxValue"] = "",
                ["discountScope"] = "cart",
                ["preventCombination"] = false,
                ["exclusions"] = new JsonArray(),
                ["groupId"] = "",
                ["setGroups"] = new JsonArray(),
                ["filter"] = new JsonObject { ["sorterKey"] = null, ["applierKey"] = null, ["usageKey"] = null, ["pickerKey"] = null },
                ["composition"] = new JsonArray([.. productLines.Zip(discounts).Select(p => (JsonNode?)new JsonObject
                {
                    ["id"] = p.First.Identifier,
                    ["quantity"] = p.First.Quantity,
                    ["discount"] = p.Second,
                })]),
            };
            var rate = productLines.Max(l => l.Rate);
            return Line(discountId, "promotion", promotion.Name, 1, total, total, rate, position, payload,
                productId: null, referencedId: promotion.Code, identifier: discountId, good: false, promotionId: promotionId);
        }

        // Exact per-line discounts: percentages per line, an absolute amount in proportion, the cent remainder on the largest line.
        private static List<decimal> Spread(ShopPromotion promotion, List<(string Identifier, int Quantity, decimal Total, decimal Rate)> lines)
        {
            var sum = lines.Sum(l => l.Total);
            if (promotion.Percentage is { } percentage)
            {
                return [.. lines.Select(l => Round(l.Total * percentage / 100))];
            }
            var amount = Math.Min(promotion.Amount ?? 0m, sum);
            var shares = lines.Select(l => sum == 0 ? 0 : Round(amount * l.Total / sum)).ToList();
            var largest = lines.Select((l, i) => (l.Total, i)).MaxBy(x => x.Total).i;
            shares[largest] += amount - shares.Sum();
            return shares;
        }

        private JsonObject Line(string? lineId, string type, string label, int quantity, decimal unit, decimal total, decimal rate, int position, JsonObject payload,
            string? productId, string referencedId, string identifier, bool good, string? promotionId = null)
        {
            // Product lines get a fresh id; a promotion line's id is its discount id, as the converter writes it.
            var id = lineId ?? shop.NewId();
            return new JsonObject
            {
                ["id"] = id,
                ["versionId"] = LiveVersionId,
                ["orderId"] = _orderId,
                ["orderVersionId"] = LiveVersionId,
                ["productId"] = productId,
                ["promotionId"] = promotionId,
                ["parentId"] = null,
                ["identifier"] = identifier,
                ["referencedId"] = referencedId,
                ["quantity"] = quantity,
                ["label"] = label,
                ["good"] = good,
                ["removable"] = true,
                ["stackable"] = type == "product",
                ["position"] = position,
                ["price"] = Price(unit, quantity, total, rate),
                ["unitPrice"] = unit,
                ["totalPrice"] = total,
                ["type"] = type,
                ["payload"] = payload,
                ["states"] = new JsonArray(),
                ["customFields"] = null,
                ["createdAt"] = _now,
                ["updatedAt"] = null,
                ["apiAlias"] = "order_line_item",
            };
        }

        // A CalculatedPrice; with a rate the tax is recorded for the cart, without one (transaction amounts) it is not.
        private JsonObject Price(decimal unit, int quantity, decimal total, decimal? rate)
        {
            var taxes = new List<(decimal Rate, decimal Tax, decimal Price)>();
            if (rate is { } r)
            {
                var tax = _net ? Round(total * r / 100) : Round(total * r / (100 + r));
                taxes.Add((r, tax, total));
                _taxes.Add((r, tax, total));
            }
            return new JsonObject
            {
                ["unitPrice"] = unit,
                ["quantity"] = quantity,
                ["totalPrice"] = total,
                ["calculatedTaxes"] = Taxes(taxes),
                ["taxRules"] = new JsonArray([.. taxes.Select(t => (JsonNode?)TaxRule(t.Rate))]),
                ["referencePrice"] = null,
                ["listPrice"] = null,
                ["regulationPrice"] = null,
                ["apiAlias"] = "calculated_price",
            };
        }

        private static JsonArray Taxes(IEnumerable<(decimal Rate, decimal Tax, decimal Price)> taxes) =>
            new([.. taxes.GroupBy(t => t.Rate).Select(g => (JsonNode?)new JsonObject
            {
                ["tax"] = g.Sum(t => t.Tax),
                ["taxRate"] = g.Key,
                ["price"] = g.Sum(t => t.Price),
                ["apiAlias"] = "cart_tax_calculated",
            })]);

        private static JsonObject TaxRule(decimal rate) => new() { ["taxRate"] = rate, ["percentage"] = 100, ["apiAlias"] = "cart_tax_rule" };

        private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
    }
}
