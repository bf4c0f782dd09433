using System.Globalization;
using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.State;

namespace Connectors.Sync.Returns;

/// <summary>
/// Carries the pickup or delivery of an exported web order in Sitoo to Shopware: the delivery is shipped (partially
/// while goods are still to hand over) and the order moves to in progress and, once everything is handed over, to
/// done, as far as Shopware's state machines allow. Every transition is guarded, so a check may run any number of times.
/// </summary>
internal sealed class WebOrderStatusChecker(IConnectorStore store, ISitooClient sitoo, ShopwareOrderStates shopware)
{
    private static readonly string[] _shipped = ["shipped", "returned", "returned_partially", "cancelled"];
    private static readonly string[] _shippedAtLeastPartially = ["shipped_partially", .. _shipped];
    private static readonly string[] _inProgress = ["in_progress", "completed", "cancelled"];
    private static readonly string[] _completed = ["completed", "cancelled"];

    /// <summary>Checks one Sitoo web order.</summary>
    /// <returns>Whether the order needs no further checks (handed over completely, cancelled, or not a connector order).</returns>
    public async Task<bool> CheckAsync(long sitooOrderId, CancellationToken cancellationToken)
    {
        var order = await sitoo.Orders.GetAsync(sitooOrderId, cancellationToken).ConfigureAwait(false);
        if (order.OrderState == SitooOrderState.Cancelled)
        {
            // A cancellation travels Shopware → Sitoo; nothing to hand over.
            return true;
        }

        var closed = order.OrderState == SitooOrderState.Closed;
        var link = await store.Links.FindBySitooIdAsync(LinkedEntityType.Order, sitooOrderId.ToString(CultureInfo.InvariantCulture), cancellationToken)
            .ConfigureAwait(false);
        if (link is null)
        {
            // Not linked (yet): the export may still link it; a closed one never will be.
            return closed;
        }

        var handedOver = await HandedOverAsync(order, cancellationToken).ConfigureAwait(false);
        if (handedOver == HandOver.None && !closed)
        {
            return false;
        }

        var complete = closed || handedOver == HandOver.Complete;
        var shopOrder = await shopware.ReadAsync(link.ShopwareId, cancellationToken).ConfigureAwait(false);
        if (shopOrder is null)
        {
            return true;
        }

        var comment = string.Create(CultureInfo.InvariantCulture, $"Handed over in Sitoo (order {sitooOrderId}) (connector)");
        if (ShopwareOrderStates.Delivery(shopOrder) is { } delivery)
        {
            await shopware.EnsureAsync(
                ShopwareTransitionEntity.OrderDelivery,
                delivery.Id,
                delivery.StateMachineState?.TechnicalName,
                complete ? ShopwareTransitionActions.Ship : ShopwareTransitionActions.ShipPartially,
                complete ? _shipped : _shippedAtLeastPartially,
                comment,
                cancellationToken).ConfigureAwait(false);
        }

        var state = shopOrder.StateMachineState?.TechnicalName;
        if (await shopware.EnsureAsync(ShopwareTransitionEntity.Order, shopOrder.Id, state, ShopwareTransitionActions.Process, _inProgress, comment, cancellationToken)
            .ConfigureAwait(false) == TransitionOutcome.Moved)
        {
            state = "in_progress";
        }

        if (complete)
        {
            await shopware.EnsureAsync(ShopwareTransitionEntity.Order, shopOrder.Id, state, ShopwareTransitionActions.Complete, _completed, comment, cancellationToken)
                .ConfigureAwait(false);
        }

        return complete;
    }

    private async Task<HandOver> HandedOverAsync(SitooOrder order, CancellationToken cancellationToken)
    {
        var deliveries = await sitoo.Orders.ListDeliveriesAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
        var delivered = deliveries
            .Where(d => d.DateCancelled is null)
            .SelectMany(d => d.OrderDeliveryItems ?? [])
            .GroupBy(i => i.OrderItemId)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        if (delivered.Values.All(quantity => quantity <= 0))
        {
            return HandOver.None;
        }

        var goods = (order.OrderItems ?? []).Where(i => i.Quantity > 0).ToList();
        return goods.All(i => i.OrderItemId is { } id && delivered.GetValueOrDefault(id) >= i.Quantity) ? HandOver.Complete : HandOver.Partial;
    }

    private enum HandOver
    {
        None,
        Partial,
        Complete,
    }
}
