using Connectors.Sync.State;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connectors.Sync.Sqlite.Internal;

/// <summary>One connection holding one immediate transaction (the write lock) until commit or dispose.</summary>
internal sealed class SqliteUnitOfWork : IUnitOfWork
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteStateParts _parts;
    private bool _ended;

    private SqliteUnitOfWork(SqliteConnection connection, IClock clock)
    {
        _connection = connection;
        _transaction = SqliteConnectionFactory.BeginImmediate(connection);
        _parts = new SqliteStateParts(new TransactionScope(connection, _transaction, EnsureActive), clock);
    }

    public IInbox Inbox => _parts.Inbox;

    public ICursors Cursors => _parts.Cursors;

    public IWorkItems WorkItems => _parts.WorkItems;

    public ILedger Ledger => _parts.Ledger;

    public ILinks Links => _parts.Links;

    public IExceptionLog Exceptions => _parts.Exceptions;

    public IRunHistory Runs => _parts.Runs;

    public static async Task<IUnitOfWork> BeginAsync(SqliteConnectionFactory connections, IClock clock, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new SqliteUnitOfWork(connection, clock);
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
        await _transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back.
        _ended = true;
        await _transaction.DisposeAsync().ConfigureAwait(false);
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
