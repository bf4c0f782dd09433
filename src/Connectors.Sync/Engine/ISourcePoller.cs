using Connectors.Sync.State;

namespace Connectors.Sync.Engine;

/// <summary>
/// Reads one source system's changes by cursor. Webhook deliveries only wake a poller up; the poll reads the
/// facts themselves, so a webhook copy and a poll copy of one fact are the same read and a lost webhook is
/// caught by the next scheduled poll.
/// </summary>
internal interface ISourcePoller
{
    /// <summary>A name for runs, logs and metrics, e.g. <c>sitoo.warehouse-transactions</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The lane of the work it feeds: stock pollers run in the engine's stock loop, beside the others, which are woken
    /// by webhooks at most once per <see cref="EngineTiming.WakeInterval"/>.
    /// </summary>
    WorkLane Lane { get; }

    /// <summary>The inbox source whose webhooks announce this poller's changes (<see cref="InboxSources"/>).</summary>
    string InboxSource { get; }

    /// <summary>Whether a stored webhook delivery announces a change this poller reads.</summary>
    bool WakesOn(InboxMessage delivery);

    /// <summary>
    /// Reads and applies what is new, at most a few pages per call so that one pass never waits for a long
    /// catch-up: the engine calls again in the next pass when <see cref="PollResult.MoreAvailable"/>.
    /// </summary>
    Task<PollResult> PollAsync(CancellationToken cancellationToken);

    /// <summary>How often the source is polled without a webhook; <see langword="null"/> for the engine's poll interval.</summary>
    NodaTime.Duration? PollInterval => null;

    /// <summary>
    /// Takes from the pass's deliveries what no poll can read back, such as the ids of deleted entities, in the unit of
    /// work that marks them processed: whichever instance settles a delivery, what it carried is queued once.
    /// </summary>
    /// <param name="unit">The settling unit of work.</param>
    /// <param name="deliveries">The deliveries being settled.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task TakeDeliveriesAsync(IUnitOfWork unit, IReadOnlyList<InboxMessage> deliveries, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What one poll did.</summary>
/// <param name="Facts">New facts applied.</param>
/// <param name="MoreAvailable">Whether it stopped at its page limit with more to read.</param>
internal readonly record struct PollResult(int Facts, bool MoreAvailable);

/// <summary>A job run every <see cref="Interval"/> by one instance: its runs are work items keyed by time slot.</summary>
internal interface IScheduledJob : IWorkHandler
{
    /// <summary>How often it runs; <see cref="NodaTime.Duration.Zero"/> for never.</summary>
    NodaTime.Duration Interval { get; }
}
