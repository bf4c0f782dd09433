using Connectors.Sync.State.Relational;
using NodaTime;

namespace Connectors.Sync.Sqlite.Internal;

/// <summary>
/// Brings a database file to the current schema: the scripts embedded under <c>Migrations/</c>, applied in
/// order (see <see cref="RelationalMigrations"/>). Safe to run on every open and by several processes at once
/// (the write lock serialises them).
/// </summary>
internal static class SqliteMigrator
{
    public static IReadOnlyList<Migration> Migrations { get; } =
        RelationalMigrations.Load(typeof(SqliteMigrator).Assembly, "Connectors.Sync.Sqlite.Migrations.");

    public static async Task MigrateAsync(SqliteConnectionFactory connections, IClock clock, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Persistent in the file: readers no longer block the writer, nor the writer readers.
            await new RelationalSql(connection, null).ExecuteAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);

            var transaction = await connections.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var sql = new RelationalSql(connection, transaction);
                await sql.ExecuteAsync(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);",
                    cancellationToken).ConfigureAwait(false);
                await RelationalMigrations.ApplyAsync(
                    sql,
                    Migrations,
                    clock,
                    (found, latest) =>
                        $"The state database '{connection.DataSource}' has schema version {found}, newer than this library's {latest}. Use the newer library version that wrote it.",
                    cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
