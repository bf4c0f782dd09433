namespace Connectors.Sync.State;

/// <summary>
/// The operators' list of problems. A problem recurring for the same entity updates its one record
/// (last seen, attempts) instead of adding another.
/// </summary>
public interface IExceptionLog
{
    /// <summary>
    /// Records a problem: creates the record for (reason, entity), or updates it (last seen, attempts,
    /// message, fix, remote error). A resolved or retrying record that recurs is open again; an ignored
    /// one stays ignored.
    /// </summary>
    /// <param name="report">The problem.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record.</returns>
    Task<ExceptionRecord> RecordAsync(ExceptionReport report, CancellationToken cancellationToken);

    /// <summary>Reads one record.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<ExceptionRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Lists records, most recently seen first.</summary>
    /// <param name="filter">Which records.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<ExceptionRecord>> ListAsync(ExceptionFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a record for retry; if it names a work item that is parked or waiting, that item becomes due
    /// now (in the same commit).
    /// </summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when no such record exists.</returns>
    Task<bool> RetryAsync(long id, CancellationToken cancellationToken);

    /// <summary>Marks a record resolved (the problem is gone).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when no such record exists.</returns>
    Task<bool> ResolveAsync(long id, CancellationToken cancellationToken);

    /// <summary>Marks a record ignored (a known problem nobody will fix); recurrences keep it ignored.</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when no such record exists.</returns>
    Task<bool> IgnoreAsync(long id, CancellationToken cancellationToken);
}
