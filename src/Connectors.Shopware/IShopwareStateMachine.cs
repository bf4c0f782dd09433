using Connectors.Shopware.Models;

namespace Connectors.Shopware;

/// <summary>The entities whose state the client can change.</summary>
public enum ShopwareTransitionEntity
{
    /// <summary><c>order</c> (states open, in_progress, completed, cancelled).</summary>
    Order,

    /// <summary><c>order_transaction</c>: the payment state.</summary>
    OrderTransaction,

    /// <summary><c>order_delivery</c>: the delivery state.</summary>
    OrderDelivery,

    /// <summary><c>order_transaction_capture_refund</c>: a refund of a capture (open, in progress, completed, failed, cancelled).</summary>
    OrderTransactionCaptureRefund,
}

/// <summary>Options of a state transition.</summary>
public sealed record ShopwareTransitionOptions
{
    /// <summary>Send the state mail; off by default (Shopware's own default is on).</summary>
    public bool SendMail { get; init; }

    /// <summary>Documents to attach to the mail.</summary>
    public IReadOnlyList<string> DocumentIds { get; init; } = [];

    /// <summary>Media to attach to the mail.</summary>
    public IReadOnlyList<string> MediaIds { get; init; } = [];

    /// <summary>Internal comment stored with the transition.</summary>
    public string? InternalComment { get; init; }
}

/// <summary>Action names of Shopware's order, payment and delivery state machines (the URL takes the action, not the target state).</summary>
public static class ShopwareTransitionActions
{
    /// <summary>Order: open → in_progress.</summary>
    public const string Process = "process";

    /// <summary>Order: in_progress → completed.</summary>
    public const string Complete = "complete";

    /// <summary>Order, payment or delivery → cancelled.</summary>
    public const string Cancel = "cancel";

    /// <summary>Back to open.</summary>
    public const string Reopen = "reopen";

    /// <summary>Payment → paid.</summary>
    public const string Pay = "pay";

    /// <summary>Payment → paid_partially.</summary>
    public const string PayPartially = "pay_partially";

    /// <summary>Payment → authorized.</summary>
    public const string Authorize = "authorize";

    /// <summary>Payment → failed.</summary>
    public const string Fail = "fail";

    /// <summary>Payment → reminded.</summary>
    public const string Remind = "remind";

    /// <summary>Payment → refunded.</summary>
    public const string Refund = "refund";

    /// <summary>Payment → refunded_partially.</summary>
    public const string RefundPartially = "refund_partially";

    /// <summary>Payment → chargeback.</summary>
    public const string Chargeback = "chargeback";

    /// <summary>Delivery → shipped.</summary>
    public const string Ship = "ship";

    /// <summary>Delivery → shipped_partially.</summary>
    public const string ShipPartially = "ship_partially";

    /// <summary>Delivery → returned.</summary>
    public const string Retour = "retour";

    /// <summary>Delivery → returned_partially.</summary>
    public const string RetourPartially = "retour_partially";
}

/// <summary>State transitions and the capture-refund action.</summary>
public interface IShopwareStateMachine
{
    /// <summary>Runs a transition (<c>POST /api/_action/{entity}/{id}/state/{action}</c>) and returns the new state. Not retried automatically.</summary>
    /// <param name="entity">Order, payment or delivery.</param>
    /// <param name="entityId">Id of the order, transaction or delivery.</param>
    /// <param name="action">An action name, see <see cref="ShopwareTransitionActions"/>.</param>
    /// <param name="options">Mail and comment options; <see langword="null"/> sends no mail.</param>
    /// <param name="context">Request headers; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ShopwareApiException">With code <c>SYSTEM__ILLEGAL_STATE_TRANSITION</c> when the action is not allowed now.</exception>
    Task<ShopwareStateMachineState> TransitionAsync(
        ShopwareTransitionEntity entity,
        string entityId,
        string action,
        ShopwareTransitionOptions? options = null,
        ShopwareRequestContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the actions allowed from the entity's current state (<c>GET /api/_action/state-machine/{entity}/{id}/state</c>).</summary>
    /// <param name="entity">Order, payment or delivery.</param>
    /// <param name="entityId">Id of the entity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ShopwareAvailableTransition>> GetAvailableTransitionsAsync(ShopwareTransitionEntity entity, string entityId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the payment extension to pay out an open capture refund (<c>POST /api/_action/order_transaction_capture_refund/{id}</c>).
    /// Core creates no refund rows itself; the payment extension must support it. Never retried automatically.
    /// </summary>
    /// <param name="refundId">Id of the <c>order_transaction_capture_refund</c> in state open.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ProcessCaptureRefundAsync(string refundId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The id of a state (<c>POST /api/search/state-machine-state</c>): ids differ per shop, and an entity written through
    /// the API (e.g. a capture refund) must name its initial state.
    /// </summary>
    /// <param name="stateMachine">The machine's technical name, e.g. <c>order_transaction_capture_refund.state</c>.</param>
    /// <param name="technicalName">The state, e.g. <c>open</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ShopwareApiException">The shop has no such state.</exception>
    Task<string> FindStateIdAsync(string stateMachine, string technicalName, CancellationToken cancellationToken = default);
}
