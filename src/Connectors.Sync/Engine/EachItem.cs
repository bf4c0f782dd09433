using Connectors.Sync.State;

namespace Connectors.Sync.Engine;

/// <summary>
/// The loop the per-item handlers share: each item of a claimed batch is handled on its own, and its failure is settled
/// (retried or parked with its reason) while the rest go on.
/// </summary>
internal static class EachItem
{
    /// <summary>Handles the items one by one.</summary>
    /// <param name="items">The claimed batch.</param>
    /// <param name="settle">Settles an item's failure.</param>
    /// <param name="handle">Handles one item, completing it.</param>
    /// <param name="entity">What an item's exception record points at.</param>
    /// <param name="cancellationToken">The engine's stop.</param>
    public static async Task HandleAsync(
        IReadOnlyList<WorkItem> items, WorkSettler settle, Func<WorkItem, Task> handle, Func<WorkItem, EntityReference> entity, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            try
            {
                await handle(item).ConfigureAwait(false);
            }
            catch (Exception failure) when (FailsAlone(failure, cancellationToken))
            {
                await settle.FailedAsync(item, failure, entity(item), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether a failure is the item's own rather than the engine's. A lost lease (another worker has the item) and the
    /// engine's own stop end the batch; a cancellation nobody asked for (an HTTP client's timeout) is the item's failure.
    /// </summary>
    private static bool FailsAlone(Exception failure, CancellationToken cancellationToken) =>
        failure is not WorkLeaseLostException && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
