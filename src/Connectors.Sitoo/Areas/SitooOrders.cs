using Connectors.Sitoo.Http;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Paging;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo;

/// <inheritdoc />
internal sealed class SitooOrders(SitooApiContext context) : ISitooOrders
{
    private const string Ascending = "orderid";
    private static readonly string Fields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooOrder);

    public IAsyncEnumerable<SitooOrder> ListFromAsync(long fromOrderId, CancellationToken cancellationToken = default) =>
        SitooPaging.ReadFromCursorAsync(
            fromOrderId,
            order => order.OrderId,
            (cursor, num, token) => context.Api.GetAllOrdersAsync(Query(num) with { Sort = Ascending, OrderIdFrom = cursor }, token),
            context.PageSize,
            cancellationToken);

    public IAsyncEnumerable<SitooOrder> ListByOrderDateAsync(DateTimeOffset first, DateTimeOffset last, CancellationToken cancellationToken = default) =>
        SitooPaging.ReadFromCursorAsync(
            0,
            order => order.OrderId,
            (cursor, num, token) => context.Api.GetAllOrdersAsync(
                Query(num) with { Sort = Ascending, OrderIdFrom = cursor, OrderDateFrom = first.ToUnixTimeSeconds(), OrderDateTo = last.ToUnixTimeSeconds() }, token),
            context.PageSize,
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
        (await SitooApiContext.Required(context.Api.GetOrderDeliveriesAsync(context.SiteId, orderId, cancellationToken), "a delivery list").ConfigureAwait(false)).Items ?? [];

    public async Task<long> AddDeliveryAsync(long orderId, SitooNewOrderDelivery delivery, bool ignoreStock = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var answer = await context.Api.AddOrderDeliveryAsync(context.SiteId, orderId, delivery, ignoreStock ? "true" : null, cancellationToken).ConfigureAwait(false);
        return SitooApiContext.ReadCreatedId(answer, "an order delivery");
    }

    public async Task<IReadOnlyList<SitooOrderLogItem>> ListLogItemsAsync(long orderId, CancellationToken cancellationToken = default) =>
        (await SitooApiContext.Required(context.Api.GetOrderLogItemsAsync(context.SiteId, orderId, cancellationToken), "an order log list").ConfigureAwait(false)).Items ?? [];

    public async Task AddLogItemAsync(long orderId, SitooNewOrderLogItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        await context.Api.AddOrderLogItemAsync(context.SiteId, orderId, item, cancellationToken).ConfigureAwait(false);
    }

    private SitooOrderQuery Query(int num) => new() { EshopId = context.SiteId, Num = num, Fields = Fields };

    private async Task<SitooOrder?> FirstAsync(SitooOrderQuery query, CancellationToken cancellationToken)
    {
        var page = await SitooApiContext.Required(context.Api.GetAllOrdersAsync(query, cancellationToken), "an order search").ConfigureAwait(false);
        return page.Items is [var first, ..] ? first : null;
    }
}
