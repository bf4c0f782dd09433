using System.Data.Common;

namespace Connectors.Sync.State.Relational;

/// <summary>Each call on its own pooled connection; each write in its own transaction.</summary>
internal sealed class AutoCommitScope(RelationalConnections connections) : RelationalScope
{
    public override async Task<T> ReadAsync<T>(Func<RelationalSql, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await work(new RelationalSql(connection, null)).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (connections.IsPassingFailure(exception))
        {
            throw connections.PassingFailure(exception);
        }
    }

    public override async Task<T> WriteAsync<T>(Func<RelationalSql, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connections.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(new RelationalSql(connection, transaction)).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
            }
        }
        catch (Exception exception) when (connections.IsPassingFailure(exception))
        {
            throw connections.PassingFailure(exception);
        }
    }
}

/// <summary>Every call on the unit of work's connection, inside its one transaction.</summary>
internal sealed class TransactionScope(
    DbConnection connection, DbTransaction transaction, RelationalConnections connections, Action ensureActive) : RelationalScope
{
    public override Task<T> ReadAsync<T>(Func<RelationalSql, Task<T>> work, CancellationToken cancellationToken) => RunAsync(work);

    public override Task<T> WriteAsync<T>(Func<RelationalSql, Task<T>> work, CancellationToken cancellationToken) => RunAsync(work);

    private async Task<T> RunAsync<T>(Func<RelationalSql, Task<T>> work)
    {
        ensureActive();
        try
        {
            return await work(new RelationalSql(connection, transaction)).ConfigureAwait(false);
        }
        catch (Exception exception) when (connections.IsPassingFailure(exception))
        {
            throw connections.PassingFailure(exception);
        }
    }
}
