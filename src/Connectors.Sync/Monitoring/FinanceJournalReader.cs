using Connectors.Core.Finance;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;

namespace Connectors.Sync.Monitoring;

/// <summary>
/// Reads the Sitoo orders of the asked days and books them: POS receipts, store returns and exported online orders.
/// A store return of an online order is booked on the online channel with its store, and shipping rows as shipping.
/// </summary>
internal sealed class FinanceJournalReader(ISitooClient sitoo, FinanceJournalSettings settings, IReadOnlySet<string> shippingSkus)
{
    public async Task<FinanceJournalReport> ReadAsync(FinanceJournalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var options = FinanceJournalOptions.FromTzdb(settings.StoreTimeZones, settings.DefaultTimeZone ?? "UTC");
        var (from, to) = query.Window();
        var booked = new List<JournalOrder>();
        var unreadable = new List<long>();
        var webOrders = new Dictionary<long, bool>();
        var read = 0;
        await foreach (var order in sitoo.Orders.ListByOrderDateAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            read++;
            if (order.OrderState == SitooOrderState.Cancelled || (query.StoreId is { } store && JournalOrderMapper.StoreIdOf(order) != store))
            {
                continue;
            }

            JournalOrder journalOrder;
            try
            {
                var returnsWebOrder = order.CreditOrderId is { } original && await IsWebOrderAsync(original, webOrders, cancellationToken).ConfigureAwait(false);
                journalOrder = JournalOrderMapper.ToJournalOrder(order, shippingSkus, returnsWebOrder);
            }
            catch (MappingException)
            {
                unreadable.Add(order.OrderId);
                continue;
            }

            var zone = journalOrder.StoreId is { } id && options.StoreTimeZones.TryGetValue(id, out var own) ? own : options.DefaultTimeZone;
            var day = journalOrder.PlacedAt.InZone(zone).Date;
            if (day >= query.FirstDay && day <= query.LastDay)
            {
                booked.Add(journalOrder);
            }
        }

        return new FinanceJournalReport(new FinanceJournalBuilder(options).Build(booked), read, booked.Count, unreadable);
    }

    // An exported online order carries the Shopware order number as externalid and was not rung up at a register.
    private async Task<bool> IsWebOrderAsync(long orderId, Dictionary<long, bool> known, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(orderId, out var web))
        {
            var original = await sitoo.Orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            web = original.RegisterId is null && !string.IsNullOrEmpty(original.ExternalId);
            known[orderId] = web;
        }

        return web;
    }

    /// <summary>The SKUs that carry shipping on exported orders.</summary>
    public static IReadOnlySet<string> ShippingSkus(string? shippingProductSku) =>
        string.IsNullOrWhiteSpace(shippingProductSku) ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>([shippingProductSku], StringComparer.Ordinal);
}
