using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Core.Identity;
using Connectors.Core.Returns;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.State;

namespace Connectors.Sync.Returns;

/// <summary>
/// Moves the money of a store return in Shopware: a capture refund on the payment's capture, with one position per
/// returned line, then completed as settled at the till, or processed so the payment app refunds through the provider.
/// Every step looks at Shopware first, and the refund's id derives from the return, so a replay after a crash
/// between two steps finishes the refund once.
/// </summary>
internal sealed class CaptureRefunds(IShopwareAdminClient shopware, ShopwareOrderStates orders, IRefundSettlementPolicy settlement)
{
    private const string RefundStateMachine = "order_transaction_capture_refund.state";
    private string? _openStateId;

    /// <summary>Refunds <paramref name="plan"/>'s amount for the return <paramref name="returnId"/>.</summary>
    /// <exception cref="SyncProblemException">There is no capture to refund against while the money must go back online, or the provider refused.</exception>
    public async Task RefundAsync(RefundPlan plan, ShopwareOrder order, SitooReturnSnapshot storeReturn, string refundId, long returnId, CancellationToken cancellationToken)
    {
        if (plan.Amount <= 0)
        {
            // Nothing was paid for what came back (e.g. a fully discounted order): no refund record of zero.
            return;
        }

        var how = settlement.Decide(storeReturn, plan.Amount);
        var captures = (ShopwareOrderStates.Payment(order)?.Captures ?? []).Where(capture => capture.StateMachineState?.TechnicalName == "completed").ToList();
        var existing = captures.SelectMany(capture => capture.Refunds ?? []).FirstOrDefault(refund => refund.Id == refundId);
        if (existing is null)
        {
            var capture = captures.FirstOrDefault(capture => Refundable(capture) >= plan.Amount);
            if (capture is null)
            {
                if (how == RefundSettlement.SettledInStore)
                {
                    // The till paid the customer; the payment has no capture to record it against.
                    return;
                }

                throw new SyncProblemException(NoCapture(plan, returnId, captures.Count));
            }

            await CreateAsync(plan, capture.Id, refundId, returnId, how, cancellationToken).ConfigureAwait(false);
        }

        var state = existing?.StateMachineState?.TechnicalName ?? "open";
        if (state == "open")
        {
            if (how == RefundSettlement.SettledInStore)
            {
                await shopware.StateMachine.TransitionAsync(
                    ShopwareTransitionEntity.OrderTransactionCaptureRefund,
                    refundId,
                    ShopwareTransitionActions.Complete,
                    new ShopwareTransitionOptions { InternalComment = $"Paid out at the till (Sitoo return {returnId})." },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }

            await shopware.StateMachine.ProcessCaptureRefundAsync(refundId, cancellationToken).ConfigureAwait(false);
            state = await StateAsync(order.Id, refundId, cancellationToken).ConfigureAwait(false);
        }

        if (state == "failed")
        {
            throw new SyncProblemException(ProviderRefused(plan, returnId, refundId));
        }
    }

    private static decimal Refundable(ShopwareTransactionCapture capture) =>
        (capture.Amount?.TotalPrice ?? 0m) - (capture.Refunds ?? [])
            .Where(refund => refund.StateMachineState?.TechnicalName is not ("failed" or "cancelled"))
            .Sum(refund => refund.Amount?.TotalPrice ?? 0m);

    private async Task CreateAsync(RefundPlan plan, string captureId, string refundId, long returnId, RefundSettlement how, CancellationToken cancellationToken)
    {
        var reason = how == RefundSettlement.SettledInStore ? "Store return, paid out at the till" : "Store return, refunded to the online payment";
        var row = new JsonObject
        {
            ["id"] = refundId,
            ["captureId"] = captureId,
            ["stateId"] = await OpenStateIdAsync(cancellationToken).ConfigureAwait(false),
            ["externalReference"] = string.Create(CultureInfo.InvariantCulture, $"sitoo-return:{returnId}"),
            ["reason"] = reason,
            ["amount"] = Price(plan.Amount, 1),
            ["positions"] = new JsonArray([.. plan.Lines.Where(line => line.Amount > 0).Select(line => (JsonNode?)new JsonObject
            {
                ["id"] = ShopwareIds.FromKey(IdempotencyKey.FromStored("shopware-refund:" + refundId).Append("line", line.ShopwareLineId)),
                ["orderLineItemId"] = line.ShopwareLineId,
                ["quantity"] = (int)line.Quantity,
                ["reason"] = reason,
                ["amount"] = Price(line.Amount, (int)line.Quantity),
            })]),
        };
        await shopware.Sync.ExecuteAsync([ShopwareSyncOperation.Upsert("capture-refund", "order_transaction_capture_refund", [row])], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private static JsonObject Price(decimal total, int quantity) => new()
    {
        ["unitPrice"] = quantity == 0 ? total : total / quantity,
        ["quantity"] = quantity,
        ["totalPrice"] = total,
        ["calculatedTaxes"] = new JsonArray(),
        ["taxRules"] = new JsonArray(),
    };

    // State ids differ per shop; the first refund looks it up (two lookups at once find the same id).
    private async Task<string> OpenStateIdAsync(CancellationToken cancellationToken) =>
        _openStateId ??= await shopware.StateMachine.FindStateIdAsync(RefundStateMachine, "open", cancellationToken).ConfigureAwait(false);

    private async Task<string?> StateAsync(string orderId, string refundId, CancellationToken cancellationToken)
    {
        var order = await orders.ReadAsync(orderId, cancellationToken).ConfigureAwait(false);
        return (ShopwareOrderStates.Payment(order!)?.Captures ?? [])
            .SelectMany(capture => capture.Refunds ?? [])
            .FirstOrDefault(refund => refund.Id == refundId)?.StateMachineState?.TechnicalName;
    }

    private static ExceptionReport NoCapture(RefundPlan plan, long returnId, int captures) => new(
        ReturnReasonCodes.RefundNotRecorded,
        OwningTeam.Finance,
        new EntityReference("shopware-order", plan.OrderNumber),
        string.Create(CultureInfo.InvariantCulture, $"Sitoo return {returnId} of Shopware order {plan.OrderNumber} owes the customer {plan.Amount:0.00} on the online payment, but ")
            + (captures == 0 ? "the payment has no capture to refund against (its payment extension writes none)." : "no capture of the payment has that much left to refund."),
        "Refund the amount in the payment provider's portal (or in Shopware, if the payment app offers it), then resolve.");

    private static ExceptionReport ProviderRefused(RefundPlan plan, long returnId, string refundId) => new(
        ReturnReasonCodes.RefundNotRecorded,
        OwningTeam.Finance,
        new EntityReference("shopware-order", plan.OrderNumber),
        string.Create(CultureInfo.InvariantCulture, $"The payment provider refused the refund of {plan.Amount:0.00} for Sitoo return {returnId} of Shopware order {plan.OrderNumber}: capture refund {refundId} is failed."),
        "Check the refund in the provider's portal; refund by hand if needed, then reopen or cancel the capture refund in Shopware and resolve.");
}
