using Npgsql;

namespace Connectors.Sync.PostgreSql.Internal;

/// <summary>Where the store's parts run their SQL: one commit per call, or inside a unit of work.</summary>
internal abstract class PgScope
{
    /// <summary>Runs a read.</summary>
    public abstract Task<T> ReadAsync<T>(Func<PgSql, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs a change; all its statements commit together.</summary>
    public abstract Task<T> WriteAsync<T>(Func<PgSql, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>Each call on its own pooled connection; each write in its own transaction.</summary>
internal sealed class AutoCommitScope(PgConnections connections) : PgScope
{
    public override Task<T> ReadAsync<T>(Func<PgSql, Task<T>> work, CancellationToken cancellationToken) =>
        connections.RunAsync(connection => work(new PgSql(connection, null)), cancellationToken);

    public override Task<T> WriteAsync<T>(Func<PgSql, Task<T>> work, CancellationToken cancellationToken) =>
        connections.RunAsync(
            async connection =>
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(new PgSql(connection, transaction)).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
            },
            cancellationToken);
}

/// <summary>Every call on the unit of work's connection, inside its one transaction.</summary>
internal sealed class TransactionScope(
    NpgsqlConnection connection, NpgsqlTransaction transaction, PgConnections connections, Action ensureActive) : PgScope
{
    public override Task<T> ReadAsync<T>(Func<PgSql, Task<T>> work, CancellationToken cancellationToken) => RunAsync(work);

    public override Task<T> WriteAsync<T>(Func<PgSql, Task<T>> work, CancellationToken cancellationToken) => RunAsync(work);

    private async Task<T> RunAsync<T>(Func<PgSql, Task<T>> work)
    {
        ensureActive();
        try
        {
            return await work(new PgSql(connection, transaction)).ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (exception.IsTransient)
        {
            throw connections.Transient(exception);
        }
    }
}
