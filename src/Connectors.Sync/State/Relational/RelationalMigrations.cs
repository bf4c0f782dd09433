using System.Globalization;
using System.Reflection;
using NodaTime;

namespace Connectors.Sync.State.Relational;

/// <summary>One numbered schema script.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Numbered schema scripts embedded in a store's assembly (<c>NNNN_name.sql</c>) and their application, each
/// recorded in <c>schema_migrations</c>. The store creates that table and takes its migration lock first,
/// since both differ per database.
/// </summary>
internal static class RelationalMigrations
{
    /// <summary>Loads the scripts named <c>{resourcePrefix}NNNN_name.sql</c>, checking they are numbered 1, 2, 3, ...</summary>
    public static IReadOnlyList<Migration> Load(Assembly assembly, string resourcePrefix)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => LoadOne(assembly, resourcePrefix, name))
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

    /// <summary>Applies the scripts newer than the recorded version, in the caller's transaction.</summary>
    /// <param name="sql">The connection and transaction, holding the store's migration lock.</param>
    /// <param name="migrations">All the store's scripts, as <see cref="Load"/> returns them.</param>
    /// <param name="clock">The source of each script's <c>applied_at</c>.</param>
    /// <param name="tooNew">The message for a database whose version (first argument) is newer than the latest script (second).</param>
    /// <param name="cancellationToken">Cancels migrating.</param>
    /// <returns>The version found before migrating.</returns>
    public static async Task<int> ApplyAsync(
        RelationalSql sql, IReadOnlyList<Migration> migrations, IClock clock, Func<int, int, string> tooNew, CancellationToken cancellationToken)
    {
        var current = (await sql.QueryAsync(
            "SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations;",
            reader => Columns.Int32(reader, "version"),
            cancellationToken).ConfigureAwait(false))[0];
        var latest = migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(tooNew(current, latest));
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await sql.ExecuteAsync(migration.Sql, cancellationToken).ConfigureAwait(false);
            await sql.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at);",
                cancellationToken,
                ("version", migration.Version),
                ("name", migration.Name),
                ("at", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false);
        }

        return current;
    }

    private static Migration LoadOne(Assembly assembly, string resourcePrefix, string resourceName)
    {
        var name = resourceName[resourcePrefix.Length..^".sql".Length];
        var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }
}
