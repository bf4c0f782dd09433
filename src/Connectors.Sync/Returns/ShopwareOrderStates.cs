using Connectors.Shopware;
using Connectors.Shopware.Models;

namespace Connectors.Sync.Returns;

/// <summary>What a guarded transition did.</summary>
internal enum TransitionOutcome
{
    /// <summary>The entity was in (or beyond) the wanted state already; nothing was sent.</summary>
    AlreadyThere,

    /// <summary>The transition was run.</summary>
    Moved,

    /// <summary>The state machine does not allow the action from the current state; nothing was sent.</summary>
    NotAllowed,
}

/// <summary>
/// Reads a Shopware order's states and moves them idempotently: before each transition the current state and the
/// allowed actions are read again, so a retry after a crash never runs a transition twice.
/// </summary>
internal sealed class ShopwareOrderStates(IShopwareAdminClient shopware)
{
    /// <summary>Reads an order with its line items, payment and delivery states; <see langword="null"/> when it does not exist.</summary>
    public async Task<ShopwareOrder?> ReadAsync(string orderId, CancellationToken cancellationToken)
    {
        var found = await shopware.Orders.SearchAsync(ShopwareCriteria.ForOrderDetails().Ids(orderId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.Items.Count > 0 ? found.Items[0] : null;
    }

    /// <summary>The payment the order is settled by: the primary transaction, else the newest.</summary>
    public static ShopwareOrderTransaction? Payment(ShopwareOrder order)
    {
        var transactions = order.Transactions ?? [];
        return transactions.FirstOrDefault(t => t.Id == order.PrimaryOrderTransactionId)
            ?? transactions.OrderBy(t => t.CreatedAt).LastOrDefault();
    }

    /// <summary>The order's delivery: the primary one, else the first; <see langword="null"/> for an order without one (digital goods).</summary>
    public static ShopwareOrderDelivery? Delivery(ShopwareOrder order)
    {
        var deliveries = order.Deliveries ?? [];
        return deliveries.FirstOrDefault(d => d.Id == order.PrimaryOrderDeliveryId) ?? (deliveries.Count > 0 ? deliveries[0] : null);
    }

    /// <summary>
    /// Runs <paramref name="action"/> unless the entity's current state is one of <paramref name="reached"/> or the
    /// action is not allowed now.
    /// </summary>
    /// <param name="entity">Order, payment or delivery.</param>
    /// <param name="entityId">Its id.</param>
    /// <param name="currentState">Its state as just read.</param>
    /// <param name="action">The action to run.</param>
    /// <param name="reached">States in which the action's effect is already there.</param>
    /// <param name="comment">The internal comment stored with the transition.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<TransitionOutcome> EnsureAsync(
        ShopwareTransitionEntity entity,
        string entityId,
        string? currentState,
        string action,
        IReadOnlyCollection<string> reached,
        string comment,
        CancellationToken cancellationToken)
    {
        if (currentState is not null && reached.Contains(currentState))
        {
            return TransitionOutcome.AlreadyThere;
        }

        var allowed = await shopware.StateMachine.GetAvailableTransitionsAsync(entity, entityId, cancellationToken).ConfigureAwait(false);
        if (!allowed.Any(t => t.ActionName == action))
        {
            return TransitionOutcome.NotAllowed;
        }

        await shopware.StateMachine.TransitionAsync(
            entity, entityId, action, new ShopwareTransitionOptions { InternalComment = comment }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return TransitionOutcome.Moved;
    }
}
