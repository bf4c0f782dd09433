using System.Globalization;
using Connectors.Core.Returns;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.State;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Returns;

/// <summary>
/// Carries a Sitoo store return of an online order to Shopware: plans it with <see cref="RefundPlanner"/>, then runs
/// the payment refund and the delivery return transitions, each only if Shopware is not there yet. The returned goods
/// come back to Shopware's stock through the stock flow (Sitoo's refund transaction), never from here.
/// </summary>
internal sealed class ReturnRefundHandler(
    IConnectorStore store,
    ReturnContextReader reader,
    ShopwareOrderStates shopware,
    CaptureRefunds money,
    RefundPlanner planner,
    StockIntakeSettings sitooSite,
    ReturnSyncSettings settings,
    RetrySchedule retries,
    IClock clock,
    EngineTelemetry telemetry) : IWorkHandler
{
    /// <summary>The work item kind of a return's refund.</summary>
    public const string WorkKind = "returns.refund";

    private static readonly string[] _refunded = ["refunded"];
    private static readonly string[] _refundedAtLeastPartially = ["refunded", "refunded_partially"];
    private static readonly string[] _returned = ["returned"];
    private static readonly string[] _returnedAtLeastPartially = ["returned", "returned_partially"];

    public string Kind => WorkKind;

    public Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken) =>
        EachItem.HandleAsync(items, settle, item => HandleOneAsync(item, settle, cancellationToken), Entity, cancellationToken);

    private static EntityReference Entity(WorkItem item) => new("sitoo-return", item.Payload);

    private async Task HandleOneAsync(WorkItem item, WorkSettler settle, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("returns.refund");
        var returnId = long.Parse(item.Payload, NumberStyles.None, CultureInfo.InvariantCulture);
        var loaded = await reader.ReadAsync(returnId, cancellationToken).ConfigureAwait(false);
        switch (planner.Plan(loaded.Context))
        {
            case ReturnPlanResult.NotApplicable skipped:
                // Most returns are POS returns: nothing to refund in Shopware, not a problem.
                activity?.SetTag("skipped", skipped.Reason.ToString());
                await CompleteAsync(item, refunded: false, [], cancellationToken).ConfigureAwait(false);
                break;
            case ReturnPlanResult.Failed { MayResolveLater: true } waiting:
                await WaitForOnlineOrderAsync(item, waiting, settle, cancellationToken).ConfigureAwait(false);
                break;
            case ReturnPlanResult.Failed failed:
                throw new SyncProblemException(Problem(item, failed));
            case ReturnPlanResult.Planned planned:
                var order = loaded.ShopwareOrder ?? throw new InvalidOperationException("A plan needs the Shopware order it was made for.");
                await money.RefundAsync(planned.Plan, order, loaded.Context.Return, reader.CaptureRefundId(returnId), returnId, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(planned.Plan, order, returnId, cancellationToken).ConfigureAwait(false);
                await CompleteAsync(item, refunded: true, RestockProblems(item, planned.Plan), cancellationToken).ConfigureAwait(false);
                telemetry.FactsApplied("refunds", 1);
                break;
        }
    }

    private async Task ExecuteAsync(RefundPlan plan, ShopwareOrder order, long returnId, CancellationToken cancellationToken)
    {
        var comment = string.Create(
            CultureInfo.InvariantCulture, $"Sitoo return {returnId}: {plan.Lines.Sum(l => l.Quantity):0.###} item(s), {plan.Amount:0.00} refunded (connector)");
        var payment = ShopwareOrderStates.Payment(order)
            ?? throw new SyncProblemException(NotAllowed(plan, "the order has no payment transaction to refund"));
        var paymentAction = plan.PaymentAction.ToActionName();
        var paid = await shopware.EnsureAsync(
            ShopwareTransitionEntity.OrderTransaction,
            payment.Id,
            payment.StateMachineState?.TechnicalName,
            paymentAction,
            plan.PaymentAction == PaymentRefundAction.Refund ? _refunded : _refundedAtLeastPartially,
            comment,
            cancellationToken).ConfigureAwait(false);
        if (paid == TransitionOutcome.NotAllowed)
        {
            throw new SyncProblemException(NotAllowed(plan, $"its payment is '{payment.StateMachineState?.TechnicalName}', which allows no '{paymentAction}'"));
        }

        if (ShopwareOrderStates.Delivery(order) is not { } delivery)
        {
            return;
        }

        var deliveryAction = plan.DeliveryAction.ToActionName();
        var reached = plan.DeliveryAction == DeliveryReturnAction.Retour ? _returned : _returnedAtLeastPartially;
        var state = delivery.StateMachineState?.TechnicalName;
        var returned = await shopware.EnsureAsync(
            ShopwareTransitionEntity.OrderDelivery, delivery.Id, state, deliveryAction, reached, comment, cancellationToken).ConfigureAwait(false);
        if (returned == TransitionOutcome.NotAllowed && state == "open")
        {
            // The goods came back, so the customer had them: the hand-over happened outside Shopware (e.g. picked up in store).
            await shopware.EnsureAsync(
                ShopwareTransitionEntity.OrderDelivery, delivery.Id, state, ShopwareTransitionActions.Ship, ["shipped"], comment, cancellationToken).ConfigureAwait(false);
            returned = await shopware.EnsureAsync(
                ShopwareTransitionEntity.OrderDelivery, delivery.Id, "shipped", deliveryAction, reached, comment, cancellationToken).ConfigureAwait(false);
        }

        if (returned == TransitionOutcome.NotAllowed)
        {
            throw new SyncProblemException(NotAllowed(plan, $"its delivery is '{state}', which allows no '{deliveryAction}'"));
        }
    }

    /// <summary>Completes the item; a carried-out refund is remembered so later returns of the order count it.</summary>
    private async Task CompleteAsync(WorkItem item, bool refunded, IReadOnlyList<ExceptionReport> problems, CancellationToken cancellationToken)
    {
        var lease = item.Lease ?? throw new InvalidOperationException($"Work item '{item.Key}' is not claimed.");
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        if (refunded)
        {
            await unit.Ledger.TryMarkAppliedAsync(SitooOrderPoller.RefundKey(sitooSite, long.Parse(item.Payload, CultureInfo.InvariantCulture)), cancellationToken)
                .ConfigureAwait(false);
        }

        foreach (var problem in problems)
        {
            await unit.Exceptions.RecordAsync(problem, cancellationToken).ConfigureAwait(false);
        }

        await unit.WorkItems.CompleteAsync(lease, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var problem in problems)
        {
            telemetry.ExceptionRecorded(problem.ReasonCode);
        }
    }

    /// <summary>Tries again later with the reason on the item; after the configured attempts it becomes an exception for retail.</summary>
    private async Task WaitForOnlineOrderAsync(WorkItem item, ReturnPlanResult.Failed waiting, WorkSettler settle, CancellationToken cancellationToken)
    {
        if (item.Attempts >= settings.WaitForOnlineOrderAttempts)
        {
            await settle.FailedAsync(item, new SyncProblemException(Problem(item, waiting)), Entity(item), cancellationToken).ConfigureAwait(false);
            return;
        }

        var lease = item.Lease ?? throw new InvalidOperationException($"Work item '{item.Key}' is not claimed.");
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var retryAt = clock.GetCurrentInstant() + retries.DelayFor(item.Attempts, null);
        await unit.WorkItems.FailAsync(lease, "Waiting for the online order: " + waiting.Rule, retryAt, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ExceptionReport Problem(WorkItem item, ReturnPlanResult.Failed failed)
    {
        var entity = Entity(item);
        var line = failed.Sku is null ? string.Empty : $" (SKU {failed.Sku})";
        return failed.Reason switch
        {
            ReturnFailureReason.OverReturn => new ExceptionReport(
                ReasonCodes.OverReturn,
                OwningTeam.Finance,
                entity,
                $"Sitoo return {item.Payload} was not refunded in Shopware: {failed.Rule}.",
                "Check the return in Sitoo against what the customer bought; refund any amount still due by hand in Shopware, then resolve."),
            ReturnFailureReason.RefundExceedsCaptured => new ExceptionReport(
                ReturnReasonCodes.RefundNotRecorded,
                OwningTeam.Finance,
                entity,
                $"Sitoo return {item.Payload} was not refunded in Shopware: {failed.Rule}.",
                "Compare the refunds in Shopware (and the provider's portal) with the returns in Sitoo; refund any amount still due by hand, then resolve."),
            ReturnFailureReason.ReturnWithoutOnlineOrder => new ExceptionReport(
                ReasonCodes.ReturnWithoutOnlineOrder,
                OwningTeam.Retail,
                entity,
                $"Sitoo return {item.Payload} was not refunded in Shopware: {failed.Rule}.",
                "Make sure the online order is exported to Sitoo (see the order export's exceptions), then retry; or refund it by hand in Shopware and resolve."),
            _ => new ExceptionReport(
                ReturnReasonCodes.UnmatchedReturnLine,
                OwningTeam.Retail,
                entity,
                $"Sitoo return {item.Payload} was not refunded in Shopware: {failed.Rule}{line}.",
                "Correct the return in Sitoo so that it names the product line bought (or refund by hand in Shopware), then retry or resolve."),
        };
    }

    private static ExceptionReport NotAllowed(RefundPlan plan, string why) => new(
        ReturnReasonCodes.RefundNotAllowed,
        OwningTeam.Finance,
        new EntityReference("shopware-order", plan.OrderNumber),
        $"Shopware order {plan.OrderNumber} cannot record the store return ({plan.Amount.ToString("0.00", CultureInfo.InvariantCulture)}): {why}.",
        "Bring the order's payment and delivery into a state that allows a refund (e.g. paid, shipped) in Shopware, then retry.");

    /// <summary>The restock decisions the connector does not carry out: the default policy sends every item through the stock flow.</summary>
    private static List<ExceptionReport> RestockProblems(WorkItem item, RefundPlan plan) =>
    [
        .. plan.Restock.Where(r => r.Route == RestockRoute.ShopwareDirect).Select(r => new ExceptionReport(
            ReturnReasonCodes.RestockNotApplied,
            OwningTeam.Ecommerce,
            new EntityReference("sku", r.Sku),
            string.Create(CultureInfo.InvariantCulture, $"Sitoo return {item.Payload}: the restock policy sends {r.Quantity:0.###} of {r.Sku} straight back to Shopware, which the connector does not write."),
            "Add the quantity to the product's stock in Shopware by hand (or use a restock policy that goes through the stock flow), then resolve.")),
    ];
}
