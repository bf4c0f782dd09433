using Connectors.Sync.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connectors.Sync.Engine;

/// <summary>Claims due work items (stock lane first), hands each kind to its handler and settles what failed.</summary>
internal sealed partial class WorkDispatcher(
    IConnectorStore store,
    IEnumerable<IWorkHandler> handlers,
    WorkSettler settler,
    WorkClaimSettings claim,
    IClock clock,
    ILogger<WorkDispatcher> logger)
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, IWorkHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>Works until nothing is due (or <paramref name="maxBatches"/> claims were made, or <paramref name="until"/> passed).</summary>
    /// <returns>How many items were handed to handlers.</returns>
    /// <param name="maxBatches">At most this many claims.</param>
    /// <param name="lanes">Only these lanes; <see langword="null"/> for all.</param>
    /// <param name="until">No claim after this moment; <see langword="null"/> for no limit.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<int> WorkDueAsync(int maxBatches, IReadOnlyCollection<string>? lanes, Instant? until, CancellationToken cancellationToken)
    {
        var handled = 0;
        for (var batch = 0; batch < maxBatches && !(clock.GetCurrentInstant() > until); batch++)
        {
            var items = await store.WorkItems.ClaimAsync(
                new WorkClaimRequest(claim.Owner, claim.BatchSize, claim.LeaseDuration, lanes) { MaxPerKind = claim.BatchSizeByKind },
                cancellationToken).ConfigureAwait(false);
            if (items.Count == 0)
            {
                break;
            }

            var renewal = LeaseRenewal.Start(store.WorkItems, items, clock, claim.LeaseDuration, logger);
            await using var stopRenewal = renewal.ConfigureAwait(false);
            try
            {
                // Claims come lane by lane in priority order; kinds keep that order.
                foreach (var group in items.GroupBy(i => i.Kind, StringComparer.Ordinal))
                {
                    await HandleAsync(group.Key, [.. group], cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(items).ConfigureAwait(false);
                throw;
            }

            handled += items.Count;
        }

        return handled;
    }

    private async Task HandleAsync(string kind, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(kind, out var handler))
        {
            var unknown = new SyncProblemException(new ExceptionReport(
                ReasonCodes.UnknownWorkKind,
                OwningTeam.Ecommerce,
                new EntityReference("work-kind", kind),
                $"No handler is registered for work of kind '{kind}'.",
                "Run a connector version that knows this kind of work (it was queued by a newer one), then retry."));
            await SettleAllAsync(items, unknown, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await handler.HandleAsync(items, settler, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (WorkLeaseLostException lost)
        {
            // Another worker took the items over after our lease ran out: it does the work.
            LogLeaseLost(lost.Lease.Key);
        }
        catch (Exception failure)
        {
            LogHandlerFailed(failure, kind, items.Count);
            await SettleAllAsync(items, failure, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Hands back the items of a batch that stopping interrupted, so another instance (or the next start) takes them at
    /// once instead of after the lease runs out; those already settled are skipped.
    /// </summary>
    private async Task ReleaseAsync(IReadOnlyList<WorkItem> items)
    {
        using var limit = new CancellationTokenSource(ReleaseTimeout);
        foreach (var lease in items.Select(item => item.Lease).OfType<WorkLease>())
        {
            try
            {
                await store.WorkItems.ReleaseAsync(lease, limit.Token).ConfigureAwait(false);
            }
            catch (WorkLeaseLostException)
            {
                // Settled before the stop, or taken over.
            }
            catch (Exception failure)
            {
                // The lease runs out by itself; stopping must not wait on a store that is going away.
                LogReleaseFailed(failure, lease.Key);
                return;
            }
        }
    }

    private async Task SettleAllAsync(IReadOnlyList<WorkItem> items, Exception failure, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            try
            {
                await settler.FailedAsync(item, failure, new EntityReference("work-item", item.Key), cancellationToken).ConfigureAwait(false);
            }
            catch (WorkLeaseLostException)
            {
                // Settled or taken over meanwhile.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Key} could not be handed back on stopping; its lease runs out by itself")]
    private partial void LogReleaseFailed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease on work item {Key} was lost; another worker has it")]
    private partial void LogLeaseLost(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {Count} work items of kind {Kind} failed")]
    private partial void LogHandlerFailed(Exception exception, string kind, int count);
}

/// <summary>How work is claimed.</summary>
/// <param name="Owner">This instance's id.</param>
/// <param name="BatchSize">Items per claim.</param>
/// <param name="LeaseDuration">How long a claim holds.</param>
internal sealed record WorkClaimSettings(string Owner, int BatchSize, Duration LeaseDuration)
{
    /// <summary>At most this many items of a kind per claim (within <see cref="BatchSize"/>); kinds not named are not limited apart.</summary>
    public IReadOnlyDictionary<string, int> BatchSizeByKind { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}
