using System.Globalization;
using Connectors.Sync.Engine;
using Connectors.Sync.State;

namespace Connectors.Sync.Returns;

/// <summary>Checks one open web order after a Sitoo <c>order</c> or <c>order-delivery</c> event announced a change.</summary>
internal sealed class WebOrderStatusHandler(IConnectorStore store, WebOrderStatusChecker checker) : IWorkHandler
{
    /// <summary>The work item kind of an event-driven status check.</summary>
    public const string WorkKind = "returns.web-order-status";

    public string Kind => WorkKind;

    public Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken) =>
        EachItem.HandleAsync(items, settle, item => CheckAsync(item, cancellationToken), item => new EntityReference("sitoo-order", item.Payload), cancellationToken);

    private async Task CheckAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var orderId = long.Parse(item.Payload, NumberStyles.None, CultureInfo.InvariantCulture);
        var finished = await checker.CheckAsync(orderId, cancellationToken).ConfigureAwait(false);
        await CompleteAsync(item, finished ? orderId : null, cancellationToken).ConfigureAwait(false);
    }

    private async Task CompleteAsync(WorkItem item, long? finishedOrderId, CancellationToken cancellationToken)
    {
        var lease = item.Lease ?? throw new InvalidOperationException($"Work item '{item.Key}' is not claimed.");
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        if (finishedOrderId is { } orderId)
        {
            var open = await OpenWebOrders.LoadAsync(unit, cancellationToken).ConfigureAwait(false);
            if (open.Remove(orderId))
            {
                await OpenWebOrders.SaveAsync(unit, open, cancellationToken).ConfigureAwait(false);
            }
        }

        await unit.WorkItems.CompleteAsync(lease, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
