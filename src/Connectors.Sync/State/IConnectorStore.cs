namespace Connectors.Sync.State;

/// <summary>
/// Everything the sync engine remembers: inbox, cursors, work items, ledger, links, exceptions and runs,
/// in one schema. Calls made directly on the store commit one by one; changes that must land together go
/// through a unit of work (<see cref="BeginUnitOfWorkAsync"/>).
/// </summary>
/// <remarks>
/// Implementations are safe for concurrent use by several tasks, and (where the backing database allows)
/// by several processes sharing one database: claims of work items are atomic and leased.
/// </remarks>
public interface IConnectorStore : IStateSession, IAsyncDisposable
{
    /// <summary>
    /// Starts a unit of work: changes made through it become visible together on
    /// <see cref="IUnitOfWork.CommitAsync"/>, or not at all when it is disposed without a commit (or the
    /// process dies first).
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the database.</param>
    Task<IUnitOfWork> BeginUnitOfWorkAsync(CancellationToken cancellationToken);
}
