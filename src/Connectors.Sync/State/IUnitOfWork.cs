namespace Connectors.Sync.State;

/// <summary>
/// Several state changes that commit atomically, e.g. marking an inbox delivery processed together with
/// enqueuing its work items, or completing a work item together with its ledger update and cursor move.
/// </summary>
/// <remarks>
/// A unit of work holds the store's write lock (SQLite) or row locks (PostgreSQL) until it ends, so keep it
/// short: no remote calls inside, and no calls on the store itself while it is open (they would wait for
/// it). It is not thread-safe; use it from one flow at a time. Disposing it without
/// <see cref="CommitAsync"/> rolls everything back.
/// </remarks>
public interface IUnitOfWork : IStateSession, IAsyncDisposable
{
    /// <summary>Makes every change of this unit durable and visible at once.</summary>
    /// <param name="cancellationToken">Cancels before the commit starts; a started commit completes.</param>
    /// <exception cref="InvalidOperationException">The unit was already committed.</exception>
    Task CommitAsync(CancellationToken cancellationToken);
}
