namespace Connectors.Sync.State.Relational;

/// <summary>
/// Where the store's parts run their SQL: one commit per call, or inside a unit of work. Each store supplies
/// its own scopes, since opening connections and transactions (and the locks they take) is what differs.
/// </summary>
internal abstract class RelationalScope
{
    /// <summary>Runs a read.</summary>
    public abstract Task<T> ReadAsync<T>(Func<RelationalSql, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs a change; all its statements commit together.</summary>
    public abstract Task<T> WriteAsync<T>(Func<RelationalSql, Task<T>> work, CancellationToken cancellationToken);
}
