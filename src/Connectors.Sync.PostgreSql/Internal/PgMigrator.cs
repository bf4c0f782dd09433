using Connectors.Sync.State.Relational;
using NodaTime;

namespace Connectors.Sync.PostgreSql.Internal;

/// <summary>
/// Brings a schema to the current version: the scripts embedded under <c>Migrations/</c>,
/// applied in order in one transaction (see <see cref="RelationalMigrations"/>).
/// Safe to run on every open and by several instances at once: a transaction-scoped advisory lock per schema
/// lets one instance migrate while the others wait and then find nothing left to do.
/// </summary>
internal static class PgMigrator
{
    public static IReadOnlyList<Migration> Migrations { get; } =
        RelationalMigrations.Load(typeof(PgMigrator).Assembly, "Connectors.Sync.PostgreSql.Migrations.");

    public static Task MigrateAsync(PgConnections connections, IClock clock, CancellationToken cancellationToken) =>
        connections.RunAsync(
            async connection =>
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var sql = new RelationalSql(connection, transaction);
                    await sql.ExecuteAsync(
                        "SELECT pg_advisory_xact_lock(hashtext('connectors.migrate'), hashtext(@schema));",
                        cancellationToken,
                        ("schema", connections.Schema)).ConfigureAwait(false);

                    // The name is validated as a plain identifier (PostgreSqlStoreOptions.Validate).
                    await sql.ExecuteAsync(
                        $"""
                        CREATE SCHEMA IF NOT EXISTS {connections.Schema};
                        CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL);
                        """,
                        cancellationToken).ConfigureAwait(false);
                    var current = await RelationalMigrations.ApplyAsync(
                        sql,
                        Migrations,
                        clock,
                        (found, latest) =>
                            $"The state schema '{connections.Schema}' has version {found}, newer than this library's {latest}. Use the newer library version that wrote it.",
                        cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return current;
                }
            },
            cancellationToken);
}
