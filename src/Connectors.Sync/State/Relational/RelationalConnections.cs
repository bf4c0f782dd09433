using System.Data.Common;

namespace Connectors.Sync.State.Relational;

/// <summary>
/// How a store opens its connections and write transactions, and which of its failures are passing ones:
/// the part of running SQL that differs per database, so that the scopes and the unit of work can be shared.
/// </summary>
internal abstract class RelationalConnections
{
    /// <summary>Opens a connection, set up for the store; passing failures already translated.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction for changes, taking whatever lock the database needs for that up front.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="exception"/> is a passing failure (connection lost, server restarting).</summary>
    public virtual bool IsPassingFailure(Exception exception) => false;

    /// <summary>The exception to throw for a passing failure; may also drop pooled connections that are dead too.</summary>
    public virtual Exception PassingFailure(Exception exception) => exception;

    /// <summary>Closes the idle pooled connections, after a failure that may have broken them.</summary>
    public virtual void DropIdleConnections()
    {
    }
}
