using System.Globalization;
using System.Text.RegularExpressions;
using Connectors.Core.Customers;

namespace Connectors.Core.Orders;

/// <summary>
/// Translates a Shopware order into a Sitoo order draft, all or nothing: either every line is carried and the
/// draft adds up to the Shopware total to the minor unit, or the result names every line and rule that failed.
/// </summary>
/// <param name="options">The policies and settings to apply.</param>
public sealed partial class OrderTranslator(OrderTranslationOptions options)
{
    private const string DeliveryTarget = "delivery";

    /// <summary>The digits of Sitoo money fields: amounts with more cannot be written without rounding them.</summary>
    private const int SitooMoneyDecimals = 2;

    /// <summary>Translates with the default policies.</summary>
    public OrderTranslator()
        : this(new OrderTranslationOptions())
    {
    }

    /// <summary>The options in force.</summary>
    public OrderTranslationOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Translates <paramref name="order"/>.</summary>
    /// <param name="order">The Shopware order.</param>
    /// <param name="sitooUserId">The Sitoo user the customer was resolved to, recorded on the order; see <see cref="CustomerMatcher"/>.</param>
    /// <returns>The draft with its promotion allocations, or every failure found.</returns>
    public OrderTranslationResult Translate(ShopwareOrderSnapshot order, string? sitooUserId = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        var run = new Translation(order, Options);
        return run.Execute(sitooUserId);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();

    /// <summary>The state of one translation; keeps <see cref="Translate"/> free of shared mutable state.</summary>
    private sealed class Translation(ShopwareOrderSnapshot order, OrderTranslationOptions options)
    {
        private readonly List<OrderTranslationFailure> _failures = [];
        private readonly List<Row> _rows = [];
        private readonly List<PromotionAllocation> _allocations = [];
        private readonly Dictionary<string, decimal> _discountRowShares = new(StringComparer.Ordinal);
        private CurrencyPrecision _precision = options.Precision;
        private decimal _deliveryDiscount;

        public OrderTranslationResult Execute(string? sitooUserId)
        {
            if (!ExternalIdPattern().IsMatch(order.OrderNumber))
            {
                _failures.Add(new OrderTranslationFailure(
                    OrderTranslationReason.InvalidExternalId,
                    $"order number '{order.OrderNumber}' is not a valid Sitoo externalid ([A-Za-z0-9_-]{{1,40}})"));
            }

            ResolvePrecision();
            if (_failures.Count > 0)
            {
                return new OrderTranslationResult.Failed(_failures);
            }

            var topLevel = order.LineItems
                .Where(line => line.ParentId is null)
                .OrderBy(line => line.Position)
                .ThenBy(line => line.Id, StringComparer.Ordinal)
                .ToList();
            var promotions = new List<ShopwareLineSnapshot>();
            foreach (var line in topLevel)
            {
                switch (options.Classifier.Classify(line, order))
                {
                    case LineClassification.Product product:
                        AddRow(line, product.Sku, SitooOrderItemKind.Product);
                        break;
                    case LineClassification.Service service:
                        AddRow(line, service.Sku, SitooOrderItemKind.Service);
                        break;
                    case LineClassification.Promotion:
                        promotions.Add(line);
                        break;
                    case LineClassification.Untranslatable untranslatable:
                        Fail(untranslatable.Reason, untranslatable.Rule, line, line.ProductNumber);
                        break;
                }
            }

            foreach (var promotion in promotions)
            {
                CarryPromotion(promotion);
            }

            CheckDiscounts();
            var delivery = Delivery();
            if (_failures.Count > 0)
            {
                return new OrderTranslationResult.Failed(_failures);
            }

            var adjustment = BalanceToTotal(delivery);
            var roundOff = RoundOff();
            if (_failures.Count > 0)
            {
                return new OrderTranslationResult.Failed(_failures);
            }

            return new OrderTranslationResult.Translated(BuildDraft(delivery, roundOff, sitooUserId), _allocations)
            {
                RoundingAdjustment = adjustment,
            };
        }

        /// <summary>
        /// Takes the precision from the order's <c>itemRounding</c> (the configured one when absent) and refuses a
        /// currency whose amounts Sitoo's two-decimal money cannot hold.
        /// </summary>
        private void ResolvePrecision()
        {
            foreach (var (field, rounding) in new[] { ("itemRounding", order.ItemRounding), ("totalRounding", order.TotalRounding) })
            {
                if (rounding is null)
                {
                    continue;
                }

                var cent = CurrencyPrecision.Cents.MinorUnit;
                if (rounding.Decimals is < 0 or > SitooMoneyDecimals || rounding.Interval < cent || rounding.Interval % cent != 0)
                {
                    _failures.Add(new OrderTranslationFailure(
                        OrderTranslationReason.UnsupportedCurrencyPrecision,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{order.CurrencyIsoCode} amounts are rounded to {rounding.Decimals} decimals in steps of {rounding.Interval} ({field}); Sitoo money has two decimals, so they cannot be carried without changing them")));
                }
            }

            if (_failures.Count == 0 && order.ItemRounding is { } item)
            {
                _precision = new CurrencyPrecision(item.Decimals);
            }
        }

        private void AddRow(ShopwareLineSnapshot line, string sku, SitooOrderItemKind kind)
        {
            if (line.Quantity <= 0 || decimal.Truncate(line.Quantity) != line.Quantity)
            {
                Fail(OrderTranslationReason.InvalidQuantity, $"quantity {line.Quantity} is not a positive whole number", line, sku);
                return;
            }

            var rate = SingleTaxRate(line.Price);
            if (rate is null)
            {
                Fail(OrderTranslationReason.AmbiguousTaxRate, "the line is taxed at several rates; a Sitoo item has one", line, sku);
                return;
            }

            _rows.Add(new Row(line, sku, kind, line.Quantity, rate.Value, GrossOf(line.Price)));
        }

        private void CarryPromotion(ShopwareLineSnapshot line)
        {
            var amount = -GrossOf(line.Price);
            if (amount < 0)
            {
                Fail(OrderTranslationReason.PromotionLineUnmapped, "a promotion line with a positive price is not a discount", line, null);
                return;
            }

            switch (options.Promotions.Decide(line, order))
            {
                case PromotionTreatment.SpreadOverProducts:
                    Spread(line, amount);
                    break;
                case PromotionTreatment.DeductFromDelivery:
                    _deliveryDiscount += amount;
                    Record(line, AllocationMethod.Delivery, amount, [new AllocationShare(DeliveryTarget, null, amount)]);
                    break;
                case PromotionTreatment.DiscountProduct discountProduct:
                    AddDiscountRows(line, discountProduct.Sku, amount);
                    break;
                case PromotionTreatment.Unmapped unmapped:
                    Fail(OrderTranslationReason.PromotionLineUnmapped, unmapped.Rule, line, null);
                    break;
            }
        }

        private void Spread(ShopwareLineSnapshot line, decimal amount)
        {
            if (SpreadTargets(line) is not var (targets, weights, method))
            {
                return;
            }

            if (amount == 0)
            {
                Record(line, method, amount, []);
                return;
            }

            var shares = ProportionalAllocator.Allocate(amount, weights, _precision);
            var recorded = new List<AllocationShare>(shares.Length);
            for (var i = 0; i < shares.Length; i++)
            {
                targets[i].Discount += shares[i];
                recorded.Add(new AllocationShare(targets[i].Line.Id, targets[i].Sku, shares[i]));
            }

            Record(line, method, amount, recorded);
        }

        /// <summary>
        /// The product rows a promotion takes its amount off, with their weights: as <c>payload.composition</c> says
        /// when present, otherwise in proportion to the rows' gross value; <see langword="null"/> (and a failure) when
        /// there is none.
        /// </summary>
        private (List<Row> Targets, List<decimal> Weights, AllocationMethod Method)? SpreadTargets(ShopwareLineSnapshot line)
        {
            var products = _rows.Where(row => row.Kind == SitooOrderItemKind.Product).ToList();
            var composition = line.Promotion?.Composition ?? [];
            if (composition.Count == 0)
            {
                return Weighted(line, products, [.. products.Select(row => Math.Max(0m, row.Gross))], AllocationMethod.Proportional);
            }

            var targets = new List<Row>(composition.Count);
            var weights = new List<decimal>(composition.Count);
            foreach (var entry in composition)
            {
                var target = products.FirstOrDefault(row => row.Line.IsReferencedBy(entry.Id));
                if (target is null)
                {
                    Fail(
                        OrderTranslationReason.PromotionLineUnmapped,
                        $"payload.composition refers to line '{entry.Id}', which is not a product line of this order",
                        line,
                        null);
                    return null;
                }

                targets.Add(target);
                weights.Add(Math.Max(0m, GrossDiscount(entry.Discount, target.VatRate)));
            }

            return Weighted(line, targets, weights, AllocationMethod.Composition);
        }

        private (List<Row> Targets, List<decimal> Weights, AllocationMethod Method)? Weighted(
            ShopwareLineSnapshot line, List<Row> targets, List<decimal> weights, AllocationMethod method)
        {
            if (weights.Sum() > 0 || GrossOf(line.Price) == 0)
            {
                return (targets, weights, method);
            }

            Fail(OrderTranslationReason.PromotionLineUnmapped, "there is no product line of positive value to spread the promotion over", line, null);
            return null;
        }

        private void AddDiscountRows(ShopwareLineSnapshot line, string sku, decimal amount)
        {
            if (order.TaxStatus == ShopwareTaxStatus.TaxFree || line.Price.CalculatedTaxes.Count == 0)
            {
                var rate = SingleTaxRate(line.Price);
                if (rate is null)
                {
                    Fail(OrderTranslationReason.AmbiguousTaxRate, "the promotion has several tax rules but no calculated taxes", line, sku);
                    return;
                }

                _rows.Add(new Row(line, sku, SitooOrderItemKind.Discount, 1m, rate.Value, -amount));
                Record(line, AllocationMethod.DiscountProduct, amount, [new AllocationShare(line.Id, sku, amount)]);
                ShareDiscountRow(line, amount);
                return;
            }

            // One row per VAT rate keeps the VAT of the discount exact; the rounding remainder goes to the largest part.
            var parts = line.Price.CalculatedTaxes
                .GroupBy(tax => tax.TaxRate)
                .Select(group => (Rate: group.Key, Gross: -group.Sum(tax => order.TaxStatus == ShopwareTaxStatus.Net ? tax.Price + tax.Tax : tax.Price)))
                .ToList();
            var shares = parts.Sum(part => part.Gross) > 0
                ? ProportionalAllocator.Allocate(amount, parts.Select(part => Math.Max(0m, part.Gross)).ToList(), _precision)
                : [amount];
            var recorded = new List<AllocationShare>();
            for (var i = 0; i < shares.Length; i++)
            {
                _rows.Add(new Row(line, sku, SitooOrderItemKind.Discount, 1m, parts[i].Rate, -shares[i]));
                recorded.Add(new AllocationShare(line.Id, sku, shares[i]));
            }

            Record(line, AllocationMethod.DiscountProduct, amount, recorded);
            ShareDiscountRow(line, amount);
        }

        /// <summary>Records which product lines a discount-product promotion covers, so returns can refund a line's part of it.</summary>
        private void ShareDiscountRow(ShopwareLineSnapshot line, decimal amount)
        {
            if (amount == 0 || SpreadTargets(line) is not var (targets, weights, _))
            {
                return;
            }

            var shares = ProportionalAllocator.Allocate(amount, weights, _precision);
            for (var i = 0; i < shares.Length; i++)
            {
                _discountRowShares[targets[i].Line.Id] = _discountRowShares.GetValueOrDefault(targets[i].Line.Id) + shares[i];
            }
        }

        private void CheckDiscounts()
        {
            foreach (var row in _rows.Where(row => row.Discount > Math.Max(0m, row.Gross)))
            {
                Fail(
                    OrderTranslationReason.DiscountExceedsLine,
                    $"promotions take {Money(row.Discount)} off a line worth {Money(row.Gross)}",
                    row.Line,
                    row.Sku);
            }
        }

        private SitooDeliveryMoney Delivery()
        {
            var shippingGross = GrossOf(order.ShippingCosts);
            var gross = shippingGross - _deliveryDiscount;
            if (gross < 0)
            {
                _failures.Add(new OrderTranslationFailure(
                    OrderTranslationReason.DiscountExceedsLine,
                    $"delivery promotions take {Money(_deliveryDiscount)} off shipping of {Money(shippingGross)}"));
                return SitooDeliveryMoney.None;
            }

            var parts = ShippingParts(shippingGross);
            if (gross == 0 || parts.Count == 0)
            {
                return SitooDeliveryMoney.None;
            }

            // The parts take the shipping (after delivery promotions) in proportion, and each part's VAT follows its gross.
            var grosses = ProportionalAllocator.Allocate(gross, [.. parts.Select(part => Math.Max(0m, part.Gross))], _precision);
            return new SitooDeliveryMoney([.. parts
                .Select((part, i) => new SitooDeliveryPart(part.VatRate, grosses[i], part.Gross == 0 ? 0m : _precision.Round(part.Vat * grosses[i] / part.Gross)))
                .Where(part => part.Gross != 0)]);
        }

        /// <summary>
        /// Shipping as charged, one part per rate of <c>shippingCosts.calculatedTaxes</c> (Shopware taxes shipping at
        /// several rates when it follows the cart's rates); without calculated taxes, the single tax rule's rate.
        /// </summary>
        private List<SitooDeliveryPart> ShippingParts(decimal shippingGross)
        {
            var costs = order.ShippingCosts;
            if (order.TaxStatus == ShopwareTaxStatus.TaxFree || costs.CalculatedTaxes.Count == 0)
            {
                if (SingleTaxRate(costs) is not { } rate)
                {
                    _failures.Add(new OrderTranslationFailure(
                        OrderTranslationReason.AmbiguousTaxRate, "shipping has several tax rules but no calculated taxes, so its VAT per rate is unknown"));
                    return [];
                }

                return [new SitooDeliveryPart(rate, shippingGross, _precision.Round(shippingGross * rate / (100m + rate)))];
            }

            return [.. costs.CalculatedTaxes
                .GroupBy(tax => tax.TaxRate)
                .OrderByDescending(group => group.Key)
                .Select(group => new SitooDeliveryPart(
                    group.Key,
                    group.Sum(tax => order.TaxStatus == ShopwareTaxStatus.Net ? tax.Price + tax.Tax : tax.Price),
                    group.Sum(tax => tax.Tax)))];
        }

        /// <summary>
        /// Makes the rows add up to the Shopware raw total (<c>price.rawTotal</c>, before cash rounding). A gross order
        /// adds up exactly, and so does a net order under Shopware's default (horizontal) tax calculation, whose order
        /// tax is the sum of the line taxes the rows carry. Under the vertical calculation Shopware rounds each rate's
        /// tax once for the whole order, which can differ from the rows by that rounding (half a minor unit) and the
        /// shipping tax's own (as much again): one minor unit per VAT rate, however many lines the order has. Line
        /// roundings that pile up beyond that, or any larger difference, fail rather than have a line silently altered.
        /// </summary>
        private AllocationShare? BalanceToTotal(SitooDeliveryMoney delivery)
        {
            var expected = _precision.Round(order.RawTotal ?? order.AmountTotal);
            var actual = _rows.Sum(row => row.Gross - row.Discount) + delivery.TotalGross;
            var difference = expected - actual;
            if (difference == 0)
            {
                return null;
            }

            var rates = _rows.Select(row => row.VatRate).Concat(delivery.Parts.Select(part => part.VatRate)).Distinct().Count();
            var tolerance = _precision.MinorUnit * Math.Max(1, rates);
            var largest = _rows
                .Where(row => row.Kind == SitooOrderItemKind.Product)
                .OrderByDescending(row => row.Gross - row.Discount)
                .FirstOrDefault();
            if (Math.Abs(difference) > tolerance || largest is null)
            {
                _failures.Add(new OrderTranslationFailure(
                    OrderTranslationReason.TotalMismatch,
                    $"the lines and shipping add up to {Money(actual)}, the Shopware order total before cash rounding is {Money(expected)}"));
                return null;
            }

            largest.Gross += difference;
            return new AllocationShare(largest.Line.Id, largest.Sku, difference);
        }

        /// <summary>
        /// The cash rounding (<c>amountTotal − price.rawTotal</c>): at most half the <c>totalRounding</c> interval, as
        /// rounding to the nearest step gives, and carried by a payment, since Sitoo derives its round-off from them.
        /// </summary>
        private decimal RoundOff()
        {
            var roundOff = order.AmountTotal - (order.RawTotal ?? order.AmountTotal);
            if (roundOff == 0)
            {
                return 0m;
            }

            var interval = order.TotalRounding?.Interval ?? 0m;
            if (Math.Abs(roundOff) * 2 > interval || CurrencyPrecision.Cents.Round(roundOff) != roundOff)
            {
                _failures.Add(new OrderTranslationFailure(
                    OrderTranslationReason.TotalMismatch,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"the total {Money(order.AmountTotal)} differs from the raw total {Money(order.RawTotal ?? 0m)} by more than rounding to the total interval {interval} gives")));
            }
            else if (order.Payment is null)
            {
                _failures.Add(new OrderTranslationFailure(
                    OrderTranslationReason.TotalMismatch,
                    $"the total is cash-rounded by {Money(roundOff)}, but the order has no payment transaction to carry the round-off to Sitoo"));
            }

            return roundOff;
        }

        private SitooOrderDraft BuildDraft(SitooDeliveryMoney delivery, decimal roundOff, string? sitooUserId)
        {
            var normalizer = options.ContactNormalizer;
            var additionalData = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["weborder"] = "true",
                ["shopware-orderid"] = order.Id,
            };
            if (sitooUserId is not null)
            {
                additionalData[options.CustomerUserIdKey] = sitooUserId;
            }

            var items = _rows
                .Select(row => new SitooOrderItemDraft(
                    row.Sku, row.Line.Label, row.Quantity, row.Gross, row.Discount, row.VatRate, row.Kind, row.Line.Id))
                .ToList();
            var phone = order.BillingAddress?.PhoneNumber ?? order.ShippingAddress?.PhoneNumber;
            return new SitooOrderDraft(
                order.OrderNumber,
                order.OrderDateTime,
                order.CurrencyIsoCode,
                normalizer.NormalizeEmail(order.Customer.Email) ?? order.Customer.Email.Trim(),
                items,
                delivery)
            {
                PaymentStateId = options.PaymentStateId,
                WarehouseId = options.WarehouseId,
                NameFirst = order.Customer.FirstName,
                NameLast = order.Customer.LastName,
                Company = order.Customer.Company,
                Phone = phone is null ? null : normalizer.NormalizePhone(phone) ?? phone,
                InvoiceAddress = ToSitoo(order.BillingAddress),
                DeliveryAddress = ToSitoo(order.ShippingAddress),
                Comment = order.CustomerComment,
                AdditionalData = additionalData,
                Precision = _precision,
                RoundOff = roundOff,
                Payments = Payments(),
                DiscountRowShares = new Dictionary<string, decimal>(_discountRowShares, StringComparer.Ordinal),
            };
        }

        /// <summary>The online payment: the primary transaction, for the rounded grand total the customer paid.</summary>
        private List<SitooPaymentDraft> Payments()
        {
            if (order.Payment is not { } payment)
            {
                return [];
            }

            var additionalData = new Dictionary<string, string>(StringComparer.Ordinal) { [SitooPaymentDraft.ShopwareOrderIdKey] = order.Id };
            if (payment.MethodTechnicalName is { } technicalName)
            {
                additionalData[SitooPaymentDraft.PaymentMethodKey] = technicalName;
            }

            var name = payment.MethodName ?? payment.MethodTechnicalName ?? SitooPaymentDraft.UnnamedMethod;
            return [new SitooPaymentDraft(name, _precision.Round(order.AmountTotal), payment.TransactionId) { AdditionalData = additionalData }];
        }

        private static SitooAddress? ToSitoo(ShopwareOrderAddress? address) =>
            address is null
                ? null
                : new SitooAddress(address.Street, address.ZipCode, address.City, address.CountryIsoCode)
                {
                    Address2 = address.AdditionalAddressLine1,
                };

        private decimal GrossOf(ShopwarePrice price) =>
            _precision.Round(order.TaxStatus == ShopwareTaxStatus.Net
                ? price.TotalPrice + price.CalculatedTaxes.Sum(tax => tax.Tax)
                : price.TotalPrice);

        private decimal GrossDiscount(decimal discount, decimal vatRate) =>
            order.TaxStatus == ShopwareTaxStatus.Net ? discount * (1m + (vatRate / 100m)) : discount;

        private decimal? SingleTaxRate(ShopwarePrice price)
        {
            if (order.TaxStatus == ShopwareTaxStatus.TaxFree)
            {
                return 0m;
            }

            var rates = price.CalculatedTaxes.Count > 0
                ? price.CalculatedTaxes.Select(tax => tax.TaxRate).Distinct().ToList()
                : price.TaxRuleRates.Distinct().ToList();
            return rates.Count switch
            {
                0 => 0m,
                1 => rates[0],
                _ => null,
            };
        }

        private void Record(ShopwareLineSnapshot line, AllocationMethod method, decimal amount, IReadOnlyList<AllocationShare> shares) =>
            _allocations.Add(new PromotionAllocation(line.Id, line.Label, line.Promotion?.Code, method, amount, shares));

        private void Fail(OrderTranslationReason reason, string rule, ShopwareLineSnapshot line, string? sku) =>
            _failures.Add(new OrderTranslationFailure(reason, rule) { LineId = line.Id, LineLabel = line.Label, Sku = sku });

        private string Money(decimal amount) =>
            amount.ToString("F" + _precision.MinorUnitDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            + " " + order.CurrencyIsoCode;
    }

    /// <summary>A Sitoo item being built from one Shopware line (or one VAT part of a promotion).</summary>
    private sealed class Row(ShopwareLineSnapshot line, string sku, SitooOrderItemKind kind, decimal quantity, decimal vatRate, decimal gross)
    {
        public ShopwareLineSnapshot Line { get; } = line;

        public string Sku { get; } = sku;

        public SitooOrderItemKind Kind { get; } = kind;

        public decimal Quantity { get; } = quantity;

        public decimal VatRate { get; } = vatRate;

        public decimal Gross { get; set; } = gross;

        public decimal Discount { get; set; }
    }
}
