using Connectors.Sync.PostgreSql.Internal;
using Connectors.Sync.State;
using Connectors.Sync.State.Relational;
using NodaTime;

namespace Connectors.Sync.PostgreSql;

/// <summary>
/// The connector's state in a PostgreSQL schema: the store for several worker instances sharing one
/// database. Opening it applies any pending schema migrations (once, however many instances start together).
/// Instances coordinate through the database only: work items are claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// under leases, so no item is worked on twice while its lease runs and an expired lease is taken over.
/// </summary>
/// <remarks>
/// Every timestamp and lease check uses the <see cref="IClock"/> passed in, not the server's clock: keep the
/// instances' clocks in sync (NTP). Passing failures (connection lost, server restart) surface as
/// <see cref="PostgreSqlStoreTransientException"/>; the next call opens fresh connections.
/// </remarks>
/// <example>
/// <code>
/// await using var store = await PostgreSqlConnectorStore.OpenAsync(
///     new PostgreSqlStoreOptions { ConnectionString = "Host=db;Username=connector;Password=…;Database=connector" },
///     SystemClock.Instance,
///     cancellationToken);
/// </code>
/// </example>
public sealed class PostgreSqlConnectorStore : IConnectorStore
{
    private readonly PgConnections _connections;
    private readonly RelationalStore _state;

    private PostgreSqlConnectorStore(PgConnections connections, IClock clock)
    {
        _connections = connections;
        _state = new RelationalStore(connections, PgDialect.Instance, clock);
    }

    /// <summary>The schema version this library creates and reads.</summary>
    public static int SchemaVersion => PgMigrator.Migrations[^1].Version;

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

    /// <summary>Opens the store in the default schema (<c>connectors</c>) of a database.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="clock">The source of "now" for every timestamp the store writes and every lease it checks.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static Task<PostgreSqlConnectorStore> OpenAsync(string connectionString, IClock clock, CancellationToken cancellationToken) =>
        OpenAsync(new PostgreSqlStoreOptions { ConnectionString = connectionString }, clock, cancellationToken);

    /// <summary>Opens the store described by <paramref name="options"/>, creating or migrating its schema.</summary>
    /// <param name="options">Which database and schema.</param>
    /// <param name="clock">The source of "now" for every timestamp the store writes and every lease it checks.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The schema has a newer version than this library knows.</exception>
    /// <exception cref="PostgreSqlStoreTransientException">The server could not be reached.</exception>
    public static async Task<PostgreSqlConnectorStore> OpenAsync(PostgreSqlStoreOptions options, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        var connections = new PgConnections(options.ConnectionString, options.Schema);
        try
        {
            await PgMigrator.MigrateAsync(connections, clock, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connections.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgreSqlConnectorStore(connections, clock);
    }

    /// <inheritdoc />
    public Task<IUnitOfWork> BeginUnitOfWorkAsync(CancellationToken cancellationToken) =>
        _state.BeginUnitOfWorkAsync(cancellationToken);

    /// <summary>Closes the store's pooled connections.</summary>
    public ValueTask DisposeAsync() => _connections.DisposeAsync();
}
