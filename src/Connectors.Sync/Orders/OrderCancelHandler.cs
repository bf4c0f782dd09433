using System.Globalization;
using Connectors.Core.Identity;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Orders;

/// <summary>
/// Carries a Shopware cancellation to Sitoo: the exported order's holds are marked as cancelling, the order is cancelled
/// there (its reservation ends), and the holds go in one unit of work with the completed item. An order cancelled after
/// Sitoo handed its goods over cannot be cancelled there: Shopware put its units back on its stock, so they are
/// attributed and the products written again (they left a Sitoo warehouse), and the case goes to the retail team.
/// An order cancelled before export has no Sitoo order and nothing to release (the export then finds it cancelled).
/// </summary>
internal sealed class OrderCancelHandler(
    IConnectorStore store,
    ISitooClient sitoo,
    ShopwareOrderReader reader,
    OrderStockEffects effects,
    IClock clock) : IWorkHandler
{
    public string Kind => OrderWork.CancelKind;

    public Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken) =>
        EachItem.HandleAsync(items, settle, item => CancelAsync(item, cancellationToken), item => OrderWork.Entity(item.Payload), cancellationToken);

    private async Task CancelAsync(WorkItem item, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("orders.cancel");
        var orderId = item.Payload;
        var order = await reader.FindByIdAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw OrderProblems.OrderGone(orderId);
        var number = order.OrderNumber ?? orderId;
        var ordered = ShopwareOrderReader.ProductQuantities(order);
        if (await store.Links.FindByShopwareIdAsync(LinkedEntityType.Order, orderId, cancellationToken).ConfigureAwait(false) is not { } link)
        {
            // Never created in Sitoo (its export failed and was parked): only a hold recorded before the create goes.
            await InUnitAsync(
                async unit =>
                {
                    await OrderStockEffects.DropHoldsAsync(unit, number, ordered.Keys, cancellationToken).ConfigureAwait(false);
                    await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return;
        }

        var sitooOrderId = long.Parse(link.SitooId, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var sitooOrder = await sitoo.Orders.GetAsync(sitooOrderId, cancellationToken).ConfigureAwait(false);
        if (sitooOrder.OrderState == SitooOrderState.Closed)
        {
            await ReleaseHandedOverAsync(orderId, number, ordered, cancellationToken).ConfigureAwait(false);
            throw OrderProblems.AlreadyHandedOver(number, sitooOrderId);
        }

        // Checked first, so a retry after a crash does not write the state twice.
        if (sitooOrder.OrderState != SitooOrderState.Cancelled)
        {
            await InUnitAsync(unit => OrderStockEffects.MarkCancellingAsync(unit, number, ordered.Keys, cancellationToken), cancellationToken).ConfigureAwait(false);
            await sitoo.Orders.UpdateStateAsync(sitooOrderId, SitooOrderState.Cancelled, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var readings = await effects.ReadAfterCancelAsync([.. ordered.Keys], cancellationToken).ConfigureAwait(false);
        await InUnitAsync(
            async unit =>
            {
                await effects.ReleaseAsync(unit, number, ordered, handedOver: true, readings, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases a handed-over order once, however often its parked cancellation is retried.</summary>
    private async Task ReleaseHandedOverAsync(string orderId, string number, IReadOnlyDictionary<string, int> ordered, CancellationToken cancellationToken)
    {
        var readings = await effects.ReadAfterCancelAsync([.. ordered.Keys], cancellationToken).ConfigureAwait(false);
        await InUnitAsync(
            async unit =>
            {
                if (await unit.Ledger.TryMarkAppliedAsync(IdempotencyKey.ShopwareOrder(orderId).Append("cancelled-after-handover").Value, cancellationToken).ConfigureAwait(false))
                {
                    await effects.ReleaseAsync(unit, number, ordered, handedOver: true, readings, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task InUnitAsync(Func<IUnitOfWork, Task> work, CancellationToken cancellationToken)
    {
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await work(unit).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
