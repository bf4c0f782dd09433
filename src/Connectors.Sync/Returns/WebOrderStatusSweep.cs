using Connectors.Sync.Engine;
using Connectors.Sync.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connectors.Sync.Returns;

/// <summary>
/// The backstop for lost Sitoo events: on schedule, checks every open web order for pickup or delivery and drops
/// the ones that need no further checks. One order failing does not stop the others; it is checked again next time.
/// </summary>
internal sealed partial class WebOrderStatusSweep(
    IConnectorStore store,
    WebOrderStatusChecker checker,
    ReturnSyncSettings settings,
    ILogger<WebOrderStatusSweep> logger) : IScheduledJob
{
    public string Kind => "returns.web-order-status-check";

    public Duration Interval => Duration.FromTimeSpan(settings.StatusCheckEvery);

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        var finished = new List<long>();
        foreach (var orderId in await OpenWebOrders.LoadAsync(store, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (await checker.CheckAsync(orderId, cancellationToken).ConfigureAwait(false))
                {
                    finished.Add(orderId);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogCheckFailed(failure, orderId);
            }
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var open = await OpenWebOrders.LoadAsync(unit, cancellationToken).ConfigureAwait(false);
        var before = open.Count;
        open.ExceptWith(finished);
        if (open.Count != before)
        {
            await OpenWebOrders.SaveAsync(unit, open, cancellationToken).ConfigureAwait(false);
        }

        await ClaimedWork.CompleteAllAsync(unit, items, cancellationToken).ConfigureAwait(false);

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the status of Sitoo web order {OrderId} failed; the next check tries again")]
    private partial void LogCheckFailed(Exception exception, long orderId);
}
