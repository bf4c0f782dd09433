using Connectors.Sync.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connectors.Sync.Engine;

/// <summary>
/// Runs the pipelines: reads the inbox, polls each source (at once when a webhook announced a change, else
/// on schedule), queues scheduled jobs, then works every due work item, stock first.
/// </summary>
/// <remarks>
/// One pass (<see cref="RunOnceAsync"/>) is safe to interrupt anywhere: every step commits what it applied
/// together with its cursor or work item, so a restart on the same store continues without losing or
/// repeating anything. <see cref="RunAsync"/> repeats passes until cancelled, and works the background lane
/// (reconciliation, status sweeps) in a loop of its own beside them, so a long reconciliation never holds up stock.
/// </remarks>
public sealed partial class ConnectorEngine : IInboxSignal, IDisposable
{
    /// <summary>The event type receivers store a delivery under when its body cannot be parsed.</summary>
    public const string MalformedEventType = "malformed";

    private const int InboxBatch = 500;
    private const int MaxClaimsPerPass = 50;
    private readonly IConnectorStore _store;
    private readonly IReadOnlyList<ISourcePoller> _pollers;
    private readonly IReadOnlyList<IScheduledJob> _jobs;
    private readonly WorkDispatcher _dispatcher;
    private readonly EngineTelemetry _telemetry;
    private readonly IClock _clock;
    private readonly EngineTiming _timing;
    private readonly ILogger<ConnectorEngine> _logger;
    private static readonly string[] StockLanes = [WorkLane.Stock.Name];
    private static readonly string[] ForegroundLanes = [WorkLane.Stock.Name, WorkLane.Orders.Name];
    private static readonly string[] BackgroundLanes = [WorkLane.Background.Name];
    private readonly Dictionary<string, Instant> _lastPolled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wanted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _behind = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    internal ConnectorEngine(
        IConnectorStore store,
        IEnumerable<ISourcePoller> pollers,
        IEnumerable<IScheduledJob> jobs,
        WorkDispatcher dispatcher,
        EngineTelemetry telemetry,
        IClock clock,
        EngineTiming timing,
        ILogger<ConnectorEngine> logger)
    {
        _store = store;
        _pollers = [.. pollers];
        _jobs = [.. jobs];
        _dispatcher = dispatcher;
        _telemetry = telemetry;
        _clock = clock;
        _timing = timing;
        _logger = logger;
    }

    /// <summary>The engine's metrics and lag samples.</summary>
    public EngineTelemetry Telemetry => _telemetry;

    /// <inheritdoc />
    public void Notify(string source)
    {
        // At most one pending wake-up: many deliveries during one pass need just one more pass.
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another delivery woke the engine first.
            }
        }
    }

    /// <summary>Runs one pass: inbox, polls, scheduled jobs, due work of every lane (the background lane included).</summary>
    /// <param name="cancellationToken">Stops the pass; what was committed stays.</param>
    /// <returns>What the pass did.</returns>
    public Task<EnginePass> RunOnceAsync(CancellationToken cancellationToken) => RunPassAsync(includeBackground: true, cancellationToken);

    private async Task<EnginePass> RunPassAsync(bool includeBackground, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = EngineTelemetry.Activities.StartActivity("engine.pass");
            var deliveries = await _store.Inbox.ListUnprocessedAsync(InboxBatch, cancellationToken).ConfigureAwait(false);
            // Stock first: its sources are read and its writes done before anything else is polled.
            var facts = await PollAsync(deliveries, stock: true, cancellationToken).ConfigureAwait(false);
            var worked = await _dispatcher.WorkDueAsync(MaxClaimsPerPass, StockLanes, cancellationToken).ConfigureAwait(false);
            facts += await PollAsync(deliveries, stock: false, cancellationToken).ConfigureAwait(false);
            await ScheduleJobsAsync(cancellationToken).ConfigureAwait(false);
            await SettleDeliveriesAsync(deliveries, cancellationToken).ConfigureAwait(false);

            worked += await _dispatcher.WorkDueAsync(MaxClaimsPerPass, includeBackground ? null : ForegroundLanes, cancellationToken).ConfigureAwait(false);
            _telemetry.QueueDepth(await _store.WorkItems.CountPendingByLaneAsync(cancellationToken).ConfigureAwait(false));
            return new EnginePass(deliveries.Count, facts, worked);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// Runs passes until cancelled, waking early when a webhook delivery arrives, and beside them works the background
    /// lane one item at a time.
    /// </summary>
    /// <param name="cancellationToken">Stops the engine.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Task.Run(() => RunPassesAsync(cancellationToken), CancellationToken.None), Task.Run(() => RunBackgroundAsync(cancellationToken), CancellationToken.None));

    private async Task RunBackgroundAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await _dispatcher.WorkDueAsync(1, BackgroundLanes, cancellationToken).ConfigureAwait(false) > 0)
                {
                    continue;
                }

                await Task.Delay(_timing.Tick, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception failure)
            {
                LogPassFailed(failure);
                try
                {
                    await Task.Delay(_timing.RetryDelay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
    }

    private async Task RunPassesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var pass = await RunPassAsync(includeBackground: false, cancellationToken).ConfigureAwait(false);
                if (pass.DidSomething)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception failure)
            {
                // A pass fails as a whole only when the store or a poll fails; the next pass tries again.
                LogPassFailed(failure);
                await DelayAsync(_timing.RetryDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await DelayAsync(_timing.Tick, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await _wake.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _wake.Dispose();
        _oneAtATime.Dispose();
    }

    /// <summary>Polls the sources of one kind that are due, woken by a delivery, or left with more to read.</summary>
    private async Task<int> PollAsync(IReadOnlyList<InboxMessage> deliveries, bool stock, CancellationToken cancellationToken)
    {
        var facts = 0;
        foreach (var poller in _pollers.Where(p => (p.Lane == WorkLane.Stock) == stock))
        {
            if (deliveries.Any(poller.WakesOn))
            {
                _wanted.Add(poller.Name);
            }

            if (IsDue(poller))
            {
                facts += await PollAsync(poller, cancellationToken).ConfigureAwait(false);
            }
        }

        return facts;
    }

    /// <summary>
    /// Due when its poll interval has passed, or when it is wanted: a webhook woke it, or it stopped at its
    /// page limit last time. A wanted stock source is polled at once; other sources at most once per wake
    /// interval, even while catching up, so a stream of POS events or a backlog of POS receipts never takes
    /// the passes (and the Sitoo rate budget) stock needs.
    /// </summary>
    private bool IsDue(ISourcePoller poller)
    {
        if (!_lastPolled.TryGetValue(poller.Name, out var last))
        {
            return true;
        }

        var since = _clock.GetCurrentInstant() - last;
        var wanted = _wanted.Contains(poller.Name) || _behind.Contains(poller.Name);
        return since >= _timing.PollInterval || (wanted && (poller.Lane == WorkLane.Stock || since >= _timing.WakeInterval));
    }

    /// <summary>Polls one source and records the run; a failing source is logged and skipped so the others and the due work go on.</summary>
    private async Task<int> PollAsync(ISourcePoller poller, CancellationToken cancellationToken)
    {
        var started = _clock.GetCurrentInstant();
        var run = await _store.Runs.StartAsync(poller.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await poller.PollAsync(cancellationToken).ConfigureAwait(false);
            _lastPolled[poller.Name] = started;
            _wanted.Remove(poller.Name);
            if (result.MoreAvailable)
            {
                _behind.Add(poller.Name);
            }
            else
            {
                _behind.Remove(poller.Name);
            }

            await _store.Runs.FinishAsync(run.Id, RunOutcome.Succeeded, new Dictionary<string, long> { ["facts"] = result.Facts }, null, cancellationToken)
                .ConfigureAwait(false);
            return result.Facts;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPollFailed(failure, poller.Name);
            await _store.Runs.FinishAsync(run.Id, RunOutcome.Failed, new Dictionary<string, long>(), failure.Message, cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }

    private async Task ScheduleJobsAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        foreach (var job in _jobs.Where(j => j.Interval > Duration.Zero))
        {
            // One key per time slot: however many instances schedule it, the slot runs once.
            var slot = now.ToUnixTimeTicks() / job.Interval.BclCompatibleTicks;
            var key = FormattableString.Invariant($"job:{job.Kind}:{slot}");
            await _store.WorkItems.EnqueueAsync(new NewWorkItem(key, job.Kind, WorkLane.Background, "", null, "job:" + job.Kind), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Marks the pass's deliveries processed in one commit (one disk flush, however many), reporting malformed ones.</summary>
    private async Task SettleDeliveriesAsync(IReadOnlyList<InboxMessage> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var unit = await _store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var malformed = new List<string>();
        foreach (var delivery in deliveries)
        {
            if (delivery.EventType == MalformedEventType)
            {
                var report = MalformedReport(delivery);
                await unit.Exceptions.RecordAsync(report, cancellationToken).ConfigureAwait(false);
                malformed.Add(report.ReasonCode);
            }

            await unit.Inbox.MarkProcessedAsync(delivery.Source, delivery.EventId, cancellationToken).ConfigureAwait(false);
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);

        // Counted once settled: a pass that fails before this reads the same deliveries again.
        foreach (var delivery in deliveries)
        {
            _telemetry.EventReceived(delivery.Source, delivery.EventType);
        }

        foreach (var reason in malformed)
        {
            _telemetry.ExceptionRecorded(reason);
        }
    }

    private static ExceptionReport MalformedReport(InboxMessage delivery)
    {
        var sitoo = delivery.Source == InboxSources.Sitoo;
        return new ExceptionReport(
            ReasonCodes.MalformedWebhook,
            sitoo ? OwningTeam.Retail : OwningTeam.Ecommerce,
            new EntityReference("webhook-delivery", $"{delivery.Source}:{delivery.EventId}"),
            $"A {delivery.Source} webhook delivery received at {delivery.ReceivedAt} could not be read ({delivery.Body.Length} bytes); it is kept in the inbox.",
            sitoo
                ? "Check the Sitoo Events subscription (payload version, endpoint); the changes it announced are read by the next poll."
                : "Check the Shopware app or webhook registration (event and payload); the changes it announced are read by the next poll.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Source} failed; the next pass tries again")]
    private partial void LogPollFailed(Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An engine pass failed; the next one retries")]
    private partial void LogPassFailed(Exception exception);
}

/// <summary>What one engine pass did.</summary>
/// <param name="Deliveries">Webhook deliveries read from the inbox.</param>
/// <param name="FactsApplied">New source facts applied by the polls.</param>
/// <param name="WorkItemsHandled">Work items handed to handlers.</param>
public sealed record EnginePass(int Deliveries, int FactsApplied, int WorkItemsHandled)
{
    /// <summary>Whether the pass found anything to do (another pass may find more).</summary>
    public bool DidSomething => Deliveries + FactsApplied + WorkItemsHandled > 0;
}

/// <summary>The engine's rhythm.</summary>
/// <param name="PollInterval">Polls without webhooks this often.</param>
/// <param name="Tick">Looks for due work this often when idle.</param>
/// <param name="RetryDelay">Waits this long after a failed pass.</param>
/// <param name="WakeInterval">Sources other than stock are polled on a webhook at most this often.</param>
internal sealed record EngineTiming(Duration PollInterval, TimeSpan Tick, TimeSpan RetryDelay, Duration WakeInterval);
