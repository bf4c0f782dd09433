using NodaTime;

namespace Connectors.Sync.State.Relational;

internal sealed class RelationalSnapshots(RelationalScope scope, IClock clock) : ISnapshots
{
    public Task SaveAsync(string name, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(body);
        return scope.WriteAsync(
            sql => sql.ExecuteAsync(
                """
                INSERT INTO snapshots (name, body, saved_at) VALUES (@name, @body, @now)
                ON CONFLICT (name) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at;
                """,
                cancellationToken,
                ("name", name),
                ("body", body),
                ("now", Columns.ToTicks(clock.GetCurrentInstant()))),
            cancellationToken);
    }

    public Task<Snapshot?> LoadAsync(string name, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            sql => sql.QuerySingleAsync(
                "SELECT name, body, saved_at FROM snapshots WHERE name = @name;",
                reader => new Snapshot(Columns.Text(reader, "name"), Columns.Text(reader, "body"), Columns.Instant(reader, "saved_at")),
                cancellationToken,
                ("name", name)),
            cancellationToken);
}
