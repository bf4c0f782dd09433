using System.Data.Common;
using NodaTime;

namespace Connectors.Sync.State.Relational;

/// <summary>One connection holding one write transaction (and its locks) until commit or dispose.</summary>
internal sealed class RelationalUnitOfWork : RelationalStateParts, IUnitOfWork
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly RelationalConnections _connections;
    private readonly Lifetime _lifetime;

    private RelationalUnitOfWork(
        DbConnection connection, DbTransaction transaction, RelationalConnections connections, RelationalDialect dialect, IClock clock, Lifetime lifetime)
        : base(new TransactionScope(connection, transaction, connections, lifetime.EnsureActive), dialect, clock)
    {
        _connection = connection;
        _transaction = transaction;
        _connections = connections;
        _lifetime = lifetime;
    }

    public static async Task<IUnitOfWork> BeginAsync(
        RelationalConnections connections, RelationalDialect dialect, IClock clock, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connections.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            return new RelationalUnitOfWork(connection, transaction, connections, dialect, clock, new Lifetime());
        }
        catch (Exception exception) when (connections.IsPassingFailure(exception))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw connections.PassingFailure(exception);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        _lifetime.EnsureActive();
        cancellationToken.ThrowIfCancellationRequested();
        _lifetime.Ended = true;
        try
        {
            await _transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (_connections.IsPassingFailure(exception))
        {
            throw _connections.PassingFailure(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back; on a broken connection there is nothing to roll back.
        _lifetime.Ended = true;
        try
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (_connections.IsPassingFailure(exception))
        {
            _connections.DropIdleConnections();
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Whether the unit of work has ended; made before the parts, which check it on every call.</summary>
    private sealed class Lifetime
    {
        public bool Ended { get; set; }

        public void EnsureActive()
        {
            if (Ended)
            {
                throw new InvalidOperationException("The unit of work has ended (committed or disposed); begin a new one.");
            }
        }
    }
}
