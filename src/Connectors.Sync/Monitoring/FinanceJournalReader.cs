using Connectors.Core.Finance;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;

namespace Connectors.Sync.Monitoring;

/// <summary>Reads Sitoo orders by id and books those of the asked days (in each store's zone) into a finance journal.</summary>
internal sealed class FinanceJournalReader(ISitooClient sitoo, FinanceJournalSettings settings)
{
    public async Task<FinanceJournalReport> ReadAsync(FinanceJournalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var options = FinanceJournalOptions.FromTzdb(settings.StoreTimeZones, settings.DefaultTimeZone);
        var booked = new List<JournalOrder>();
        var unreadable = new List<long>();
        var read = 0;
        await foreach (var order in sitoo.Orders.ListFromAsync(query.FromOrderId, cancellationToken).ConfigureAwait(false))
        {
            read++;
            if (order.OrderState == SitooOrderState.Cancelled || (query.StoreId is { } store && JournalOrderMapper.StoreIdOf(order) != store))
            {
                continue;
            }

            JournalOrder journalOrder;
            try
            {
                journalOrder = JournalOrderMapper.ToJournalOrder(order);
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
}
