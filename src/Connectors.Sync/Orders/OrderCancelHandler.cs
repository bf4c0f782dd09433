using System.Globalization;
using Connectors.Core.Inventory;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Orders;

/// <summary>
/// Carries a Shopware cancellation to Sitoo: the exported order is cancelled there (its reservation ends), and the
/// order's demand goes and its products' stock is written again in one unit of work. An order cancelled before
/// export has no Sitoo order; only its demand goes (the export then finds it cancelled and skips it).
/// </summary>
internal sealed class OrderCancelHandler(
    IConnectorStore store,
    ISitooClient sitoo,
    ShopwareOrderReader reader,
    OrderStockEffects effects,
    IClock clock) : IWorkHandler
{
    public string Kind => OrderWork.CancelKind;

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            try
            {
                await CancelAsync(item, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (OrderHandling.FailsAlone(failure, cancellationToken))
            {
                await settle.FailedAsync(item, failure, OrderWork.Entity(item.Payload), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CancelAsync(WorkItem item, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("orders.cancel");
        var orderId = item.Payload;
        var order = await reader.FindByIdAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw OrderProblems.OrderGone(orderId);
        var number = order.OrderNumber ?? orderId;
        var products = ShopwareOrderReader.ProductQuantities(order).Keys.ToList();
        IReadOnlyList<SitooStockRow> levels = [];
        if (await store.Links.FindByShopwareIdAsync(LinkedEntityType.Order, orderId, cancellationToken).ConfigureAwait(false) is { } link)
        {
            var sitooOrderId = long.Parse(link.SitooId, NumberStyles.Integer, CultureInfo.InvariantCulture);
            var sitooOrder = await sitoo.Orders.GetAsync(sitooOrderId, cancellationToken).ConfigureAwait(false);
            if (sitooOrder.OrderState == SitooOrderState.Closed)
            {
                throw OrderProblems.AlreadyHandedOver(number, sitooOrderId);
            }

            // Checked first, so a retry after a crash does not write the state twice.
            if (sitooOrder.OrderState != SitooOrderState.Cancelled)
            {
                await sitoo.Orders.UpdateStateAsync(sitooOrderId, SitooOrderState.Cancelled, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            levels = await effects.ReadFulfilmentLevelsAsync(products, cancellationToken).ConfigureAwait(false);
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await effects.SettleAsync(unit, number, products, levels, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
