using System.Data.Common;
using System.Text.Json;
using NodaTime;

namespace Connectors.Sync.State.Relational;

internal sealed class RelationalExceptionLog(RelationalScope scope, IClock clock) : IExceptionLog
{
    private const string SelectList =
        "id, reason_code, team, entity_type, entity_id, message, fix, detail, remote_error, work_item_key, status, attempts, first_seen, last_seen, status_changed_at";

    public Task<ExceptionRecord> RecordAsync(ExceptionReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(report.ReasonCode);
        ArgumentException.ThrowIfNullOrEmpty(report.Entity.Type);
        ArgumentException.ThrowIfNullOrEmpty(report.Entity.Id);
        var remoteError = report.RemoteError is null ? null : JsonSerializer.Serialize(report.RemoteError, RelationalJsonContext.Default.RemoteError);

        // One record per (reason, entity): a recurrence counts up and reopens it, unless an operator ignored it.
        return scope.WriteAsync(
            async sql => (await sql.QuerySingleAsync(
                $"""
                INSERT INTO exceptions (reason_code, team, entity_type, entity_id, message, fix, detail, remote_error, work_item_key,
                                        status, attempts, first_seen, last_seen, status_changed_at)
                VALUES (@reason, @team, @entityType, @entityId, @message, @fix, @detail, @remoteError, @workItemKey, 'open', 1, @now, @now, @now)
                ON CONFLICT (reason_code, entity_type, entity_id) DO UPDATE SET
                    team = excluded.team, message = excluded.message, fix = excluded.fix, detail = excluded.detail,
                    remote_error = excluded.remote_error,
                    work_item_key = COALESCE(excluded.work_item_key, exceptions.work_item_key),
                    attempts = exceptions.attempts + 1,
                    last_seen = excluded.last_seen,
                    status = CASE WHEN exceptions.status = 'ignored' THEN 'ignored' ELSE 'open' END,
                    status_changed_at = CASE WHEN exceptions.status IN ('ignored', 'open') THEN exceptions.status_changed_at ELSE excluded.status_changed_at END
                RETURNING {SelectList};
                """,
                Read,
                cancellationToken,
                ("reason", report.ReasonCode),
                ("team", Columns.EnumName(report.Team)),
                ("entityType", report.Entity.Type),
                ("entityId", report.Entity.Id),
                ("message", report.Message),
                ("fix", report.Fix),
                ("detail", report.Detail),
                ("remoteError", remoteError),
                ("workItemKey", report.WorkItemKey),
                ("now", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false))!,
            cancellationToken);
    }

    public Task<ExceptionRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            sql => sql.QuerySingleAsync($"SELECT {SelectList} FROM exceptions WHERE id = @id;", Read, cancellationToken, ("id", id)),
            cancellationToken);

    public Task<IReadOnlyList<ExceptionRecord>> ListAsync(ExceptionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(filter.MaxCount);
        // CAST types the optional filters: PostgreSQL cannot infer a parameter's type from "IS NULL" alone.
        return scope.ReadAsync(
            sql => sql.QueryAsync(
                $"""
                SELECT {SelectList} FROM exceptions
                WHERE (CAST(@team AS TEXT) IS NULL OR team = CAST(@team AS TEXT))
                  AND (CAST(@reason AS TEXT) IS NULL OR reason_code = CAST(@reason AS TEXT))
                  AND (CAST(@status AS TEXT) IS NULL OR status = CAST(@status AS TEXT))
                ORDER BY last_seen DESC, id DESC
                LIMIT @max;
                """,
                Read,
                cancellationToken,
                ("team", filter.Team is { } team ? Columns.EnumName(team) : null),
                ("reason", filter.ReasonCode),
                ("status", filter.Status is { } status ? Columns.EnumName(status) : null),
                ("max", filter.MaxCount)),
            cancellationToken);
    }

    public Task<bool> RetryAsync(long id, CancellationToken cancellationToken) =>
        scope.WriteAsync(
            async sql =>
            {
                var now = Columns.ToTicks(clock.GetCurrentInstant());
                var keys = await sql.QueryAsync(
                    "UPDATE exceptions SET status = 'retrying', status_changed_at = @now WHERE id = @id RETURNING work_item_key;",
                    reader => Columns.NullableText(reader, "work_item_key"),
                    cancellationToken,
                    ("id", id),
                    ("now", now)).ConfigureAwait(false);
                if (keys.Count == 0)
                {
                    return false;
                }

                // The waiting item becomes due now; one being worked on under a live lease is left to its worker.
                if (keys[0] is { } key)
                {
                    await sql.ExecuteAsync(
                        """
                        UPDATE work_items SET state = 'pending', next_attempt_at = @now, updated_at = @now
                        WHERE key = @key AND state IN ('pending', 'parked') AND (lease_expires_at IS NULL OR lease_expires_at <= @now);
                        """,
                        cancellationToken,
                        ("key", key),
                        ("now", now)).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);

    public Task<bool> ResolveAsync(long id, CancellationToken cancellationToken) => SetStatusAsync(id, ExceptionStatus.Resolved, cancellationToken);

    public Task<bool> IgnoreAsync(long id, CancellationToken cancellationToken) => SetStatusAsync(id, ExceptionStatus.Ignored, cancellationToken);

    private Task<bool> SetStatusAsync(long id, ExceptionStatus status, CancellationToken cancellationToken) =>
        scope.WriteAsync(
            async sql => await sql.ExecuteAsync(
                "UPDATE exceptions SET status = @status, status_changed_at = @now WHERE id = @id;",
                cancellationToken,
                ("id", id),
                ("status", Columns.EnumName(status)),
                ("now", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false) == 1,
            cancellationToken);

    private static ExceptionRecord Read(DbDataReader reader)
    {
        var remoteError = Columns.NullableText(reader, "remote_error");
        return new ExceptionRecord(
            Columns.Int64(reader, "id"),
            Columns.Text(reader, "reason_code"),
            Columns.Enum<OwningTeam>(reader, "team"),
            new EntityReference(Columns.Text(reader, "entity_type"), Columns.Text(reader, "entity_id")),
            Columns.Text(reader, "message"),
            Columns.Text(reader, "fix"),
            Columns.NullableText(reader, "detail"),
            remoteError is null ? null : JsonSerializer.Deserialize(remoteError, RelationalJsonContext.Default.RemoteError),
            Columns.NullableText(reader, "work_item_key"),
            Columns.Enum<ExceptionStatus>(reader, "status"),
            Columns.Int32(reader, "attempts"),
            Columns.Instant(reader, "first_seen"),
            Columns.Instant(reader, "last_seen"),
            Columns.Instant(reader, "status_changed_at"));
    }
}
