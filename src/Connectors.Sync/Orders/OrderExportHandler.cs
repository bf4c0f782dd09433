using System.Globalization;
using Connectors.Core.Customers;
using Connectors.Core.Orders;
using Connectors.Shopware.Models;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.Mapping;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Orders;

/// <summary>
/// Exports Shopware orders to Sitoo, all or nothing: the order is translated and checked before anything is written,
/// the customer is found or created once, and the Sitoo order is looked up by <c>externalid</c> before it is created,
/// so a retry after a crash finds the order instead of making a second. Then, in one unit of work: the links, the
/// archived export (<see cref="ExportArchive"/>), the order's hold on its products (ADR 0001: it stays online demand
/// until Sitoo delivers it) and the completed item.
/// </summary>
internal sealed class OrderExportHandler(
    IConnectorStore store,
    ISitooClient sitoo,
    ShopwareOrderReader reader,
    OrderTranslator translator,
    SitooCustomerResolver customers,
    OrderStockEffects effects,
    OrderSyncSettings settings,
    OrderExportSettings export,
    LeaseFence fence,
    IClock clock,
    EngineTelemetry telemetry) : IWorkHandler
{
    public string Kind => OrderWork.ExportKind;

    public Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken) =>
        EachItem.HandleAsync(items, settle, item => ExportAsync(item, cancellationToken), item => OrderWork.Entity(item.Payload), cancellationToken);

    private async Task ExportAsync(WorkItem item, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("orders.export");
        var orderId = item.Payload;
        if (await store.Links.FindByShopwareIdAsync(LinkedEntityType.Order, orderId, cancellationToken).ConfigureAwait(false) is not null)
        {
            await OrderHandling.CompleteAsync(store, item, cancellationToken).ConfigureAwait(false);
            return;
        }

        var order = await reader.FindByIdAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw OrderProblems.OrderGone(orderId);
        var number = order.OrderNumber ?? orderId;
        activity?.SetTag("order", number);
        if (ShopwareOrderReader.IsCancelled(order))
        {
            // Cancelled before export: Shopware restocked it itself; the counter's drop for it is released demand.
            await ReleaseCancelledAsync(item, number, ShopwareOrderReader.ProductQuantities(order), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Everything that can fail on the order itself fails here, before Sitoo sees any write.
        var snapshot = Snapshot(order, number);
        await CheckAsync(snapshot, number, cancellationToken).ConfigureAwait(false);

        // Each look-up before a create runs under a fresh lease, so no other instance creates the same user or order meanwhile.
        await fence.ConfirmAsync(item, cancellationToken).ConfigureAwait(false);
        var user = await customers.ResolveAsync(order, number, cancellationToken).ConfigureAwait(false);
        var placedAt = order.OrderDateTime ?? order.CreatedAt ?? NodaConstants.UnixEpoch;
        var quantities = ShopwareOrderReader.ProductQuantities(order);
        await HoldBeforeCreateAsync(number, quantities, placedAt, cancellationToken).ConfigureAwait(false);
        var draft = Translate(snapshot, number, user.UserId);
        await fence.ConfirmAsync(item, cancellationToken).ConfigureAwait(false);
        var existing = await sitoo.Orders.FindByExternalIdAsync(number, cancellationToken).ConfigureAwait(false);
        var exported = existing is not null
            ? new ExportedOrder(number, existing.OrderId, existing.WarehouseId, existing.DateReserved)
            : await CreateAsync(draft, number, user, cancellationToken).ConfigureAwait(false);

        var links = new List<EntityLink> { new(LinkedEntityType.Order, orderId, exported.SitooOrderId.ToString(CultureInfo.InvariantCulture)) };
        if (order.OrderCustomer?.CustomerId is { } customerId)
        {
            links.Add(new EntityLink(LinkedEntityType.Customer, customerId, user.UserId));
        }

        var archived = new Core.Returns.ExportedOrder(snapshot, draft, exported.SitooOrderId);
        await SettleAsync(item, exported, archived, quantities, placedAt, links, cancellationToken).ConfigureAwait(false);
        telemetry.FactsApplied("orders", 1);
        if (order.OrderDateTime is { } placed)
        {
            telemetry.Lag("orders", (clock.GetCurrentInstant() - placed).ToTimeSpan());
        }
    }

    private async Task HoldBeforeCreateAsync(string number, IReadOnlyDictionary<string, int> quantities, Instant placedAt, CancellationToken cancellationToken)
    {
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await effects.HoldAsync(unit, new ExportedOrder(number, 0, null, null), quantities, placedAt, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Releases an order cancelled before its export finished. A Sitoo order an earlier attempt created (a crash before
    /// its commit) is cancelled there too, so it holds no reservation and store staff do not hand it over.
    /// </summary>
    private async Task ReleaseCancelledAsync(WorkItem item, string number, IReadOnlyDictionary<string, int> quantities, CancellationToken cancellationToken)
    {
        var created = await sitoo.Orders.FindByExternalIdAsync(number, cancellationToken).ConfigureAwait(false);
        if (created is not null && created.OrderState != SitooOrderState.Cancelled && created.OrderState != SitooOrderState.Closed)
        {
            await sitoo.Orders.UpdateStateAsync(created.OrderId, SitooOrderState.Cancelled, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var readings = await effects.ReadAfterCancelAsync([.. quantities.Keys], cancellationToken).ConfigureAwait(false);
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await effects.ReleaseAsync(unit, number, quantities, handedOver: created is not null, readings, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private ShopwareOrderSnapshot Snapshot(ShopwareOrder order, string number)
    {
        try
        {
            return reader.ToSnapshot(order);
        }
        catch (MappingException problem)
        {
            throw OrderProblems.Unmappable(number, problem);
        }
    }

    private SitooOrderDraft Translate(ShopwareOrderSnapshot snapshot, string number, string? sitooUserId) =>
        translator.Translate(snapshot, sitooUserId) switch
        {
            OrderTranslationResult.Translated translated => translated.Draft,
            OrderTranslationResult.Failed failed => throw OrderProblems.Untranslatable(number, failed.Failures),
            _ => throw new InvalidOperationException("Unknown translation result."),
        };

    /// <summary>Translates without a customer, maps the draft and checks that Sitoo knows every SKU it names.</summary>
    private async Task CheckAsync(ShopwareOrderSnapshot snapshot, string number, CancellationToken cancellationToken)
    {
        var items = NewOrder(Translate(snapshot, number, null), number, null, null).OrderItems ?? [];
        var skus = items.Select(item => item.Sku).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var product in sitoo.Products.ListBySkuAsync(skus, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            known.Add(product.Sku);
        }

        var missing = items.Where(item => item.Sku is null || !known.Contains(item.Sku)).ToList();
        if (missing.Count > 0)
        {
            throw OrderProblems.MissingProducts(number, missing);
        }
    }

    private async Task<ExportedOrder> CreateAsync(SitooOrderDraft draft, string number, SitooUserRecord user, CancellationToken cancellationToken)
    {
        var reserved = settings.FulfilmentWarehouseId is null ? (Instant?)null : clock.GetCurrentInstant() + Duration.FromTimeSpan(settings.ReservationPeriod);
        var created = await sitoo.Orders.CreateAsync(NewOrder(draft, number, user, reserved), cancellationToken).ConfigureAwait(false);
        return new ExportedOrder(number, created, settings.FulfilmentWarehouseId, reserved);
    }

    private SitooNewOrder NewOrder(SitooOrderDraft draft, string number, SitooUserRecord? user, Instant? reserved)
    {
        var context = new SitooOrderWriteContext
        {
            Customer = user,
            WarehouseId = settings.FulfilmentWarehouseId,
            ReservedUntil = reserved,
            ShippingProduct = string.IsNullOrEmpty(export.ShippingProductSku) ? null : new SitooShippingProduct(export.ShippingProductSku, export.ShippingProductName),
        };
        try
        {
            return SitooOrderWriteMapper.ToNewOrder(draft, context);
        }
        catch (MappingException problem)
        {
            throw OrderProblems.Unmappable(number, problem);
        }
    }

    private async Task SettleAsync(
        WorkItem item,
        ExportedOrder exported,
        Core.Returns.ExportedOrder archived,
        IReadOnlyDictionary<string, int> quantities,
        Instant placedAt,
        List<EntityLink> links,
        CancellationToken cancellationToken)
    {
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        foreach (var link in links)
        {
            // A guest's Sitoo user is often linked to an earlier checkout of the same person already; that is expected.
            await unit.Links.LinkAsync(link, cancellationToken).ConfigureAwait(false);
        }

        // Returns are planned from the order as exported, so the record commits with the link that finds it.
        await ExportArchive.SaveAsync(unit, archived, cancellationToken).ConfigureAwait(false);
        await effects.HoldAsync(unit, exported, quantities, placedAt, cancellationToken).ConfigureAwait(false);
        await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
