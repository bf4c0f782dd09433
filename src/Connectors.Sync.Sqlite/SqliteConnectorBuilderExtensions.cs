using Connectors.Sync.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Connectors.Sync.Sqlite;

/// <summary>Keeps the connector's state in one SQLite file.</summary>
public static class SqliteConnectorBuilderExtensions
{
    /// <summary>
    /// Uses a SQLite file as the state store (created and migrated when first resolved). One process per file:
    /// for several instances use the PostgreSQL store.
    /// </summary>
    /// <param name="builder">The connector builder.</param>
    /// <param name="path">The database file; its folder is created when missing.</param>
    /// <returns>The builder.</returns>
    public static ConnectorBuilder UseSqlite(this ConnectorBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.UseSqlite(new SqliteStoreOptions { Path = path });
    }

    /// <summary>Uses a SQLite file as the state store, with explicit settings.</summary>
    /// <param name="builder">The connector builder.</param>
    /// <param name="options">The store's settings.</param>
    /// <returns>The builder.</returns>
    public static ConnectorBuilder UseSqlite(this ConnectorBuilder builder, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.RemoveAll<IConnectorStore>();
        // Opening migrates the schema; it happens once, when the engine or a receiver first needs the store.
#pragma warning disable RS0030 // A container factory cannot await; the store is opened once, at its first resolution.
        builder.Services.AddSingleton<IConnectorStore>(provider =>
            SqliteConnectorStore.OpenAsync(options, provider.GetRequiredService<IClock>(), CancellationToken.None).GetAwaiter().GetResult());
#pragma warning restore RS0030
        return builder;
    }
}
