using Connectors.Sitoo.Batches;

namespace Connectors.Sitoo;

/// <summary>A write split into several requests stopped part-way: the items of <see cref="Completed"/> were
/// answered by Sitoo; the outcome of the items from <see cref="FirstUnconfirmedIndex"/> on is unknown
/// (the failing request may or may not have been applied) or they were not sent.</summary>
public sealed class SitooBatchInterruptedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="completed">The per-item results of the requests that were answered.</param>
    /// <param name="firstUnconfirmedIndex">Index (in the caller's list) of the first item without a result.</param>
    /// <param name="innerException">Why the failing request failed.</param>
    public SitooBatchInterruptedException(SitooBatchResult completed, int firstUnconfirmedIndex, Exception innerException)
        : base($"The batch stopped at item {firstUnconfirmedIndex}: {innerException?.Message}", innerException)
    {
        Completed = completed;
        FirstUnconfirmedIndex = firstUnconfirmedIndex;
    }

    /// <summary>The per-item results of the requests that were answered, indexed as in the caller's list.</summary>
    public SitooBatchResult Completed { get; }

    /// <summary>Index (in the caller's list) of the first item without a result.</summary>
    public int FirstUnconfirmedIndex { get; }
}
