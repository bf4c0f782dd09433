using Connectors.Sitoo.Models;
using NodaTime;

namespace Connectors.Sitoo;

/// <summary>Orders: web orders, POS sales and returns. Lists use the account-level <c>GET /orders.json</c>
/// restricted to the configured site.</summary>
public interface ISitooOrders
{
    /// <summary>Reads orders in ascending id order from <paramref name="fromOrderId"/> (inclusive). Order ids, not order
    /// dates, are the cursor: an offline POS uploads late but keeps the original order date. A page whose ids do not
    /// ascend is refused with <see cref="SitooApiException"/> before any of it is returned; an order that cannot be read
    /// fails the read with <see cref="SitooUnreadableItemException"/> (the overload with <c>onUnreadable</c> reads on past it).</summary>
    /// <param name="fromOrderId">The first id to read (the last seen plus one).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The orders, oldest first.</returns>
    IAsyncEnumerable<SitooOrder> ListFromAsync(long fromOrderId, CancellationToken cancellationToken = default);

    /// <summary>Reads orders like <see cref="ListFromAsync(long, CancellationToken)"/>, but an order that cannot be read
    /// (e.g. a field of the wrong type) goes to <paramref name="onUnreadable"/> with its raw JSON and the read goes on
    /// past it instead of failing.</summary>
    /// <param name="fromOrderId">The first id to read (the last seen plus one).</param>
    /// <param name="onUnreadable">Receives each unreadable order, in id order with the others.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The readable orders, oldest first.</returns>
    IAsyncEnumerable<SitooOrder> ListFromAsync(long fromOrderId, Action<SitooUnreadableItem> onUnreadable, CancellationToken cancellationToken = default);

    /// <summary>Reads orders like <see cref="ListFromAsync(long, Action{SitooUnreadableItem}, CancellationToken)"/>, but each
    /// with only <c>orderid</c>, <c>externalid</c>, <c>orderstateid</c>, <c>creditorderid</c> and <c>additionaldata</c>
    /// (<c>fields=</c>): enough to tell web orders and possible returns among many POS receipts without their lines,
    /// payments and addresses. Read an order in full with <see cref="GetAsync"/>.</summary>
    /// <param name="fromOrderId">The first id to read (the last seen plus one).</param>
    /// <param name="onUnreadable">Receives each unreadable order, in id order with the others.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The outlines of the readable orders, oldest first; all other properties are left unset.</returns>
    IAsyncEnumerable<SitooOrder> ListOutlinesFromAsync(long fromOrderId, Action<SitooUnreadableItem> onUnreadable, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the orders placed in a time range (<c>orderdatefrom</c>/<c>orderdateto</c>, inclusive, whole seconds), paged
    /// by ascending order id. A receipt made offline keeps its till's <c>orderdate</c>, so it is found in its own day
    /// whenever it reaches Sitoo.
    /// </summary>
    /// <param name="first">The first instant.</param>
    /// <param name="last">The last instant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    IAsyncEnumerable<SitooOrder> ListByOrderDateAsync(Instant first, Instant last, CancellationToken cancellationToken = default);

    /// <summary>Finds the order with an external id (unique per system), e.g. before creating one.</summary>
    /// <param name="externalId">The external id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, or null.</returns>
    Task<SitooOrder?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken = default);

    /// <summary>Finds the order of a POS receipt (<c>receiptid</c>, e.g. <c>SII000000150000110009</c>).</summary>
    /// <param name="receiptId">The receipt id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, or null.</returns>
    Task<SitooOrder?> FindByReceiptIdAsync(string receiptId, CancellationToken cancellationToken = default);

    /// <summary>Lists the returns of an order: the orders whose <c>creditorderid</c> is <paramref name="orderId"/>.</summary>
    /// <param name="orderId">The original order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The returns.</returns>
    IAsyncEnumerable<SitooOrder> ListReturnsOfAsync(long orderId, CancellationToken cancellationToken = default);

    /// <summary>Reads one order.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order.</returns>
    Task<SitooOrder> GetAsync(long orderId, CancellationToken cancellationToken = default);

    /// <summary>Creates an order (never retried; give it an <see cref="SitooNewOrder.ExternalId"/> and look that up on doubt).</summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new order id.</returns>
    Task<long> CreateAsync(SitooNewOrder order, CancellationToken cancellationToken = default);

    /// <summary>Changes an order's state and/or payment state; orders cannot be deleted, cancel them instead.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="orderState">The new order state, or null to keep it.</param>
    /// <param name="paymentState">The new payment state, or null to keep it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sitoo confirmed.</returns>
    Task UpdateStateAsync(long orderId, SitooOrderState? orderState, SitooPaymentState? paymentState = null, CancellationToken cancellationToken = default);

    /// <summary>Lists an order's deliveries; refused with <see cref="SitooApiException"/> when Sitoo's <c>totalcount</c>
    /// says the answer holds fewer than all of them.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deliveries.</returns>
    Task<IReadOnlyList<SitooOrderDelivery>> ListDeliveriesAsync(long orderId, CancellationToken cancellationToken = default);

    /// <summary>Adds a delivery (never retried). Unless <paramref name="ignoreStock"/>, it creates a sales transaction.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="delivery">The delivery.</param>
    /// <param name="ignoreStock">Whether the delivery leaves stock untouched (<c>ignorestock=true</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new delivery id.</returns>
    Task<long> AddDeliveryAsync(long orderId, SitooNewOrderDelivery delivery, bool ignoreStock = false, CancellationToken cancellationToken = default);

    /// <summary>Lists an order's log items; refused with <see cref="SitooApiException"/> when Sitoo's <c>totalcount</c>
    /// says the answer holds fewer than all of them.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The log items.</returns>
    Task<IReadOnlyList<SitooOrderLogItem>> ListLogItemsAsync(long orderId, CancellationToken cancellationToken = default);

    /// <summary>Adds a log item, e.g. <see cref="SitooOrderLogType.ReadyForPickup"/> (never retried).</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="item">The log item.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sitoo answered.</returns>
    Task AddLogItemAsync(long orderId, SitooNewOrderLogItem item, CancellationToken cancellationToken = default);
}
