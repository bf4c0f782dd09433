using System.Globalization;
using System.Net;
using Connectors.Sitoo.Http;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Paging;
using Connectors.Sitoo.Serialization;
using NodaTime;

namespace Connectors.Sitoo;

/// <inheritdoc />
internal sealed class SitooOrders(SitooApiContext context) : ISitooOrders
{
    private const string Ascending = "orderid";
    private static readonly string Fields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooOrder);

    /// <summary>The fields of an order outline: what tells a web order or a possible return from a POS sale.</summary>
    private const string OutlineFields = "orderid,externalid,orderstateid,creditorderid,additionaldata";

    private static readonly CursorCollection<SitooOrder> Collection = new("orders", "orderid", SitooJsonContext.Default.SitooOrder, order => order.OrderId);

    public IAsyncEnumerable<SitooOrder> ListFromAsync(long fromOrderId, CancellationToken cancellationToken = default) =>
        ReadFrom(fromOrderId, Fields, null, cancellationToken);

    public IAsyncEnumerable<SitooOrder> ListFromAsync(long fromOrderId, Action<SitooUnreadableItem> onUnreadable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onUnreadable);
        return ReadFrom(fromOrderId, Fields, onUnreadable, cancellationToken);
    }

    public IAsyncEnumerable<SitooOrder> ListOutlinesFromAsync(long fromOrderId, Action<SitooUnreadableItem> onUnreadable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onUnreadable);
        return ReadFrom(fromOrderId, OutlineFields, onUnreadable, cancellationToken);
    }

    public IAsyncEnumerable<SitooOrder> ListByOrderDateAsync(Instant first, Instant last, CancellationToken cancellationToken = default) =>
        SitooPaging.ReadFromCursorAsync(
            0,
            Collection,
            (cursor, num, token) => context.Api.GetAllOrdersRawAsync(
                Query(num) with { Sort = Ascending, OrderIdFrom = cursor, OrderDateFrom = first.ToUnixTimeSeconds(), OrderDateTo = last.ToUnixTimeSeconds() }, token),
            context.PageSize,
            null,
            cancellationToken);

    public Task<SitooOrder?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        return FirstAsync(Query(1) with { ExternalId = externalId }, cancellationToken);
    }

    public Task<SitooOrder?> FindByReceiptIdAsync(string receiptId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiptId);
        return FirstAsync(Query(1) with { ReceiptId = receiptId }, cancellationToken);
    }

    public IAsyncEnumerable<SitooOrder> ListReturnsOfAsync(long orderId, CancellationToken cancellationToken = default) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetAllOrdersAsync(Query(num) with { Start = start, CreditOrderId = orderId }, token),
            context.PageSize,
            cancellationToken);

    public Task<SitooOrder> GetAsync(long orderId, CancellationToken cancellationToken = default) =>
        SitooApiContext.Required(context.Api.GetOrderAsync(context.SiteId, orderId, cancellationToken), "an order read");

    public async Task<long> CreateAsync(SitooNewOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var answer = await context.Api.AddOrderAsync(context.SiteId, order, cancellationToken).ConfigureAwait(false);
        return SitooApiContext.ReadCreatedId(answer, "an order");
    }

    public async Task UpdateStateAsync(long orderId, SitooOrderState? orderState, SitooPaymentState? paymentState = null, CancellationToken cancellationToken = default)
    {
        if (orderState is null && paymentState is null)
        {
            throw new ArgumentException("Give an order state, a payment state or both.", nameof(orderState));
        }
        var change = new SitooOrderStateChange { OrderState = orderState, PaymentState = paymentState };
        var answer = await context.Api.UpdateOrderAsync(context.SiteId, orderId, change, cancellationToken).ConfigureAwait(false);
        SitooApiContext.EnsureTrue(answer, $"the state change of order {orderId}");
    }

    public async Task<IReadOnlyList<SitooOrderDelivery>> ListDeliveriesAsync(long orderId, CancellationToken cancellationToken = default) =>
        Complete(await SitooApiContext.Required(context.Api.GetOrderDeliveriesAsync(context.SiteId, orderId, cancellationToken), "a delivery list").ConfigureAwait(false), "deliveries", orderId);

    public async Task<long> AddDeliveryAsync(long orderId, SitooNewOrderDelivery delivery, bool ignoreStock = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var answer = await context.Api.AddOrderDeliveryAsync(context.SiteId, orderId, delivery, ignoreStock ? "true" : null, cancellationToken).ConfigureAwait(false);
        return SitooApiContext.ReadCreatedId(answer, "an order delivery");
    }

    public async Task<IReadOnlyList<SitooOrderLogItem>> ListLogItemsAsync(long orderId, CancellationToken cancellationToken = default) =>
        Complete(await SitooApiContext.Required(context.Api.GetOrderLogItemsAsync(context.SiteId, orderId, cancellationToken), "an order log list").ConfigureAwait(false), "log items", orderId);

    /// <summary>
    /// The items of an order's sub-list, refused when <c>totalcount</c> says there are more: Sitoo documents no paging
    /// parameters for these lists, so a shorter answer cannot be completed and must not pass for the whole list.
    /// </summary>
    private static IReadOnlyList<T> Complete<T>(SitooListResponse<T> list, string what, long orderId)
    {
        var items = list.Items ?? [];
        if (list.TotalCount > items.Count)
        {
            throw new SitooApiException(
                string.Create(CultureInfo.InvariantCulture, $"Sitoo listed {items.Count} {what} of order {orderId} but its totalcount is {list.TotalCount}; the list is incomplete and is not used."),
                HttpStatusCode.OK);
        }
        return items;
    }

    public async Task AddLogItemAsync(long orderId, SitooNewOrderLogItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        await context.Api.AddOrderLogItemAsync(context.SiteId, orderId, item, cancellationToken).ConfigureAwait(false);
    }

    private IAsyncEnumerable<SitooOrder> ReadFrom(long fromOrderId, string fields, Action<SitooUnreadableItem>? onUnreadable, CancellationToken cancellationToken) =>
        SitooPaging.ReadFromCursorAsync(
            fromOrderId,
            Collection,
            (cursor, num, token) => context.Api.GetAllOrdersRawAsync(Query(num) with { Sort = Ascending, OrderIdFrom = cursor, Fields = fields }, token),
            context.PageSize,
            onUnreadable,
            cancellationToken);

    private SitooOrderQuery Query(int num) => new() { EshopId = context.SiteId, Num = num, Fields = Fields };

    private async Task<SitooOrder?> FirstAsync(SitooOrderQuery query, CancellationToken cancellationToken)
    {
        var page = await SitooApiContext.Required(context.Api.GetAllOrdersAsync(query, cancellationToken), "an order search").ConfigureAwait(false);
        return page.Items is [var first, ..] ? first : null;
    }
}
