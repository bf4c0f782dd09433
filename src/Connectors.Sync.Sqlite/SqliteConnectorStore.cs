using Connectors.Sync.Sqlite.Internal;
using Connectors.Sync.State;
using Connectors.Sync.State.Relational;
using NodaTime;

namespace Connectors.Sync.Sqlite;

/// <summary>
/// The connector's state in one SQLite file (WAL mode): the embedded default store. Opening it applies
/// any pending schema migrations. Several stores (or processes) may open the same file; writes are
/// serialised by SQLite's write lock and claims stay exclusive.
/// </summary>
/// <example>
/// <code>
/// await using var store = await SqliteConnectorStore.OpenAsync("connector.db", SystemClock.Instance, cancellationToken);
/// </code>
/// </example>
public sealed class SqliteConnectorStore : IConnectorStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly RelationalStore _state;

    private SqliteConnectorStore(SqliteConnectionFactory connections, IClock clock)
    {
        _connections = connections;
        _state = new RelationalStore(connections, SqliteDialect.Instance, clock);
    }

    /// <summary>The schema version this library creates and reads.</summary>
    public static int SchemaVersion => SqliteMigrator.Migrations[^1].Version;

    /// <inheritdoc />
    public IInbox Inbox => _state.Inbox;

    /// <inheritdoc />
    public ICursors Cursors => _state.Cursors;

    /// <inheritdoc />
    public IWorkItems WorkItems => _state.WorkItems;

    /// <inheritdoc />
    public ILedger Ledger => _state.Ledger;

    /// <inheritdoc />
    public ILinks Links => _state.Links;

    /// <inheritdoc />
    public IExceptionLog Exceptions => _state.Exceptions;

    /// <inheritdoc />
    public IRunHistory Runs => _state.Runs;

    /// <inheritdoc />
    public ISnapshots Snapshots => _state.Snapshots;

    /// <inheritdoc />
    public ISourceLeases SourceLeases => _state.SourceLeases;

    /// <summary>Opens (creating when missing) the store in a file with default settings.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="clock">The source of "now" for every timestamp the store writes and every lease it checks.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static Task<SqliteConnectorStore> OpenAsync(string path, IClock clock, CancellationToken cancellationToken) =>
        OpenAsync(new SqliteStoreOptions { Path = path }, clock, cancellationToken);

    /// <summary>Opens (creating when missing) the store described by <paramref name="options"/>.</summary>
    /// <param name="options">Where and how.</param>
    /// <param name="clock">The source of "now" for every timestamp the store writes and every lease it checks.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">
    /// The file has a newer schema than this library knows, or cannot be opened (the message names its full path).
    /// </exception>
    public static async Task<SqliteConnectorStore> OpenAsync(SqliteStoreOptions options, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();

        // A fresh host's "data/connector.db" has no folder yet; create it rather than fail later with SQLite's bare code 14.
        var file = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        var connections = new SqliteConnectionFactory(options);
        try
        {
            await SqliteMigrator.MigrateAsync(connections, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException failure)
        {
            throw new InvalidOperationException($"The SQLite state store '{file}' could not be opened: {failure.Message}", failure);
        }

        return new SqliteConnectorStore(connections, clock);
    }

    /// <inheritdoc />
    public Task<IUnitOfWork> BeginUnitOfWorkAsync(CancellationToken cancellationToken) =>
        _state.BeginUnitOfWorkAsync(cancellationToken);

    /// <summary>Closes the pooled connections so the file can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        _connections.ReleaseFile();
        return ValueTask.CompletedTask;
    }
}
