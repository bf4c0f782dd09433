using Connectors.Sync.State;
using Npgsql;
using NodaTime;

namespace Connectors.Sync.PostgreSql.Internal;

internal sealed class PgLedger(PgScope scope, IClock clock) : ILedger
{
    private const string SelectList = "sku, location, quantity_names, quantities, version, updated_at";

    public Task<LedgerEntry?> GetAsync(LedgerKey key, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            sql => sql.QuerySingleAsync(
                $"SELECT {SelectList} FROM ledger_entries WHERE sku = @sku AND location = @location;",
                Read,
                cancellationToken,
                ("sku", key.Sku),
                ("location", key.Location)),
            cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> GetSkuAsync(string sku, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            sql => sql.QueryAsync(
                $"SELECT {SelectList} FROM ledger_entries WHERE sku = @sku ORDER BY location COLLATE \"C\";", Read, cancellationToken, ("sku", sku)),
            cancellationToken);

    public Task<LedgerEntry> SetAsync(
        LedgerKey key, IReadOnlyDictionary<string, decimal> quantities, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key.Sku);
        ArgumentException.ThrowIfNullOrEmpty(key.Location);
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var copy = new Dictionary<string, decimal>(quantities, StringComparer.Ordinal);
        var entry = new LedgerEntry(key, copy, expectedVersion + 1, clock.GetCurrentInstant());

        // numeric keeps every decimal exactly, scale included.
        var statement = expectedVersion == 0
            ? """
              INSERT INTO ledger_entries (sku, location, quantity_names, quantities, version, updated_at)
              VALUES (@sku, @location, @names, @quantities, 1, @now)
              ON CONFLICT (sku, location) DO NOTHING;
              """
            : """
              UPDATE ledger_entries SET quantity_names = @names, quantities = @quantities, version = version + 1, updated_at = @now
              WHERE sku = @sku AND location = @location AND version = @expected;
              """;
        return scope.WriteAsync(
            async sql =>
            {
                var changed = await sql.ExecuteAsync(
                    statement,
                    cancellationToken,
                    ("sku", key.Sku),
                    ("location", key.Location),
                    ("names", copy.Keys.ToArray()),
                    ("quantities", copy.Values.ToArray()),
                    ("expected", expectedVersion),
                    ("now", Columns.ToTicks(entry.UpdatedAt))).ConfigureAwait(false);
                return changed == 1 ? entry : throw new LedgerConflictException(key, expectedVersion);
            },
            cancellationToken);
    }

    public Task<bool> TryMarkAppliedAsync(string factKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(factKey);
        return scope.WriteAsync(
            async sql => await sql.ExecuteAsync(
                "INSERT INTO applied_facts (fact_key, applied_at) VALUES (@key, @now) ON CONFLICT (fact_key) DO NOTHING;",
                cancellationToken,
                ("key", factKey),
                ("now", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false) == 1,
            cancellationToken);
    }

    public Task<bool> IsAppliedAsync(string factKey, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            async sql => (await sql.QueryAsync(
                "SELECT 1 FROM applied_facts WHERE fact_key = @key;", _ => true, cancellationToken, ("key", factKey)).ConfigureAwait(false)).Count == 1,
            cancellationToken);

    private static LedgerEntry Read(NpgsqlDataReader reader)
    {
        var names = reader.GetFieldValue<string[]>(reader.GetOrdinal("quantity_names"));
        var values = reader.GetFieldValue<decimal[]>(reader.GetOrdinal("quantities"));
        return new LedgerEntry(
            new LedgerKey(Columns.Text(reader, "sku"), Columns.Text(reader, "location")),
            names.Zip(values).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal),
            Columns.Int64(reader, "version"),
            Columns.Instant(reader, "updated_at"));
    }
}
