using System.Globalization;
using Connectors.Core.Identity;
using Connectors.Core.Orders;
using Connectors.Core.Returns;
using Connectors.Shopware.Models;
using Connectors.Sitoo;
using Connectors.Sync.Engine;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;
using Connectors.Sync.Stock;

namespace Connectors.Sync.Returns;

/// <summary>A return's planning input and the Shopware order it would change.</summary>
/// <param name="Context">What the planner decides from.</param>
/// <param name="ShopwareOrder">The linked Shopware order as just read; <see langword="null"/> when there is none (yet).</param>
internal sealed record LoadedReturn(ReturnContext Context, ShopwareOrder? ShopwareOrder);

/// <summary>
/// Gathers what <see cref="RefundPlanner"/> needs for one Sitoo return: the return, the original Sitoo order, the
/// exported Shopware order translated as the export translates it, and the earlier returns already refunded.
/// Shopware is asked only when the original is a linked online order.
/// </summary>
internal sealed class ReturnContextReader(
    IConnectorStore store,
    ISitooClient sitoo,
    ShopwareOrderStates shopware,
    OrderTranslator translator,
    StockIntakeSettings sitooSite)
{
    /// <summary>Reads everything about the Sitoo return <paramref name="returnOrderId"/>.</summary>
    /// <exception cref="SyncProblemException">An order cannot be read as the planner needs it.</exception>
    public async Task<LoadedReturn> ReadAsync(long returnOrderId, CancellationToken cancellationToken)
    {
        var returnOrder = await sitoo.Orders.GetAsync(returnOrderId, cancellationToken).ConfigureAwait(false);
        var current = Translate(() => SitooReturnMapper.ToReturn(returnOrder));
        if (current.OriginalOrderId is not { } originalId)
        {
            return new LoadedReturn(new ReturnContext(current, null, null, []), null);
        }

        var originalOrder = await sitoo.Orders.GetAsync(originalId, cancellationToken).ConfigureAwait(false);
        var original = SitooReturnMapper.ToOriginalOrder(originalOrder);
        if (original.ExternalId is null)
        {
            // A POS sale: nothing of it lives in Shopware.
            return new LoadedReturn(new ReturnContext(current, original, null, []), null);
        }

        var link = await store.Links.FindBySitooIdAsync(LinkedEntityType.Order, Id(originalId), cancellationToken).ConfigureAwait(false);
        var order = link is null ? null : await shopware.ReadAsync(link.ShopwareId, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return new LoadedReturn(new ReturnContext(current, original, null, []), null);
        }

        // Planned from the order as exported; an order exported before the archive existed is translated as it is now.
        var exported = await Orders.ExportArchive.LoadAsync(store, originalId, cancellationToken).ConfigureAwait(false)
            ?? Retranslate(order, originalOrder.CurrencyCode, originalId);
        var earlier = await EarlierReturnsAsync(originalId, returnOrderId, cancellationToken).ConfigureAwait(false);
        var context = new ReturnContext(current, original, exported, earlier)
        {
            Payment = CapturedPaymentOf(order, CaptureRefundId(returnOrderId)),
        };
        return new LoadedReturn(context, order);
    }

    /// <summary>The id of the capture refund of a return: derived from the return, so a retried create hits the same row.</summary>
    public string CaptureRefundId(long returnOrderId) =>
        ShopwareIds.FromKey(IdempotencyKey.FromStored(SitooOrderPoller.RefundKey(sitooSite, returnOrderId)).Append("capture-refund"));

    /// <summary>
    /// What the order's payment holds: its completed captures and their refunds that are not failed or cancelled,
    /// <paramref name="ownRefundId"/> left out (a replay must not count its own refund twice).
    /// </summary>
    public static CapturedPayment? CapturedPaymentOf(ShopwareOrder order, string ownRefundId)
    {
        var captures = (ShopwareOrderStates.Payment(order)?.Captures ?? [])
            .Where(capture => capture.StateMachineState?.TechnicalName == "completed")
            .ToList();
        if (captures.Count == 0)
        {
            return null;
        }

        var refunded = captures
            .SelectMany(capture => capture.Refunds ?? [])
            .Where(refund => refund.Id != ownRefundId && refund.StateMachineState?.TechnicalName is not ("failed" or "cancelled"))
            .Sum(refund => refund.Amount?.TotalPrice ?? 0m);
        return new CapturedPayment(captures.Sum(capture => capture.Amount?.TotalPrice ?? 0m), refunded);
    }

    private ExportedOrder Retranslate(ShopwareOrder order, string? currencyCode, long originalId)
    {
        var snapshot = Translate(() => ShopwareOrderMapper.ToSnapshot(order, new ShopwareOrderContext(currencyCode ?? string.Empty)));
        var draft = translator.Translate(snapshot) switch
        {
            OrderTranslationResult.Translated translated => translated.Draft,
            OrderTranslationResult.Failed failed => throw Unmappable(snapshot.OrderNumber, string.Join("; ", failed.Failures.Select(f => f.Rule))),
            _ => throw new InvalidOperationException("Unknown translation result."),
        };
        return new ExportedOrder(snapshot, draft, originalId);
    }

    /// <summary>The other returns of the order whose refund was carried out (replaying them rebuilds what was returned).</summary>
    private async Task<List<SitooReturnSnapshot>> EarlierReturnsAsync(long originalId, long currentId, CancellationToken cancellationToken)
    {
        var earlier = new List<SitooReturnSnapshot>();
        await foreach (var other in sitoo.Orders.ListReturnsOfAsync(originalId, cancellationToken).ConfigureAwait(false))
        {
            if (other.OrderId != currentId
                && await store.Ledger.IsAppliedAsync(SitooOrderPoller.RefundKey(sitooSite, other.OrderId), cancellationToken).ConfigureAwait(false))
            {
                earlier.Add(Translate(() => SitooReturnMapper.ToReturn(other)));
            }
        }

        return earlier;
    }

    private static T Translate<T>(Func<T> map)
    {
        try
        {
            return map();
        }
        catch (MappingException problem)
        {
            throw Unmappable(problem.Entity, problem.Message);
        }
    }

    private static SyncProblemException Unmappable(string entity, string why) => new(new ExceptionReport(
        ReasonCodes.OrderUnmappable,
        OwningTeam.Ecommerce,
        new EntityReference("order", entity),
        $"The return cannot be planned because {entity} cannot be read as the export reads it: {why}",
        "Correct the order (or the mapping rule named), then retry the return."));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
