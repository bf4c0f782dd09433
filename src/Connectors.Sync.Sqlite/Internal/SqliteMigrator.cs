using System.Globalization;
using System.Reflection;
using NodaTime;

namespace Connectors.Sync.Sqlite.Internal;

/// <summary>One numbered schema script.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Brings a database file to the current schema: the scripts embedded under <c>Migrations/</c>, named
/// <c>NNNN_name.sql</c>, applied in order, each recorded in <c>schema_migrations</c>. Safe to run on every
/// open and by several processes at once (the write lock serialises them).
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "Connectors.Sync.Sqlite.Migrations.";

    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    public static async Task MigrateAsync(SqliteConnectionFactory connections, IClock clock, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Persistent in the file: readers no longer block the writer, nor the writer readers.
            await new SqliteSql(connection, null).ExecuteAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);

            var transaction = SqliteConnectionFactory.BeginImmediate(connection);
            await using (transaction.ConfigureAwait(false))
            {
                var sql = new SqliteSql(connection, transaction);
                await sql.ExecuteAsync(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);",
                    cancellationToken).ConfigureAwait(false);
                var current = await CurrentVersionAsync(sql, cancellationToken).ConfigureAwait(false);
                var latest = Migrations[^1].Version;
                if (current > latest)
                {
                    throw new InvalidOperationException(
                        $"The state database '{connection.DataSource}' has schema version {current}, newer than this library's {latest}. Use the newer library version that wrote it.");
                }

                foreach (var migration in Migrations.Where(m => m.Version > current))
                {
                    await sql.ExecuteAsync(migration.Sql, cancellationToken).ConfigureAwait(false);
                    await sql.ExecuteAsync(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at);",
                        cancellationToken,
                        ("$version", migration.Version),
                        ("$name", migration.Name),
                        ("$at", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> CurrentVersionAsync(SqliteSql sql, CancellationToken cancellationToken)
    {
        var command = sql.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;");
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return Convert.ToInt32(value, CultureInfo.InvariantCulture);
        }
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
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
