using System.Globalization;
using Connectors.Core.Finance;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>
/// Reads what the settlement compares. Stores: every receipt and return rung up at a till in the days (Sitoo), with its
/// payments by name (card, cash, Swish, gift card, ...). Online: every capture and capture refund Shopware recorded in
/// the days, by the payment method's name, against the exported order's turnover; a capture for an order the stores'
/// reporting lacks (never exported) is an order missing, and a refund not completed yet is a refund not settled.
/// </summary>
internal sealed class SettlementReader(ISitooClient sitoo, IShopwareAdminClient shopware, IConnectorStore store, FinanceJournalSettings settings, IReadOnlySet<string> shippingSkus)
{
    /// <summary>The settlement of the query's days.</summary>
    public async Task<IReadOnlyList<SettlementDay>> ReadAsync(FinanceJournalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var options = FinanceJournalOptions.FromTzdb(settings.StoreTimeZones, settings.DefaultTimeZone ?? "UTC");
        var (from, to) = query.Window();
        var orders = new List<SettlementOrder>();
        await foreach (var order in sitoo.Orders.ListByOrderDateAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            if (order.RegisterId is not null && order.OrderState != SitooOrderState.Cancelled && Till(order) is { } receipt)
            {
                orders.Add(receipt);
            }
        }

        if (query.StoreId is null)
        {
            orders.AddRange(await OnlineAsync(from, to, cancellationToken).ConfigureAwait(false));
        }

        return [.. new SettlementBuilder(options).Build(orders)
            .Where(day => day.Date >= query.FirstDay && day.Date <= query.LastDay)
            .Where(day => query.StoreId is null || day.Store.Id == query.StoreId)];
    }

    private SettlementOrder? Till(SitooOrder order)
    {
        JournalOrder booked;
        try
        {
            booked = JournalOrderMapper.ToJournalOrder(order, shippingSkus);
        }
        catch (MappingException)
        {
            return null;
        }

        return new SettlementOrder(
            booked.OrderId,
            booked.StoreId,
            booked.PlacedAt,
            booked.Currency,
            booked.TotalGross - booked.RoundOff,
            [.. (order.Payments ?? []).Select(payment => new SettlementPayment(string.IsNullOrWhiteSpace(payment.Name) ? "(unnamed)" : payment.Name, payment.MoneyAmount ?? 0m))])
        {
            RoundOff = booked.RoundOff,
            IsReturn = booked.IsReturn,
        };
    }

    private async Task<List<SettlementOrder>> OnlineAsync(Instant from, Instant to, CancellationToken cancellationToken)
    {
        // A refund of the days may belong to a capture of an earlier day: both are looked for.
        var criteria = ShopwareCriteria.ForOrderDetails()
            .Filter(ShopwareFilter.Or(
                ShopwareFilter.Range("transactions.captures.createdAt", gte: from, lte: to),
                ShopwareFilter.Range("transactions.captures.refunds.createdAt", gte: from, lte: to)));
        var entries = new List<SettlementOrder>();
        await foreach (var order in shopware.Orders.SearchAllAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var number = order.OrderNumber ?? order.Id;
            var currency = order.Currency?.IsoCode ?? "?";
            var exported = await store.Links.FindByShopwareIdAsync(LinkedEntityType.Order, order.Id, cancellationToken).ConfigureAwait(false) is not null;
            foreach (var transaction in order.Transactions ?? [])
            {
                var method = transaction.PaymentMethod?.Name ?? transaction.PaymentMethod?.TechnicalName ?? "(online)";
                foreach (var capture in (transaction.Captures ?? []).Where(capture => capture.StateMachineState?.TechnicalName == "completed"))
                {
                    entries.Add(Entry(number, capture.CreatedAt, currency, capture.Amount, method, exported, refund: null));
                    foreach (var refund in (capture.Refunds ?? []).Where(refund => refund.StateMachineState?.TechnicalName is not ("failed" or "cancelled")))
                    {
                        entries.Add(Entry(string.Create(CultureInfo.InvariantCulture, $"{number}/refund/{refund.Id}"), refund.CreatedAt, currency, refund.Amount, method, exported, refund));
                    }
                }
            }
        }

        return [.. entries.Where(entry => entry.At >= from && entry.At <= to)];
    }

    // A capture is the order's turnover once the stores' reporting has the order; a refund is paid back once it completed.
    private static SettlementOrder Entry(string id, Instant? at, string currency, ShopwareCalculatedPrice? price, string method, bool exported, ShopwareCaptureRefund? refund)
    {
        var amount = price?.TotalPrice ?? 0m;
        var when = at ?? NodaConstants.UnixEpoch;
        if (refund is null)
        {
            return new SettlementOrder(id, null, when, currency, exported ? amount : 0m, [new SettlementPayment(method, amount)]) { Missing = !exported };
        }

        var paidBack = refund.StateMachineState?.TechnicalName == "completed" ? -amount : 0m;
        return new SettlementOrder(id, null, when, currency, -amount, [new SettlementPayment(method, paidBack)]) { IsReturn = true };
    }
}
