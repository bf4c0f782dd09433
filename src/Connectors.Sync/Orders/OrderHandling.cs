using Connectors.Sync.State;

namespace Connectors.Sync.Orders;

/// <summary>What the order handlers share.</summary>
internal static class OrderHandling
{
    public static async Task CompleteAsync(IConnectorStore store, WorkItem item, CancellationToken cancellationToken)
    {
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
