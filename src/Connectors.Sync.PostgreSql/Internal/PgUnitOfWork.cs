using Connectors.Sync.State;
using Npgsql;
using NodaTime;

namespace Connectors.Sync.PostgreSql.Internal;

/// <summary>One connection holding one transaction until commit or dispose.</summary>
internal sealed class PgUnitOfWork : IUnitOfWork
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly PgConnections _connections;
    private readonly PgStateParts _parts;
    private bool _ended;

    private PgUnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, PgConnections connections, IClock clock)
    {
        _connection = connection;
        _transaction = transaction;
        _connections = connections;
        _parts = new PgStateParts(new TransactionScope(connection, transaction, connections, EnsureActive), clock);
    }

    public IInbox Inbox => _parts.Inbox;

    public ICursors Cursors => _parts.Cursors;

    public IWorkItems WorkItems => _parts.WorkItems;

    public ILedger Ledger => _parts.Ledger;

    public ILinks Links => _parts.Links;

    public IExceptionLog Exceptions => _parts.Exceptions;

    public IRunHistory Runs => _parts.Runs;

    public static async Task<IUnitOfWork> BeginAsync(PgConnections connections, IClock clock, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new PgUnitOfWork(connection, transaction, connections, clock);
        }
        catch (NpgsqlException exception) when (exception.IsTransient)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw connections.Transient(exception);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        EnsureActive();
        cancellationToken.ThrowIfCancellationRequested();
        _ended = true;
        try
        {
            await _transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (exception.IsTransient)
        {
            throw _connections.Transient(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back; on a broken connection there is nothing to roll back.
        _ended = true;
        try
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (exception.IsTransient)
        {
            _connections.DropIdleConnections();
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void EnsureActive()
    {
        if (_ended)
        {
            throw new InvalidOperationException("The unit of work has ended (committed or disposed); begin a new one.");
        }
    }
}
