using System.Data.Common;
using Connectors.Sync.State.Relational;

namespace Connectors.Sync.PostgreSql.Internal;

/// <summary>
/// PostgreSQL's part of the shared SQL: quantities as parallel text[]/numeric[] columns, lease tokens as uuid,
/// row locks for instances writing at the same time, and a claim that skips rows another instance is claiming.
/// </summary>
internal sealed class PgDialect : RelationalDialect
{
    public static PgDialect Instance { get; } = new();

    // Each statement is a round trip: as many rows as a page holds (3,500 parameters at most, the limit is 65,535).
    public override int RowsPerStatement => 500;

    public override string LedgerQuantityColumns => "quantity_names, quantities";

    public override string LedgerQuantityValues(int row) => $"@names{row}, @quantities{row}";

    // The database's collation may order text by language rules; "C" orders it by bytes.
    public override string OrdinalCollation => " COLLATE \"C\"";

    public override string LockRowForUpdate => " FOR UPDATE";

    // numeric keeps every decimal exactly, scale included.
    public override (string Name, object? Value)[] LedgerQuantityParameters(IReadOnlyDictionary<string, decimal> quantities, int row) =>
        [($"names{row}", quantities.Keys.ToArray()), ($"quantities{row}", quantities.Values.ToArray())];

    public override Dictionary<string, decimal> ReadLedgerQuantities(DbDataReader reader)
    {
        var names = reader.GetFieldValue<string[]>(reader.GetOrdinal("quantity_names"));
        var values = reader.GetFieldValue<decimal[]>(reader.GetOrdinal("quantities"));
        return names.Zip(values).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    // Rows another instance is claiming right now are locked: SKIP LOCKED passes over them instead of
    // waiting, and a row whose lease was taken meanwhile fails the re-checked conditions. An item with an
    // ordering key waits for every earlier pending item of that key (a leased one included), so items of one
    // key never run on two instances at once. Each limited kind is picked apart, up to its limit, and the other
    // kinds together; of all those the oldest due are leased (the others' row locks end with the statement).
    public override string ClaimStatement(string selectList, int limitedKinds)
    {
        var legs = ClaimLegs(limitedKinds).Select((leg, i) => $"""
            due{i} AS (
                SELECT seq, priority, next_attempt_at FROM work_items AS candidate
                WHERE state = 'pending' AND next_attempt_at <= @now
                  AND (lease_expires_at IS NULL OR lease_expires_at <= @now)
                  AND (@lanes::text[] IS NULL OR lane = ANY (@lanes::text[]))
                  AND {leg.Kinds}
                  AND (ordering_key IS NULL OR NOT EXISTS (
                      SELECT 1 FROM work_items AS earlier
                      WHERE earlier.ordering_key = candidate.ordering_key AND earlier.state = 'pending' AND earlier.seq < candidate.seq))
                ORDER BY priority, next_attempt_at, seq
                LIMIT {leg.Limit}
                FOR UPDATE OF candidate SKIP LOCKED)
            """).ToList();
        var union = string.Join(" UNION ALL ", legs.Select((_, i) => $"SELECT seq, priority, next_attempt_at FROM due{i}"));
        return $"""
            WITH {string.Join(",\n", legs)},
            picked AS ({union} ORDER BY priority, next_attempt_at, seq LIMIT @max)
            UPDATE work_items AS item
            SET lease_owner = @owner, lease_token = gen_random_uuid(), lease_expires_at = @expires,
                attempts = item.attempts + 1, updated_at = @now
            FROM picked
            WHERE item.seq = picked.seq
            RETURNING item.seq, {string.Join(", ", selectList.Split(", ").Select(column => "item." + column))};
            """;
    }

    public override object? LanesParameter(string[]? lanes) => lanes;

    public override object LeaseTokenParameter(Guid token) => token;

    public override Guid ReadLeaseToken(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    // Enqueues sharing an ordering key take turns (a lock held until commit), so their sequence numbers
    // follow commit order: a claimer can never see a later item of a key while an earlier one is uncommitted.
    // The keys come sorted and are locked in that order, so two batches sharing keys cannot deadlock each other.
    public override async Task BeforeEnqueueAsync(RelationalSql sql, IReadOnlyList<string> orderingKeys, CancellationToken cancellationToken)
    {
        if (orderingKeys.Count > 0)
        {
            await sql.ExecuteAsync(
                """
                SELECT pg_advisory_xact_lock(hashtext('connectors.ordering-key'), hashtext(ordering_key))
                FROM unnest(@orderingKeys::text[]) WITH ORDINALITY AS keys(ordering_key, position)
                ORDER BY position;
                """,
                cancellationToken,
                ("orderingKeys", orderingKeys.ToArray())).ConfigureAwait(false);
        }
    }
}
