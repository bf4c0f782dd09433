using Connectors.Sync.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connectors.Sync.Engine;

/// <summary>
/// Keeps the leases of a claimed batch alive while its handler works: once a third of the lease duration has passed on
/// the engine's clock, each item not yet settled gets a fresh lease. A slow API therefore never lets a lease run out under a working handler, which would
/// let another instance take the same item (and, say, create the same Sitoo order) a second time.
/// </summary>
internal sealed partial class LeaseRenewal : IAsyncDisposable
{
    /// <summary>How often the clock is looked at: often enough for a lease of a few seconds.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly IWorkItems _workItems;
    private readonly IClock _clock;
    private readonly Duration _duration;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseRenewal(IWorkItems workItems, IReadOnlyList<WorkItem> items, IClock clock, Duration duration, ILogger logger)
    {
        _workItems = workItems;
        _clock = clock;
        _duration = duration;
        _logger = logger;
        _loop = RenewAsync([.. items.Select(item => item.Lease).OfType<WorkLease>()]);
    }

    /// <summary>Starts renewing the leases of <paramref name="items"/> until disposed.</summary>
    public static LeaseRenewal Start(IWorkItems workItems, IReadOnlyList<WorkItem> items, IClock clock, Duration duration, ILogger logger) =>
        new(workItems, items, clock, duration, logger);

    private async Task RenewAsync(List<WorkLease> held)
    {
        var renewed = _clock.GetCurrentInstant();
        try
        {
            while (held.Count > 0)
            {
                await Task.Delay(Tick, _stop.Token).ConfigureAwait(false);
                if (_clock.GetCurrentInstant() - renewed < _duration / 3)
                {
                    continue;
                }

                if (await RenewEachAsync(held).ConfigureAwait(false))
                {
                    renewed = _clock.GetCurrentInstant();
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The batch is done.
        }
    }

    /// <summary>
    /// Renews every lease still held; false when the store failed, so the next tick tries again. Giving up after one
    /// failure would let a passing database hiccup run the leases out under a handler that is still working.
    /// </summary>
    private async Task<bool> RenewEachAsync(List<WorkLease> held)
    {
        foreach (var lease in held.ToList())
        {
            try
            {
                await _workItems.RenewAsync(lease, _duration, _stop.Token).ConfigureAwait(false);
            }
            catch (WorkLeaseLostException)
            {
                // Settled by the handler meanwhile (or taken over): nothing more to keep alive.
                held.Remove(lease);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !_stop.IsCancellationRequested)
            {
                LogRenewalFailed(failure);
                return false;
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the leases of a claimed batch failed; trying again at the next tick")]
    private partial void LogRenewalFailed(Exception exception);
}
