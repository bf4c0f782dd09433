using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Connectors.Sync.State.Relational;

namespace Connectors.Sync.Sqlite.Internal;

/// <summary>
/// SQLite's part of the shared SQL: quantities as a JSON map, lease tokens as hex text, and a claim that needs
/// no row locks because a write transaction (BEGIN IMMEDIATE) already excludes every other writer.
/// </summary>
internal sealed class SqliteDialect : RelationalDialect
{
    public static SqliteDialect Instance { get; } = new();

    // In process there is no round trip to save, and statements of 500 rows measured slower than row by row; 50 did not.
    public override int RowsPerStatement => 50;

    public override string LedgerQuantityColumns => "quantities";

    public override string LedgerQuantityValues(int row) => $"@quantities{row}";

    // BINARY, SQLite's default collation, already compares ordinally.
    public override string OrdinalCollation => "";

    // The write transaction holds the database's one write lock: there is no other writer to lock out.
    public override string LockRowForUpdate => "";

    // Decimals go to JSON as exact numbers (scale kept), never through a floating-point column.
    public override (string Name, object? Value)[] LedgerQuantityParameters(IReadOnlyDictionary<string, decimal> quantities, int row) =>
        [($"quantities{row}", JsonSerializer.Serialize(new Dictionary<string, decimal>(quantities, StringComparer.Ordinal), RelationalJsonContext.Default.DictionaryStringDecimal))];

    public override Dictionary<string, decimal> ReadLedgerQuantities(DbDataReader reader)
    {
        var quantities = JsonSerializer.Deserialize(Columns.Text(reader, "quantities"), RelationalJsonContext.Default.DictionaryStringDecimal) ?? [];
        return new Dictionary<string, decimal>(quantities, StringComparer.Ordinal);
    }

    // One statement under the write lock: selection and lease are atomic. Each limited kind is picked apart, up to
    // its limit, and the other kinds together; of all those the oldest due are leased.
    public override string ClaimStatement(string selectList, int limitedKinds)
    {
        var legs = ClaimLegs(limitedKinds).Select(leg => $"""
            SELECT * FROM (
                SELECT seq, priority, next_attempt_at FROM work_items AS candidate
                WHERE state = 'pending' AND next_attempt_at <= @now
                  AND (lease_expires_at IS NULL OR lease_expires_at <= @now)
                  AND (@lanes IS NULL OR lane IN (SELECT value FROM json_each(@lanes)))
                  AND {leg.Kinds}
                  AND (ordering_key IS NULL OR NOT EXISTS (
                      SELECT 1 FROM work_items AS earlier
                      WHERE earlier.ordering_key = candidate.ordering_key AND earlier.state = 'pending' AND earlier.seq < candidate.seq))
                ORDER BY priority, next_attempt_at, seq
                LIMIT {leg.Limit})
            """);
        return $"""
            UPDATE work_items
            SET lease_owner = @owner, lease_token = lower(hex(randomblob(16))), lease_expires_at = @expires,
                attempts = attempts + 1, updated_at = @now
            WHERE seq IN (
                SELECT seq FROM ({string.Join(" UNION ALL ", legs)})
                ORDER BY priority, next_attempt_at, seq
                LIMIT @max)
            RETURNING seq, {selectList};
            """;
    }

    // SQLite has no array parameters: the lanes travel as a JSON array, unpacked by json_each.
    public override object? LanesParameter(string[]? lanes) =>
        lanes is null ? null : JsonSerializer.Serialize(lanes, RelationalJsonContext.Default.StringArray);

    public override object LeaseTokenParameter(Guid token) => token.ToString("N", CultureInfo.InvariantCulture);

    public override Guid ReadLeaseToken(DbDataReader reader, int ordinal) => Guid.ParseExact(reader.GetString(ordinal), "N");
}
