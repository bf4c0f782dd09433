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

    /// <summary>Whether a stored webhook delivery announces a change this poller reads.</summary>
    bool WakesOn(InboxMessage delivery);

    /// <summary>Reads and applies everything new.</summary>
    /// <returns>How many new facts were applied.</returns>
    Task<int> PollAsync(CancellationToken cancellationToken);
}

/// <summary>A job run every <see cref="Interval"/> by one instance: its runs are work items keyed by time slot.</summary>
internal interface IScheduledJob : IWorkHandler
{
    /// <summary>How often it runs; <see cref="NodaTime.Duration.Zero"/> for never.</summary>
    NodaTime.Duration Interval { get; }
}
