using Connectors.Core.Finance;

namespace Connectors.Sync.Monitoring;

/// <summary>A finance journal and what it took to build it.</summary>
/// <param name="Journal">The journal (write it out with <see cref="FinanceJournalCsv"/>).</param>
/// <param name="OrdersRead">Sitoo orders read from the query's first id on.</param>
/// <param name="OrdersBooked">Orders booked into the journal.</param>
/// <param name="UnreadableOrderIds">Orders left out because a field the journal needs is missing (date, currency, line amounts).</param>
public sealed record FinanceJournalReport(FinanceJournal Journal, int OrdersRead, int OrdersBooked, IReadOnlyList<long> UnreadableOrderIds);
