using System.Data.Common;
using NodaTime;

namespace Connectors.Sync.State.Relational;

internal sealed class RelationalLedger(RelationalScope scope, RelationalDialect dialect, IClock clock) : ILedger
{
    /// <summary>Keys (facts, SKUs) per statement: far below SQLite's parameter limit, large enough that a page takes a few.</summary>
    private const int MarkChunk = 500;


    private readonly string _selectList = $"sku, location, {dialect.LedgerQuantityColumns}, version, updated_at";

    public Task<LedgerEntry?> GetAsync(LedgerKey key, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            sql => sql.QuerySingleAsync(
                $"SELECT {_selectList} FROM ledger_entries WHERE sku = @sku AND location = @location;",
                Read,
                cancellationToken,
                ("sku", key.Sku),
                ("location", key.Location)),
            cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> GetSkusAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var distinct = skus.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return scope.ReadAsync<IReadOnlyList<LedgerEntry>>(
            async sql =>
            {
                var rows = new List<LedgerEntry>();
                foreach (var chunk in distinct.Chunk(MarkChunk))
                {
                    var names = string.Join(", ", chunk.Select((_, i) => $"@s{i}"));
                    rows.AddRange(await sql.QueryAsync(
                        $"SELECT {_selectList} FROM ledger_entries WHERE sku IN ({names}) ORDER BY sku{dialect.OrdinalCollation}, location{dialect.OrdinalCollation};",
                        Read,
                        cancellationToken,
                        [.. chunk.Select((sku, i) => ($"s{i}", (object?)sku))]).ConfigureAwait(false));
                }

                return rows;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<LedgerEntry>> SetManyAsync(IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var keys = new HashSet<LedgerKey>();
        foreach (var write in writes)
        {
            ArgumentNullException.ThrowIfNull(write, nameof(writes));
            ArgumentException.ThrowIfNullOrEmpty(write.Key.Sku, nameof(writes));
            ArgumentException.ThrowIfNullOrEmpty(write.Key.Location, nameof(writes));
            ArgumentNullException.ThrowIfNull(write.Quantities, nameof(writes));
            ArgumentOutOfRangeException.ThrowIfNegative(write.ExpectedVersion, nameof(writes));
            if (!keys.Add(write.Key))
            {
                // One statement cannot both insert and update a key, and one-by-one the second write would conflict anyway.
                throw new ArgumentException($"The ledger row {write.Key.Sku}@{write.Key.Location} is written twice.", nameof(writes));
            }
        }

        var now = clock.GetCurrentInstant();
        var entries = writes
            .Select(write => new LedgerEntry(write.Key, new Dictionary<string, decimal>(write.Quantities, StringComparer.Ordinal), write.ExpectedVersion + 1, now))
            .ToList();
        return scope.WriteAsync<IReadOnlyList<LedgerEntry>>(
            async sql =>
            {
                foreach (var chunk in entries.Chunk(dialect.RowsPerStatement))
                {
                    var written = new HashSet<LedgerKey>();
                    var fresh = chunk.Where(entry => entry.Version == 1).ToList();
                    var existing = chunk.Where(entry => entry.Version > 1).ToList();
                    if (fresh.Count > 0)
                    {
                        written.UnionWith(await WriteRowsAsync(sql, InsertStatement(fresh.Count), fresh, now, cancellationToken).ConfigureAwait(false));
                    }

                    if (existing.Count > 0)
                    {
                        written.UnionWith(await WriteRowsAsync(sql, UpdateStatement(existing.Count), existing, now, cancellationToken).ConfigureAwait(false));
                    }

                    // The first refused row in the caller's order, as a write-by-write loop would have stopped at it.
                    if (chunk.FirstOrDefault(entry => !written.Contains(entry.Key)) is { } refused)
                    {
                        throw new LedgerConflictException(refused.Key, refused.Version - 1);
                    }
                }

                return entries;
            },
            cancellationToken);
    }

    /// <summary>New rows (expected version 0): a row someone else inserted meanwhile is left alone and not returned.</summary>
    private string InsertStatement(int rows) =>
        $"""
        INSERT INTO ledger_entries (sku, location, {dialect.LedgerQuantityColumns}, version, updated_at)
        VALUES {string.Join(", ", Enumerable.Range(0, rows).Select(row => $"(@sku{row}, @location{row}, {dialect.LedgerQuantityValues(row)}, 1, @now)"))}
        ON CONFLICT (sku, location) DO NOTHING
        RETURNING sku, location;
        """;

    /// <summary>Rows read at a version: only those still at it change and are returned (an absent row changes nothing).</summary>
    private string UpdateStatement(int rows)
    {
        var columns = dialect.LedgerQuantityColumns.Split(", ");
        return $"""
            WITH written (sku, location, {dialect.LedgerQuantityColumns}, expected) AS (
                VALUES {string.Join(", ", Enumerable.Range(0, rows).Select(row => $"(@sku{row}, @location{row}, {dialect.LedgerQuantityValues(row)}, @expected{row})"))})
            UPDATE ledger_entries
            SET {string.Join(", ", columns.Select(column => $"{column} = written.{column}"))}, version = ledger_entries.version + 1, updated_at = @now
            FROM written
            WHERE ledger_entries.sku = written.sku AND ledger_entries.location = written.location AND ledger_entries.version = written.expected
            RETURNING ledger_entries.sku, ledger_entries.location;
            """;
    }

    private async Task<IReadOnlyList<LedgerKey>> WriteRowsAsync(
        RelationalSql sql, string statement, List<LedgerEntry> rows, Instant now, CancellationToken cancellationToken)
    {
        var parameters = new List<(string, object?)>(rows.Count * 5 + 1) { ("now", Columns.ToTicks(now)) };
        for (var row = 0; row < rows.Count; row++)
        {
            parameters.Add(($"sku{row}", rows[row].Key.Sku));
            parameters.Add(($"location{row}", rows[row].Key.Location));
            if (rows[row].Version > 1)
            {
                parameters.Add(($"expected{row}", rows[row].Version - 1));
            }

            parameters.AddRange(dialect.LedgerQuantityParameters(rows[row].Quantities, row));
        }

        return await sql.QueryAsync(
            statement,
            reader => new LedgerKey(reader.GetString(0), reader.GetString(1)),
            cancellationToken,
            [.. parameters]).ConfigureAwait(false);
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

    public Task<IReadOnlySet<string>> MarkAppliedAsync(IReadOnlyCollection<string> factKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factKeys);
        var keys = factKeys.Distinct(StringComparer.Ordinal).ToList();
        if (keys.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A fact key must not be empty.", nameof(factKeys));
        }

        var now = Columns.ToTicks(clock.GetCurrentInstant());
        return scope.WriteAsync<IReadOnlySet<string>>(
            async sql =>
            {
                // RETURNING names the rows this statement inserted: the conflicting (already marked) ones are not among them.
                var fresh = new HashSet<string>(StringComparer.Ordinal);
                foreach (var chunk in keys.Chunk(MarkChunk))
                {
                    var values = string.Join(", ", chunk.Select((_, i) => $"(@k{i}, @now)"));
                    var inserted = await sql.QueryAsync(
                        $"INSERT INTO applied_facts (fact_key, applied_at) VALUES {values} ON CONFLICT (fact_key) DO NOTHING RETURNING fact_key;",
                        reader => reader.GetString(0),
                        cancellationToken,
                        [.. chunk.Select((key, i) => ($"k{i}", (object?)key)), ("now", now)]).ConfigureAwait(false);
                    fresh.UnionWith(inserted);
                }

                return fresh;
            },
            cancellationToken);
    }

    public Task<bool> IsAppliedAsync(string factKey, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            async sql => (await sql.QueryAsync(
                "SELECT 1 FROM applied_facts WHERE fact_key = @key;", _ => true, cancellationToken, ("key", factKey)).ConfigureAwait(false)).Count == 1,
            cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ListAsync(LedgerKey? after, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var collate = dialect.OrdinalCollation;
        var order = $"ORDER BY sku{collate}, location{collate} LIMIT @max;";
        return scope.ReadAsync(
            sql => after is { } start
                ? sql.QueryAsync(
                    $"SELECT {_selectList} FROM ledger_entries WHERE sku{collate} > @sku{collate} OR (sku = @sku AND location{collate} > @location{collate}) {order}",
                    Read,
                    cancellationToken,
                    ("sku", start.Sku),
                    ("location", start.Location),
                    ("max", maxCount))
                : sql.QueryAsync($"SELECT {_selectList} FROM ledger_entries {order}", Read, cancellationToken, ("max", maxCount)),
            cancellationToken);
    }

    private LedgerEntry Read(DbDataReader reader) =>
        new(
            new LedgerKey(Columns.Text(reader, "sku"), Columns.Text(reader, "location")),
            dialect.ReadLedgerQuantities(reader),
            Columns.Int64(reader, "version"),
            Columns.Instant(reader, "updated_at"));

    public Task<int> PruneAppliedAsync(string keyPrefix, long upToNumber, Instant appliedBefore, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        if (upToNumber < 0)
        {
            return Task.FromResult(0);
        }

        // Numbers compared as text, never parsed, so that a key which is no number cannot fail the statement: a number
        // without leading zeros is at most upToNumber when it is shorter, or as long and not greater in ordinal order.
        var last = keyPrefix + upToNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var collate = dialect.OrdinalCollation;
        return scope.WriteAsync(
            sql => sql.ExecuteAsync(
                $"""
                DELETE FROM applied_facts WHERE fact_key IN (
                    SELECT fact_key FROM applied_facts
                    WHERE applied_at < @before
                      AND substr(fact_key, 1, @prefixLength) = @prefix
                      AND length(fact_key) > @prefixLength
                      AND ltrim(substr(fact_key, @prefixLength + 1), '0123456789') = ''
                      AND (length(fact_key) < @lastLength OR (length(fact_key) = @lastLength AND fact_key{collate} <= @last{collate}))
                    ORDER BY applied_at LIMIT @max);
                """,
                cancellationToken,
                ("before", Columns.ToTicks(appliedBefore)),
                ("prefix", keyPrefix),
                ("prefixLength", keyPrefix.Length),
                ("last", last),
                ("lastLength", last.Length),
                ("max", maxCount)),
            cancellationToken);
    }
}
