using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Shopware;

public sealed partial class ShopwareSimulator
{
    /// <summary>
    /// The id of a currency: Shopware's system currency for EUR, otherwise a stable id derived from the ISO code, so
    /// every order in one currency carries the same <c>currencyId</c>.
    /// </summary>
    private static string CurrencyIdOf(string isoCode) =>
        isoCode == ShopCurrency.Euro.IsoCode
            ? DefaultCurrencyId
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("currency:" + isoCode)))[..32];

    /// <summary>
    /// Writes an order the way the checkout's cart calculation and order converter do: line prices, one tax rate
    /// per product line, promotions as negative lines whose <c>payload.composition</c> says which line got how much,
    /// credits and shipping taxed at the cart's rates, a cart price that adds up, and the total cash-rounded to the
    /// currency's <c>totalRounding</c> (<c>rawTotal</c> keeps the unrounded sum).
    /// </summary>
    private sealed class OrderBuilder(ShopwareSimulator shop, ShopOrderDraft draft, JsonObject customer)
    {
        private readonly string _orderId = shop.NewId();
        private readonly string _now = shop.Now();
        private readonly bool _net = draft.TaxStatus == ShopTaxStatus.Net;
        private readonly bool _taxFree = draft.TaxStatus == ShopTaxStatus.TaxFree;
        private readonly int _decimals = draft.Currency.Decimals;
        private readonly List<(decimal Rate, decimal Tax, decimal Price)> _taxes = [];

        public JsonObject Build(List<JsonObject> products)
        {
            var lines = new JsonArray();
            var productLines = new List<(string Identifier, int Quantity, decimal Total, decimal Rate)>();
            foreach (var (line, product) in draft.Lines.Zip(products))
            {
                var rate = shop.TaxRateOf(product);
                var gross = product["price"]?[0]?["gross"]?.GetValue<decimal>() ?? 0m;
                var unit = line.UnitPrice ?? (_net || _taxFree ? Round(gross / (1 + (rate / 100))) : gross);
                var total = unit * line.Quantity;
                var productId = product["id"]!.GetValue<string>();
                productLines.Add((productId, line.Quantity, total, rate));
                lines.Add(ProductLine(product, line.Quantity, unit, total, rate, lines.Count + 1));
            }
            foreach (var promotion in draft.Promotions)
            {
                lines.Add(PromotionLine(promotion, productLines, lines.Count + 1));
            }
            foreach (var credit in draft.Credits)
            {
                var total = -Round(credit.Amount);
                lines.Add(Line(null, "credit", credit.Label, 1, total, total, CartRates(), lines.Count + 1, new JsonObject(),
                    productId: null, referencedId: shop.NewId(), identifier: shop.NewId(), good: false));
            }
            var positionPrice = lines.Sum(l => l!["totalPrice"]!.GetValue<decimal>());
            var shippingRates = draft.ShippingTax == ShopShippingTax.Auto ? CartRates() : [(productLines.Max(l => l.Rate), 1m)];
            var shipping = Price(draft.ShippingCosts, 1, draft.ShippingCosts, shippingRates);
            var tax = _taxes.Sum(t => t.Tax);
            var rawTotal = _net ? positionPrice + draft.ShippingCosts + tax : positionPrice + draft.ShippingCosts;
            var amountTotal = CashRound(rawTotal, draft.Currency.TotalInterval ?? MinorUnit);
            var amountNet = rawTotal - tax;
            var status = _net ? "net" : _taxFree ? "tax-free" : "gross";
            var currencyId = CurrencyIdOf(draft.Currency.IsoCode);

            // The checkout copies the customer's addresses into order_address rows of the order's own.
            var billingAddress = OrderAddress(customer, "defaultBillingAddressId");
            var shippingAddress = OrderAddress(customer, "defaultShippingAddressId");
            var transactionId = shop.NewId();
            var deliveryId = shop.NewId();
            var orderCustomerId = shop.NewId();
            var number = shop._nextOrderNumber++.ToString(CultureInfo.InvariantCulture);
            return new JsonObject
            {
                ["versionId"] = LiveVersionId,
                ["orderNumber"] = number,
                ["currencyId"] = currencyId,
                ["currencyFactor"] = 1,
                ["currency"] = new JsonObject
                {
                    ["id"] = currencyId,
                    ["factor"] = 1,
                    ["symbol"] = draft.Currency.IsoCode,
                    ["isoCode"] = draft.Currency.IsoCode,
                    ["shortName"] = draft.Currency.IsoCode,
                    ["name"] = draft.Currency.IsoCode,
                    ["itemRounding"] = Rounding(draft.Currency.ItemInterval),
                    ["totalRounding"] = Rounding(draft.Currency.TotalInterval),
                    ["apiAlias"] = "currency",
                },
                ["itemRounding"] = Rounding(draft.Currency.ItemInterval),
                ["totalRounding"] = Rounding(draft.Currency.TotalInterval),
                ["salesChannelId"] = StorefrontSalesChannelId,
                ["languageId"] = SystemLanguageId,
                ["billingAddressId"] = billingAddress["id"]!.DeepClone(),
                ["billingAddress"] = billingAddress,
                ["orderDateTime"] = _now,
                ["orderDate"] = _now[..10] + "T00:00:00.000+00:00",
                ["price"] = new JsonObject
                {
                    ["netPrice"] = amountNet,
                    ["totalPrice"] = amountTotal,
                    ["calculatedTaxes"] = Taxes(_taxes),
                    ["taxRules"] = new JsonArray([.. _taxes.Select(t => t.Rate).Distinct().Select(r => (JsonNode?)TaxRule(r, 100))]),
                    ["positionPrice"] = positionPrice,
                    ["rawTotal"] = rawTotal,
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

                    // The DAL loads paymentMethod only on request; the simulator always sends it with the transaction.
                    ["paymentMethod"] = new JsonObject
                    {
                        ["id"] = DefaultPaymentMethodId,
                        ["name"] = draft.PaymentMethod.Name,
                        ["technicalName"] = draft.PaymentMethod.TechnicalName,
                        ["apiAlias"] = "payment_method",
                    },
                    ["amount"] = Price(amountTotal, 1, amountTotal, []),
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
                    ["shippingOrderAddressId"] = shippingAddress["id"]!.DeepClone(),
                    ["shippingOrderAddress"] = shippingAddress,
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

        private JsonObject OrderAddress(JsonObject customer, string which)
        {
            var addressId = customer[which]?.GetValue<string>();
            var source = (customer["addresses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(a => a["id"]?.GetValue<string>() == addressId)
                ?? new JsonObject();
            var copy = (JsonObject)source.DeepClone();
            copy.Remove("customerId");
            copy["id"] = shop.NewId();
            copy["orderId"] = _orderId;
            copy["country"] = new JsonObject { ["id"] = source["countryId"]?.DeepClone(), ["iso"] = "SE", ["apiAlias"] = "country" };
            copy["apiAlias"] = "order_address";
            return copy;
        }

        private JsonObject ProductLine(JsonObject product, int quantity, decimal unit, decimal total, decimal rate, int position)
        {
            var productId = product["id"]!.GetValue<string>();
            return Line(null, "product", product["name"]?.GetValue<string>() ?? product["productNumber"]!.GetValue<string>(), quantity, unit, total, [(rate, 1m)], position, new JsonObject
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
            return Line(discountId, "promotion", promotion.Name, 1, total, total, [(rate, 1m)], position, payload,
                productId: null, referencedId: promotion.Code, identifier: discountId, good: false, promotionId: promotionId);
        }

        // Exact per-line discounts: percentages per line, an absolute amount in proportion, the cent remainder on the largest line.
        private List<decimal> Spread(ShopPromotion promotion, List<(string Identifier, int Quantity, decimal Total, decimal Rate)> lines)
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

        private JsonObject Line(string? lineId, string type, string label, int quantity, decimal unit, decimal total, IReadOnlyList<(decimal Rate, decimal Weight)> rates, int position, JsonObject payload,
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
                ["price"] = Price(unit, quantity, total, rates),
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

        /// <summary>
        /// A CalculatedPrice taxed at <paramref name="rates"/>, each taking its weight's share of the total (the
        /// unrounded part, as Shopware's tax calculator keeps it) with its tax rounded to the currency. Taxes are
        /// recorded for the cart; without rates (transaction amounts) and on tax-free orders there are none (inferred:
        /// a tax-free cart keeps its tax rules but calculates no taxes).
        /// </summary>
        private JsonObject Price(decimal unit, int quantity, decimal total, IReadOnlyList<(decimal Rate, decimal Weight)> rates)
        {
            var taxes = new List<(decimal Rate, decimal Tax, decimal Price)>();
            var weights = rates.Sum(r => r.Weight);
            foreach (var (rate, weight) in _taxFree ? [] : rates)
            {
                var part = total * weight / weights;
                var tax = _net ? Round(part * rate / 100) : Round(part * rate / (100 + rate));
                taxes.Add((rate, tax, part));
                _taxes.Add((rate, tax, part));
            }
            return new JsonObject
            {
                ["unitPrice"] = unit,
                ["quantity"] = quantity,
                ["totalPrice"] = total,
                ["calculatedTaxes"] = Taxes(taxes),
                ["taxRules"] = new JsonArray([.. rates.Select(r => (JsonNode?)TaxRule(r.Rate, weights == 0 ? 100 : r.Weight / weights * 100))]),
                ["referencePrice"] = null,
                ["listPrice"] = null,
                ["regulationPrice"] = null,
                ["apiAlias"] = "calculated_price",
            };
        }

        /// <summary>
        /// The cart's rates weighted by the value taxed at each so far (promotions included), as Shopware's percentage
        /// tax rules do for credits and "auto" shipping tax; a cart of no value is taxed at its highest rate. Inferred
        /// from the percentage tax rule builder's behaviour, not from a recorded order.
        /// </summary>
        private List<(decimal Rate, decimal Weight)> CartRates()
        {
            var rates = _taxes.GroupBy(t => t.Rate).Select(g => (Rate: g.Key, Weight: g.Sum(t => t.Price))).Where(r => r.Weight > 0).ToList();
            return rates.Count > 0 ? rates : [(_taxes.Select(t => t.Rate).DefaultIfEmpty(0m).Max(), 1m)];
        }

        private JsonObject Rounding(decimal? interval) => new()
        {
            ["decimals"] = _decimals,
            ["interval"] = interval ?? MinorUnit,
            ["roundForNet"] = true,
            ["apiAlias"] = "shopware_core_framework_data_abstraction_layer_pricing_cash_rounding_config",
        };

        private decimal MinorUnit => new(1, 0, 0, false, (byte)_decimals);

        // Shopware's cash rounding: to the nearest step of the interval, half away from zero, then to the decimals.
        private decimal CashRound(decimal value, decimal interval) =>
            Math.Round(Math.Round(value / interval, MidpointRounding.AwayFromZero) * interval, _decimals, MidpointRounding.AwayFromZero);

        private static JsonArray Taxes(IEnumerable<(decimal Rate, decimal Tax, decimal Price)> taxes) =>
            new([.. taxes.GroupBy(t => t.Rate).Select(g => (JsonNode?)new JsonObject
            {
                ["tax"] = g.Sum(t => t.Tax),
                ["taxRate"] = g.Key,
                ["price"] = g.Sum(t => t.Price),
                ["apiAlias"] = "cart_tax_calculated",
            })]);

        private static JsonObject TaxRule(decimal rate, decimal percentage) => new() { ["taxRate"] = rate, ["percentage"] = percentage, ["apiAlias"] = "cart_tax_rule" };

        private decimal Round(decimal value) => Math.Round(value, _decimals, MidpointRounding.AwayFromZero);
    }
}
