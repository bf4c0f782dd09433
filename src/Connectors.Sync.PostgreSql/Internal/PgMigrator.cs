using System.Globalization;
using System.Reflection;
using NodaTime;

namespace Connectors.Sync.PostgreSql.Internal;

/// <summary>One numbered schema script.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Brings a schema to the current version: the scripts embedded under <c>Migrations/</c>, named
/// <c>NNNN_name.sql</c>, applied in order in one transaction, each recorded in <c>schema_migrations</c>.
/// Safe to run on every open and by several instances at once: a transaction-scoped advisory lock per schema
/// lets one instance migrate while the others wait and then find nothing left to do.
/// </summary>
internal static class PgMigrator
{
    private const string ResourcePrefix = "Connectors.Sync.PostgreSql.Migrations.";

    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    public static Task MigrateAsync(PgConnections connections, IClock clock, CancellationToken cancellationToken) =>
        connections.RunAsync(
            async connection =>
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var sql = new PgSql(connection, transaction);
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
                    var current = (await sql.QueryAsync(
                        "SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations;",
                        reader => Columns.Int32(reader, "version"),
                        cancellationToken).ConfigureAwait(false))[0];
                    var latest = Migrations[^1].Version;
                    if (current > latest)
                    {
                        throw new InvalidOperationException(
                            $"The state schema '{connections.Schema}' has version {current}, newer than this library's {latest}. Use the newer library version that wrote it.");
                    }

                    foreach (var migration in Migrations.Where(m => m.Version > current))
                    {
                        await sql.ExecuteAsync(migration.Sql, cancellationToken).ConfigureAwait(false);
                        await sql.ExecuteAsync(
                            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at);",
                            cancellationToken,
                            ("version", migration.Version),
                            ("name", migration.Name),
                            ("at", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return current;
                }
            },
            cancellationToken);

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(PgMigrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(m => m.Version)
            .ToList();
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema migrations must be numbered 1, 2, 3, ... without gaps; found {migrations[i].Name}.");
            }
        }

        return migrations;
    }

    private static Migration Load(Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..^".sql".Length];
        var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }
}
