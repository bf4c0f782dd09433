using Connectors.Sync.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Connectors.Sync.PostgreSql;

/// <summary>Keeps the connector's state in PostgreSQL, shared by every instance that points at the same database.</summary>
public static class PostgreSqlConnectorBuilderExtensions
{
    /// <summary>Uses a PostgreSQL database as the state store (schema created and migrated when first resolved).</summary>
    /// <param name="builder">The connector builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder.</returns>
    public static ConnectorBuilder UsePostgreSql(this ConnectorBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return builder.UsePostgreSql(new PostgreSqlStoreOptions { ConnectionString = connectionString });
    }

    /// <summary>Uses a PostgreSQL database as the state store, with explicit settings.</summary>
    /// <param name="builder">The connector builder.</param>
    /// <param name="options">The store's settings.</param>
    /// <returns>The builder.</returns>
    public static ConnectorBuilder UsePostgreSql(this ConnectorBuilder builder, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.RemoveAll<IConnectorStore>();
#pragma warning disable RS0030 // A container factory cannot await; the store is opened once, at its first resolution.
        builder.Services.AddSingleton<IConnectorStore>(provider =>
            PostgreSqlConnectorStore.OpenAsync(options, provider.GetRequiredService<IClock>(), CancellationToken.None).GetAwaiter().GetResult());
#pragma warning restore RS0030
        return builder;
    }
}
