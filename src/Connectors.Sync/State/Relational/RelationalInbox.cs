using System.Data.Common;
using System.Text.Json;
using NodaTime;

namespace Connectors.Sync.State.Relational;

internal sealed class RelationalInbox(RelationalScope scope, IClock clock) : IInbox
{
    private const string SelectList = "source, event_id, event_type, body, headers, received_at, processed_at";

    public Task<InboxStoreResult> StoreAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentException.ThrowIfNullOrEmpty(delivery.Source);
        ArgumentException.ThrowIfNullOrEmpty(delivery.EventId);
        var headers = JsonSerializer.Serialize(
            new Dictionary<string, string>(delivery.Headers, StringComparer.Ordinal), RelationalJsonContext.Default.DictionaryStringString);
        return scope.WriteAsync(
            async sql =>
            {
                var inserted = await sql.ExecuteAsync(
                    """
                    INSERT INTO inbox (source, event_id, event_type, body, headers, received_at)
                    VALUES (@source, @eventId, @eventType, @body, @headers, @now)
                    ON CONFLICT (source, event_id) DO NOTHING;
                    """,
                    cancellationToken,
                    ("source", delivery.Source),
                    ("eventId", delivery.EventId),
                    ("eventType", delivery.EventType),
                    ("body", delivery.Body.ToArray()),
                    ("headers", headers),
                    ("now", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false);
                return inserted == 1 ? InboxStoreResult.Stored : InboxStoreResult.Duplicate;
            },
            cancellationToken);
    }

    public Task<InboxMessage?> FindAsync(string source, string eventId, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            sql => sql.QuerySingleAsync(
                $"SELECT {SelectList} FROM inbox WHERE source = @source AND event_id = @eventId;",
                Read,
                cancellationToken,
                ("source", source),
                ("eventId", eventId)),
            cancellationToken);

    // Deliveries are numbered in the order they were stored, so the newest is the highest seq of the source.
    public Task<Instant?> LatestReceivedAsync(string source, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            async sql =>
            {
                var latest = await sql.QueryAsync(
                    "SELECT received_at FROM inbox WHERE source = @source ORDER BY seq DESC LIMIT 1;",
                    reader => Columns.Instant(reader, "received_at"),
                    cancellationToken,
                    ("source", source)).ConfigureAwait(false);
                return latest.Count == 0 ? (Instant?)null : latest[0];
            },
            cancellationToken);

    public Task<IReadOnlyList<InboxMessage>> ListUnprocessedAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return scope.ReadAsync(
            sql => sql.QueryAsync(
                $"SELECT {SelectList} FROM inbox WHERE processed_at IS NULL ORDER BY seq LIMIT @max;",
                Read,
                cancellationToken,
                ("max", maxCount)),
            cancellationToken);
    }

    /// <summary>Deliveries per settling statement, well below SQLite's parameter limit.</summary>
    private const int SettleChunk = 250;

    public Task<int> MarkProcessedAsync(IReadOnlyCollection<InboxKey> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var now = Columns.ToTicks(clock.GetCurrentInstant());
        return scope.WriteAsync(
            async sql =>
            {
                var matched = 0;
                foreach (var chunk in deliveries.Distinct().Chunk(SettleChunk))
                {
                    var keys = string.Join(" OR ", chunk.Select((_, i) => $"(source = @s{i} AND event_id = @e{i})"));
                    (string, object?)[] parameters =
                    [
                        .. chunk.SelectMany((key, i) => new (string, object?)[] { ($"s{i}", key.Source), ($"e{i}", key.EventId) }),
                        ("now", now),
                    ];
                    matched += await sql.ExecuteAsync(
                        $"UPDATE inbox SET processed_at = COALESCE(processed_at, @now) WHERE {keys};", cancellationToken, parameters).ConfigureAwait(false);
                }

                return matched;
            },
            cancellationToken);
    }

    public Task<int> PurgeProcessedAsync(Instant receivedBefore, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return scope.WriteAsync(
            sql => sql.ExecuteAsync(
                """
                DELETE FROM inbox WHERE seq IN (
                    SELECT seq FROM inbox WHERE processed_at IS NOT NULL AND received_at < @before ORDER BY received_at LIMIT @max);
                """,
                cancellationToken,
                ("before", Columns.ToTicks(receivedBefore)),
                ("max", maxCount)),
            cancellationToken);
    }

    private static InboxMessage Read(DbDataReader reader)
    {
        var headers = JsonSerializer.Deserialize(Columns.Text(reader, "headers"), RelationalJsonContext.Default.DictionaryStringString) ?? [];
        return new InboxMessage(
            Columns.Text(reader, "source"),
            Columns.Text(reader, "event_id"),
            Columns.Text(reader, "event_type"),
            (byte[])reader.GetValue(reader.GetOrdinal("body")),
            headers,
            Columns.Instant(reader, "received_at"),
            Columns.NullableInstant(reader, "processed_at"));
    }
}
