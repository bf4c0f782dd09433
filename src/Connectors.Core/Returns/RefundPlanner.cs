using System.Globalization;
using Connectors.Core.Orders;

namespace Connectors.Core.Returns;

/// <summary>Whether shipping is refunded with returns.</summary>
public enum ShippingRefund
{
    /// <summary>Shipping is never refunded by a store return.</summary>
    Never,

    /// <summary>Shipping is refunded with the return that completes the order's return.</summary>
    WhenFullyReturned,
}

/// <summary>The policies and settings of return planning.</summary>
public sealed record RefundPlanOptions
{
    /// <summary>Decides how returned goods re-enter stock; by default only through the stock flow.</summary>
    public IRestockPolicy Restock { get; init; } = new StockFlowRestockPolicy();

    /// <summary>Whether shipping is refunded; never by default.</summary>
    public ShippingRefund Shipping { get; init; } = ShippingRefund.Never;
}

/// <summary>
/// Plans the Shopware side of a Sitoo return: refund lines with their share of promotions, the payment and
/// delivery transitions, and the restock decision. Partial and repeated returns are summed per line, and the
/// amount refunded for a line never exceeds what was paid for it.
/// </summary>
/// <param name="options">The policies and settings to apply.</param>
public sealed class RefundPlanner(RefundPlanOptions options)
{
    /// <summary>Plans with the default policies.</summary>
    public RefundPlanner()
        : this(new RefundPlanOptions())
    {
    }

    /// <summary>The options in force.</summary>
    public RefundPlanOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Plans one return.</summary>
    /// <param name="context">The return, its original order and earlier returns.</param>
    /// <returns>The plan, or why there is none.</returns>
    public ReturnPlanResult Plan(ReturnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = context.Return;
        if (current.OriginalOrderId is not { } originalId)
        {
            return new ReturnPlanResult.NotApplicable(ReturnNotApplicableReason.UnlinkedReturn, "the return has no creditorderid");
        }

        if (context.EarlierReturns.Any(earlier => earlier.OrderId == current.OrderId))
        {
            return new ReturnPlanResult.NotApplicable(
                ReturnNotApplicableReason.AlreadyPlanned, $"Sitoo return {current.OrderId} was already planned");
        }

        if (context.Original is null || context.Original.OrderId != originalId)
        {
            return new ReturnPlanResult.Failed(
                ReturnFailureReason.ReturnWithoutOnlineOrder, $"the original Sitoo order {originalId} is not known");
        }

        if (string.IsNullOrEmpty(context.Original.ExternalId))
        {
            return new ReturnPlanResult.NotApplicable(
                ReturnNotApplicableReason.PosOnlySale, $"Sitoo order {originalId} has no externalid: it is not an online order");
        }

        if (context.Exported is not { } exported
            || exported.SitooOrderId != originalId
            || !string.Equals(exported.Order.OrderNumber, context.Original.ExternalId, StringComparison.Ordinal))
        {
            return new ReturnPlanResult.Failed(
                ReturnFailureReason.ReturnWithoutOnlineOrder,
                $"Shopware order {context.Original.ExternalId} (Sitoo order {originalId}) is not known to the connector yet");
        }

        var returned = current.Items.Where(item => item.Quantity < 0).ToList();
        if (returned.Count == 0)
        {
            return new ReturnPlanResult.NotApplicable(ReturnNotApplicableReason.NoReturnedItems, "the order returns no goods");
        }

        var ledger = new ReturnLedger(exported, exported.Draft.Precision);
        foreach (var earlier in context.EarlierReturns.OrderBy(earlier => earlier.OrderId))
        {
            // Earlier returns were refunded already; replaying them rebuilds the quantities returned per line.
            foreach (var item in earlier.Items.Where(item => item.Quantity < 0))
            {
                ledger.Assign(item, commit: true);
            }
        }

        return PlanCurrent(ledger, exported, returned, context.Payment);
    }

    private ReturnPlanResult PlanCurrent(ReturnLedger ledger, ExportedOrder exported, List<SitooReturnItem> returned, CapturedPayment? payment)
    {
        var refundedBefore = ledger.RefundedTotal();
        var lines = new List<RefundLine>();
        var restock = new List<RestockInstruction>();
        foreach (var item in returned)
        {
            var assignment = ledger.Assign(item, commit: false);
            if (assignment.Failure is { } failure)
            {
                return failure;
            }

            foreach (var (line, quantity) in assignment.Parts)
            {
                var refundLine = line.Refund(quantity);
                line.Returned += quantity;
                lines.Add(refundLine);
                restock.Add(Options.Restock.Decide(item, refundLine));
            }
        }

        var fullyReturned = ledger.FullyReturned;
        var shipping = fullyReturned && Options.Shipping == ShippingRefund.WhenFullyReturned
            ? exported.Draft.Delivery.TotalGross
            : 0m;
        var amount = lines.Sum(line => line.Amount) + shipping;
        if (payment is not null && amount > payment.Refundable)
        {
            return new ReturnPlanResult.Failed(
                ReturnFailureReason.RefundExceedsCaptured,
                string.Create(CultureInfo.InvariantCulture, $"refunding {amount} would exceed what the payment holds: {payment.Captured} captured, {payment.Refunded} refunded already"));
        }

        var refundedAfter = refundedBefore + amount;
        var fullyRefunded = payment is not null
            ? payment.Refunded + amount >= payment.Captured
            : refundedAfter >= exported.Draft.Precision.Round(exported.Order.AmountTotal);
        var paymentAction = fullyRefunded ? PaymentRefundAction.Refund : PaymentRefundAction.RefundPartially;
        var deliveryAction = fullyReturned ? DeliveryReturnAction.Retour : DeliveryReturnAction.RetourPartially;
        return new ReturnPlanResult.Planned(new RefundPlan(
            exported.Order.Id, exported.Order.OrderNumber, lines, shipping, paymentAction, deliveryAction, restock));
    }

    /// <summary>The product lines of the exported order with what was paid and returned for each.</summary>
    private sealed class ReturnLedger
    {
        private readonly List<PaidLine> _lines;
        private readonly IReadOnlyList<SitooOrderItemDraft> _items;

        public ReturnLedger(ExportedOrder exported, CurrencyPrecision precision)
        {
            _items = exported.Draft.Items;
            var products = _items
                .Select((item, index) => (Item: item, Index: index))
                .Where(entry => entry.Item.Kind == SitooOrderItemKind.Product)
                .ToList();

            // Promotions on discount product rows and credits on service rows reduce what the goods cost: a returned
            // line refunds what was paid for it after them, so the refunds of a full return add up to what was paid.
            var discounts = DiscountShares(exported.Draft, products.Select(entry => entry.Item).ToList(), precision);
            var afterDiscounts = products.Select((entry, i) => Math.Max(0m, entry.Item.PaidGross - discounts[i])).ToList();
            var credits = -_items.Where(item => item.Kind == SitooOrderItemKind.Service && item.PaidGross < 0).Sum(item => item.PaidGross);
            var creditShares = credits > 0 && afterDiscounts.Sum() > 0
                ? ProportionalAllocator.Allocate(Math.Min(credits, afterDiscounts.Sum()), afterDiscounts, precision)
                : new decimal[products.Count];
            _lines = products
                .Select((entry, i) => new PaidLine(
                    entry.Index,
                    entry.Item,
                    Math.Max(0m, afterDiscounts[i] - creditShares[i]),
                    entry.Item.MoneyRowDiscount + discounts[i] + creditShares[i],
                    precision))
                .ToList();
        }

        // The export records which product lines a discount row covers; orders exported before spread it by paid value.
        private static decimal[] DiscountShares(SitooOrderDraft draft, List<SitooOrderItemDraft> products, CurrencyPrecision precision)
        {
            if (draft.DiscountRowShares.Count > 0)
            {
                return [.. products.Select(item => draft.DiscountRowShares.TryGetValue(item.SourceLineId, out var share) ? share : 0m)];
            }

            var discountRows = -draft.Items.Where(item => item.Kind == SitooOrderItemKind.Discount).Sum(item => item.PaidGross);
            var weights = products.Select(item => Math.Max(0m, item.PaidGross)).ToList();
            return discountRows > 0 && weights.Sum() > 0
                ? ProportionalAllocator.Allocate(discountRows, weights, precision)
                : new decimal[products.Count];
        }

        public bool FullyReturned => _lines.All(line => line.Returned >= line.Item.Quantity);

        public decimal RefundedTotal() => _lines.Sum(line => line.RefundedFor(line.Returned));

        public Assignment Assign(SitooReturnItem item, bool commit)
        {
            var wanted = -item.Quantity;
            var parts = new List<(PaidLine Line, decimal Quantity)>();
            if (item.OriginalOrderItemId is { } originalItemId)
            {
                var line = _lines.FirstOrDefault(candidate => candidate.Index == originalItemId);
                if (line is null || !string.Equals(line.Item.Sku, item.Sku, StringComparison.Ordinal))
                {
                    return Unmatched(item, $"original order item {originalItemId} is not a product line with SKU '{item.Sku}'");
                }

                parts.Add((line, Math.Min(wanted, line.Remaining)));
            }
            else
            {
                var candidates = _lines.Where(line => string.Equals(line.Item.Sku, item.Sku, StringComparison.Ordinal)).ToList();
                if (candidates.Count == 0)
                {
                    return Unmatched(item, $"SKU '{item.Sku}' is not a product line of the original order");
                }

                var left = wanted;
                foreach (var line in candidates.Where(line => line.Remaining > 0))
                {
                    var take = Math.Min(left, line.Remaining);
                    parts.Add((line, take));
                    left -= take;
                    if (left == 0)
                    {
                        break;
                    }
                }
            }

            var assigned = parts.Sum(part => part.Quantity);
            if (commit)
            {
                foreach (var (line, quantity) in parts)
                {
                    line.Returned += quantity;
                }

                return new Assignment(parts, null);
            }

            if (assigned < wanted)
            {
                var bought = _lines.Where(line => string.Equals(line.Item.Sku, item.Sku, StringComparison.Ordinal)).Sum(line => line.Item.Quantity);
                return new Assignment([], new ReturnPlanResult.Failed(
                    ReturnFailureReason.OverReturn,
                    $"returning {Format(wanted)} of SKU '{item.Sku}' exceeds what is left to return ({Format(assigned)} of {Format(bought)} bought)")
                {
                    ReturnItemId = item.OrderItemId,
                    Sku = item.Sku,
                });
            }

            return new Assignment(parts.Where(part => part.Quantity > 0).ToList(), null);
        }

        private static Assignment Unmatched(SitooReturnItem item, string rule) =>
            new([], new ReturnPlanResult.Failed(ReturnFailureReason.UnmatchedReturnLine, rule)
            {
                ReturnItemId = item.OrderItemId,
                Sku = item.Sku,
            });

        private static string Format(decimal quantity) => quantity.ToString("0.###", CultureInfo.InvariantCulture);
    }

    private sealed record Assignment(List<(PaidLine Line, decimal Quantity)> Parts, ReturnPlanResult.Failed? Failure);

    /// <summary>
    /// One product line: refunds are computed from cumulative quantities, so any sequence of partial returns adds up
    /// to exactly what was paid and never more.
    /// </summary>
    private sealed class PaidLine(int index, SitooOrderItemDraft item, decimal paid, decimal promotions, CurrencyPrecision precision)
    {
        public int Index { get; } = index;

        public SitooOrderItemDraft Item { get; } = item;

        public decimal Returned { get; set; }

        public decimal Remaining => Item.Quantity - Returned;

        public decimal RefundedFor(decimal quantity) => precision.Round(paid * quantity / Item.Quantity);

        public RefundLine Refund(decimal quantity)
        {
            var amount = RefundedFor(Returned + quantity) - RefundedFor(Returned);
            var promotionShare = precision.Round(promotions * (Returned + quantity) / Item.Quantity)
                - precision.Round(promotions * Returned / Item.Quantity);
            return new RefundLine(Item.SourceLineId, Item.Sku, quantity, amount, promotionShare);
        }
    }
}
