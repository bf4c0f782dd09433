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
/// repeating anything. <see cref="RunAsync"/> runs three loops side by side: the stock loop (the stock sources and
/// the stock lane) never waits for order exports, returns or reconciliation; the flow loop reads the inbox, polls the
/// other sources and works the orders lane; the background loop works reconciliation and sweeps. Instances sharing a
/// store divide the sources between them: each source is polled by the instance that holds its lease, and the stock
/// lane is worked by the instance that holds the stock sources.
/// </remarks>
public sealed partial class ConnectorEngine : IInboxSignal, IDisposable
{
    /// <summary>The event type receivers store a delivery under when its body cannot be parsed.</summary>
    public const string MalformedEventType = "malformed";

    private const int InboxBatch = 500;
    private const int MaxClaimsPerPass = 50;
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);
    private static readonly string[] StockLanes = [WorkLane.Stock.Name];
    private static readonly string[] FlowLanes = [WorkLane.Orders.Name];
    private static readonly string[] BackgroundLanes = [WorkLane.Background.Name];
    private static readonly string[] LanesButStock = [WorkLane.Orders.Name, WorkLane.Background.Name];
    private readonly IConnectorStore _store;
    private readonly IReadOnlyList<ISourcePoller> _stockPollers;
    private readonly IReadOnlyList<ISourcePoller> _flowPollers;
    private readonly IReadOnlyList<IScheduledJob> _jobs;
    private readonly WorkDispatcher _dispatcher;
    private readonly EngineTelemetry _telemetry;
    private readonly IClock _clock;
    private readonly TimeProvider _time;
    private readonly EngineTiming _timing;
    private readonly string _owner;
    private readonly SourceSchedule _schedule;
    private readonly ILogger<ConnectorEngine> _logger;
    private readonly SemaphoreSlim _stockWake = new(0, 1);
    private readonly SemaphoreSlim _flowWake = new(0, 1);
    private readonly SemaphoreSlim _stockOne = new(1, 1);
    private readonly SemaphoreSlim _flowOne = new(1, 1);
    private readonly Stock.StockWriteQueue _stockWrites;

    internal ConnectorEngine(
        IConnectorStore store,
        IEnumerable<ISourcePoller> pollers,
        IEnumerable<IScheduledJob> jobs,
        WorkDispatcher dispatcher,
        EngineTelemetry telemetry,
        IClock clock,
        TimeProvider time,
        EngineTiming timing,
        WorkClaimSettings claim,
        Stock.StockWriteQueue stockWrites,
        ILogger<ConnectorEngine> logger)
    {
        var all = pollers.ToList();
        _store = store;
        _stockPollers = [.. all.Where(p => p.Lane == WorkLane.Stock)];
        _flowPollers = [.. all.Where(p => p.Lane != WorkLane.Stock)];
        _jobs = [.. jobs];
        _dispatcher = dispatcher;
        _telemetry = telemetry;
        _clock = clock;
        _time = time;
        _timing = timing;
        _owner = claim.Owner;
        _schedule = new SourceSchedule(clock, timing);
        _stockWrites = stockWrites;
        _logger = logger;
    }

    /// <summary>The engine's metrics and lag samples.</summary>
    public EngineTelemetry Telemetry => _telemetry;

    /// <inheritdoc />
    public void Notify(string source)
    {
        // The stock sources of the sender are wanted at once, without waiting for the flow loop to read the delivery.
        foreach (var poller in _stockPollers.Where(p => p.InboxSource == source))
        {
            _schedule.Want(poller.Name);
        }

        Wake(_stockWake);
        Wake(_flowWake);
    }

    /// <summary>Runs one pass: inbox, polls, scheduled jobs, due work of every lane (the background lane included).</summary>
    /// <param name="cancellationToken">Stops the pass; what was committed stays.</param>
    /// <returns>What the pass did.</returns>
    public async Task<EnginePass> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _stockOne.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _flowOne.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var activity = EngineTelemetry.Activities.StartActivity("engine.pass");
                var deliveries = await ReadInboxAsync(cancellationToken).ConfigureAwait(false);
                // Stock first: its sources are read and its writes done before anything else is polled.
                var facts = await PollAsync(_stockPollers, cancellationToken).ConfigureAwait(false);
                var holdsStock = HoldsStockSources;
                var worked = holdsStock ? await _dispatcher.WorkDueAsync(MaxClaimsPerPass, StockLanes, null, cancellationToken).ConfigureAwait(false) : 0;
                facts += await PollAsync(_flowPollers, cancellationToken).ConfigureAwait(false);
                await ScheduleJobsAsync(cancellationToken).ConfigureAwait(false);
                await SettleDeliveriesAsync(deliveries, cancellationToken).ConfigureAwait(false);
                worked += await _dispatcher.WorkDueAsync(MaxClaimsPerPass, holdsStock ? null : LanesButStock, null, cancellationToken).ConfigureAwait(false);
                _telemetry.QueueDepth(await _store.WorkItems.CountPendingByLaneAsync(cancellationToken).ConfigureAwait(false));
                return new EnginePass(deliveries.Count, facts, worked);
            }
            finally
            {
                _flowOne.Release();
            }
        }
        finally
        {
            _stockOne.Release();
        }
    }

    /// <summary>
    /// Runs the stock, flow and background loops until cancelled, each waking early when a webhook delivery arrives;
    /// on stopping, gives the sources this instance polls back to the others.
    /// </summary>
    /// <param name="cancellationToken">Stops the engine.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(
                Task.Run(() => LoopAsync(StockPassAsync, _stockWake, StockIdleDelay, cancellationToken), CancellationToken.None),
                Task.Run(() => LoopAsync(FlowPassAsync, _flowWake, () => _timing.Tick, cancellationToken), CancellationToken.None),
                Task.Run(() => LoopAsync(BackgroundPassAsync, null, () => _timing.Tick, cancellationToken), CancellationToken.None)).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseSourcesAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether this instance works the stock lane: only the holder of the stock sources does (or any instance when there
    /// are none). The intake and the writes of one SKU then run one after the other in one loop, as with a single
    /// instance: a write never loses the ledger row's version race to the intake of another instance (which would put
    /// the SKU's writes off by a retry delay), and a coalescing window's SKUs are written by one sync request.
    /// </summary>
    private bool HoldsStockSources => _stockPollers.Count == 0 || _stockPollers.Any(p => _schedule.Holds(p.Name));

    /// <summary>The stock sources and, on the instance that holds them, the stock lane: what keeps the shop from overselling.</summary>
    private async Task<bool> StockPassAsync(CancellationToken cancellationToken)
    {
        await _stockOne.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = EngineTelemetry.Activities.StartActivity("engine.stock-pass");
            using var urgent = Sitoo.SitooCallPriority.BeginUrgent();
            var facts = await PollAsync(_stockPollers, cancellationToken).ConfigureAwait(false);
            var worked = HoldsStockSources ? await _dispatcher.WorkDueAsync(MaxClaimsPerPass, StockLanes, null, cancellationToken).ConfigureAwait(false) : 0;
            return facts + worked > 0;
        }
        finally
        {
            _stockOne.Release();
        }
    }

    /// <summary>
    /// The inbox, the other sources, the scheduled jobs and the orders lane. Its work is cut off after a wake interval,
    /// so that the inbox is read again (and other instances hear of the webhooks this one received) while exports queue.
    /// </summary>
    private async Task<bool> FlowPassAsync(CancellationToken cancellationToken)
    {
        await _flowOne.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = EngineTelemetry.Activities.StartActivity("engine.flow-pass");
            var deliveries = await ReadInboxAsync(cancellationToken).ConfigureAwait(false);
            var facts = await PollAsync(_flowPollers, cancellationToken).ConfigureAwait(false);
            await ScheduleJobsAsync(cancellationToken).ConfigureAwait(false);
            await SettleDeliveriesAsync(deliveries, cancellationToken).ConfigureAwait(false);
            var until = _clock.GetCurrentInstant() + _timing.WakeInterval;
            var worked = await _dispatcher.WorkDueAsync(MaxClaimsPerPass, FlowLanes, until, cancellationToken).ConfigureAwait(false);
            _telemetry.QueueDepth(await _store.WorkItems.CountPendingByLaneAsync(cancellationToken).ConfigureAwait(false));
            return deliveries.Count + facts + worked > 0;
        }
        finally
        {
            _flowOne.Release();
        }
    }

    /// <summary>Reconciliation and sweeps, one item at a time, so a long reconciliation never holds anything else up.</summary>
    private async Task<bool> BackgroundPassAsync(CancellationToken cancellationToken) =>
        await _dispatcher.WorkDueAsync(1, BackgroundLanes, null, cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>
    /// How long the idle stock loop sleeps: a tick, or less when a queued stock write falls due sooner, so that a write is
    /// sent when its coalescing window closes and not up to a tick later.
    /// </summary>
    private TimeSpan StockIdleDelay()
    {
        var now = _clock.GetCurrentInstant();
        return _stockWrites.NextDueAfter(now) is { } due && (due - now).ToTimeSpan() < _timing.Tick ? (due - now).ToTimeSpan() : _timing.Tick;
    }

    private async Task LoopAsync(Func<CancellationToken, Task<bool>> pass, SemaphoreSlim? wake, Func<TimeSpan> idleDelay, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await pass(cancellationToken).ConfigureAwait(false))
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
                await DelayAsync(null, _timing.RetryDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await DelayAsync(wake, idleDelay(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits on the registered <see cref="TimeProvider"/>, the clients' clock, until the delay is over or a delivery
    /// wakes the loop; a test that moves a fake time provider moves the idle wait with it.
    /// </summary>
    private async Task DelayAsync(SemaphoreSlim? wake, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var over = new CancellationTokenSource(delay, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(over.Token, cancellationToken);
        try
        {
            await (wake is null ? Task.Delay(Timeout.InfiniteTimeSpan, either.Token) : wake.WaitAsync(either.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (over.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            // The delay is over, or the engine is stopping.
        }
    }

    private static void Wake(SemaphoreSlim wake)
    {
        // At most one pending wake-up: many deliveries during one pass need just one more pass.
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another delivery woke the loop first.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stockWake.Dispose();
        _flowWake.Dispose();
        _stockOne.Dispose();
        _flowOne.Dispose();
    }

    /// <summary>Reads the oldest unsettled deliveries; the sources they announce become wanted (the stock loop is woken).</summary>
    private async Task<IReadOnlyList<InboxMessage>> ReadInboxAsync(CancellationToken cancellationToken)
    {
        var deliveries = await _store.Inbox.ListUnprocessedAsync(InboxBatch, cancellationToken).ConfigureAwait(false);
        var wanted = WokenBy(deliveries);
        foreach (var poller in wanted)
        {
            _schedule.Want(poller.Name);
        }

        if (wanted.Any(p => p.Lane == WorkLane.Stock))
        {
            Wake(_stockWake);
        }

        return deliveries;
    }

    private List<ISourcePoller> WokenBy(IReadOnlyList<InboxMessage> deliveries) =>
        [.. _stockPollers.Concat(_flowPollers).Where(poller => deliveries.Any(poller.WakesOn))];

    /// <summary>
    /// Polls the sources this instance holds that are due, woken, or left with more to read; a webhook this instance
    /// received for a source another instance holds is passed on to it through the store at once.
    /// </summary>
    private async Task<int> PollAsync(IReadOnlyList<ISourcePoller> pollers, CancellationToken cancellationToken)
    {
        var facts = 0;
        foreach (var poller in pollers)
        {
            if (_schedule.TakeWantHeldElsewhere(poller.Name))
            {
                await _store.SourceLeases.MarkWantedAsync([poller.Name], cancellationToken).ConfigureAwait(false);
            }

            if (!_schedule.ShouldCheckLease(poller))
            {
                continue;
            }

            var lease = await _store.SourceLeases.TryAcquireAsync(poller.Name, _owner, _timing.SourceLeaseDuration, cancellationToken).ConfigureAwait(false);
            _schedule.LeaseChecked(poller.Name, lease);
            if (lease is not null && _schedule.IsDue(poller, lease.WantedAt))
            {
                facts += await PollAsync(poller, cancellationToken).ConfigureAwait(false);
            }
        }

        return facts;
    }

    /// <summary>Polls one source and records the run; a failing source is logged and skipped so the others and the due work go on.</summary>
    private async Task<int> PollAsync(ISourcePoller poller, CancellationToken cancellationToken)
    {
        var started = _clock.GetCurrentInstant();
        var run = await _store.Runs.StartAsync(poller.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await poller.PollAsync(cancellationToken).ConfigureAwait(false);
            _schedule.Polled(poller.Name, started, result.MoreAvailable);
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

    /// <summary>Gives every source lease back, so another instance polls at once instead of after the lease runs out.</summary>
    private async Task ReleaseSourcesAsync()
    {
        using var limit = new CancellationTokenSource(ReleaseTimeout);
        foreach (var poller in _stockPollers.Concat(_flowPollers))
        {
            try
            {
                await _store.SourceLeases.ReleaseAsync(poller.Name, _owner, limit.Token).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                // The lease runs out by itself; stopping must not wait on a store that is going away.
                LogSourceReleaseFailed(failure, poller.Name);
                return;
            }
        }
    }

    private async Task ScheduleJobsAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        foreach (var job in _jobs.Where(j => j.Interval > Duration.Zero))
        {
            // One key per time slot: however many instances schedule it, the slot runs once.
            var slot = now.ToUnixTimeTicks() / job.Interval.BclCompatibleTicks;
            var key = ScheduledJobKeys.Key(job.Kind, slot);
            await _store.WorkItems.EnqueueAsync(new NewWorkItem(key, job.Kind, WorkLane.Background, "", null, "job:" + job.Kind), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Marks the pass's deliveries processed in one commit (one disk flush, however many), reporting malformed ones, and
    /// records the sources they announced as wanted for whichever instance polls them.
    /// </summary>
    private async Task SettleDeliveriesAsync(IReadOnlyList<InboxMessage> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var unit = await _store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var malformed = new List<string>();
        foreach (var delivery in deliveries.Where(d => d.EventType == MalformedEventType))
        {
            var report = MalformedReport(delivery);
            await unit.Exceptions.RecordAsync(report, cancellationToken).ConfigureAwait(false);
            malformed.Add(report.ReasonCode);
        }

        foreach (var poller in _stockPollers.Concat(_flowPollers))
        {
            await poller.TakeDeliveriesAsync(unit, deliveries, cancellationToken).ConfigureAwait(false);
        }

        await unit.Inbox.MarkProcessedAsync([.. deliveries.Select(d => new InboxKey(d.Source, d.EventId))], cancellationToken).ConfigureAwait(false);
        await unit.SourceLeases.MarkWantedAsync([.. WokenBy(deliveries).Select(p => p.Name)], cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease on source {Source} could not be given back on stopping; it runs out by itself")]
    private partial void LogSourceReleaseFailed(Exception exception, string source);
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
/// <param name="LeaseDuration">How long a work item's claim holds.</param>
internal sealed record EngineTiming(Duration PollInterval, TimeSpan Tick, TimeSpan RetryDelay, Duration WakeInterval, Duration LeaseDuration)
{
    /// <summary>
    /// A source lease outlives two poll intervals, since its holder renews it at least once per poll interval even when
    /// idle; another instance takes a dead holder's source over after it.
    /// </summary>
    public Duration SourceLeaseDuration => Duration.Max(LeaseDuration, PollInterval * 2);

    /// <summary>
    /// How often a loop asks for a source's lease even when the source is not due here: it renews the lease and learns of
    /// webhooks other instances received. Half a second for stock, where that is the lag a sale sees, else the wake interval.
    /// </summary>
    public Duration LeaseCheckInterval(WorkLane lane) => lane == WorkLane.Stock ? Duration.FromMilliseconds(500) : WakeInterval;
}
