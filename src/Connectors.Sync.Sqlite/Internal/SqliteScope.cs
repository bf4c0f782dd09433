using Microsoft.Data.Sqlite;

namespace Connectors.Sync.Sqlite.Internal;

/// <summary>Where the store's parts run their SQL: one commit per call, or inside a unit of work.</summary>
internal abstract class SqliteScope
{
    /// <summary>Runs a read.</summary>
    public abstract Task<T> ReadAsync<T>(Func<SqliteSql, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs a change; all its statements commit together.</summary>
    public abstract Task<T> WriteAsync<T>(Func<SqliteSql, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>Each call on its own pooled connection; each write in its own immediate transaction.</summary>
internal sealed class AutoCommitScope(SqliteConnectionFactory connections) : SqliteScope
{
    public override async Task<T> ReadAsync<T>(Func<SqliteSql, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await work(new SqliteSql(connection, null)).ConfigureAwait(false);
        }
    }

    public override async Task<T> WriteAsync<T>(Func<SqliteSql, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = SqliteConnectionFactory.BeginImmediate(connection);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(new SqliteSql(connection, transaction)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }
}

/// <summary>Every call on the unit of work's connection, inside its one transaction.</summary>
internal sealed class TransactionScope(SqliteConnection connection, SqliteTransaction transaction, Action ensureActive) : SqliteScope
{
    public override Task<T> ReadAsync<T>(Func<SqliteSql, Task<T>> work, CancellationToken cancellationToken) => Run(work);

    public override Task<T> WriteAsync<T>(Func<SqliteSql, Task<T>> work, CancellationToken cancellationToken) => Run(work);

    private Task<T> Run<T>(Func<SqliteSql, Task<T>> work)
    {
        ensureActive();
        return work(new SqliteSql(connection, transaction));
    }
}
