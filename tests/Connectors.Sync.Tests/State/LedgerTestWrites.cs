using Connectors.Sync.State;

namespace Connectors.Sync.Tests.State;

/// <summary>Writes one ledger row through the batch form, for tests that set rows up one at a time.</summary>
public static class LedgerTestWrites
{
    public static async Task<LedgerEntry> SetAsync(
        this ILedger ledger, LedgerKey key, IReadOnlyDictionary<string, decimal> quantities, long expectedVersion, CancellationToken cancellationToken) =>
        (await ledger.SetManyAsync([new LedgerWrite(key, quantities, expectedVersion)], cancellationToken).ConfigureAwait(false))[0];
}
