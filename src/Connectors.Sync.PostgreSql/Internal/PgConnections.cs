using System.Data.Common;
using Connectors.Sync.State.Relational;
using Npgsql;

namespace Connectors.Sync.PostgreSql.Internal;

/// <summary>
/// The store's connection pool, every connection on the store's schema. Turns passing failures into
/// <see cref="PostgreSqlStoreTransientException"/> and drops the pool's idle connections with them, since
/// after a server restart or a terminated session those are dead too: the next call starts afresh.
/// </summary>
internal sealed class PgConnections : RelationalConnections, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PgConnections(string connectionString, string schema)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.SearchPath = schema;
        _dataSource = builder.Build();
        Schema = schema;
    }

    public string Schema { get; }

    /// <summary>Runs <paramref name="work"/> on a pooled connection, translating passing failures.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await work(connection).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException exception) when (exception.IsTransient)
        {
            throw Transient(exception);
        }
    }

    /// <summary>Opens a connection held by the caller (a scope's call or a unit of work).</summary>
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (exception.IsTransient)
        {
            throw Transient(exception);
        }
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    public override bool IsPassingFailure(Exception exception) => exception is NpgsqlException { IsTransient: true };

    public override Exception PassingFailure(Exception exception) => Transient((NpgsqlException)exception);

    /// <summary>The exception to throw for a passing failure; also empties the pool of connections that may be dead.</summary>
    public PostgreSqlStoreTransientException Transient(NpgsqlException exception)
    {
        DropIdleConnections();
        return new PostgreSqlStoreTransientException(
            $"The PostgreSQL state store (schema '{Schema}') failed for a passing reason: {exception.Message.TrimEnd('.')}. Retry after a backoff.",
            exception);
    }

    /// <summary>Closes the pool's idle connections; those in use are closed when returned.</summary>
    public override void DropIdleConnections() => _dataSource.Clear();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
