using Connectors.Sync.State;

namespace Connectors.Sync.Reconciliation;

/// <summary>Every SKU the ledger holds rows for, read page by page in key order.</summary>
internal static class LedgerSkus
{
    private const int PageSize = 1_000;

    public static async Task<IReadOnlySet<string>> ListAsync(IStateSession session, CancellationToken cancellationToken)
    {
        var skus = new HashSet<string>(StringComparer.Ordinal);
        LedgerKey? after = null;
        while (true)
        {
            var page = await session.Ledger.ListAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                skus.Add(row.Key.Sku);
            }

            if (page.Count < PageSize)
            {
                return skus;
            }

            after = page[^1].Key;
        }
    }
}
