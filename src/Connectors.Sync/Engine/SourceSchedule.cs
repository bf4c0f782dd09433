using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Engine;

/// <summary>
/// When each source was last polled by this instance and whether it is wanted again before its interval: a webhook
/// announced a change, or its last poll stopped at its page limit. Shared by the engine's loops, hence the lock.
/// </summary>
internal sealed class SourceSchedule(IClock clock, EngineTiming timing)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SourceState> _states = new(StringComparer.Ordinal);

    /// <summary>A webhook announced a change of the source.</summary>
    public void Want(string source)
    {
        lock (_lock)
        {
            State(source).Wanted = true;
        }
    }

    /// <summary>
    /// Whether the source is due: its poll interval has passed, or it is wanted. A wanted stock source is polled at once;
    /// other sources at most once per wake interval, even while catching up, so a stream of POS events or a backlog of
    /// POS receipts never takes the Sitoo rate budget stock needs.
    /// </summary>
    /// <param name="poller">The source.</param>
    /// <param name="wantedSince">When another instance last saw a webhook for it, if any.</param>
    public bool IsDue(ISourcePoller poller, Instant? wantedSince)
    {
        lock (_lock)
        {
            var state = State(poller.Name);
            if (state.LastPolled is not { } last)
            {
                return true;
            }

            var since = clock.GetCurrentInstant() - last;
            var wanted = state.Wanted || state.Behind || wantedSince > last;
            return since >= (poller.PollInterval ?? timing.PollInterval) || (wanted && (poller.Lane == WorkLane.Stock || since >= timing.WakeInterval));
        }
    }

    /// <summary>
    /// Whether to ask the store for the source's lease now: at least every <see cref="EngineTiming.LeaseCheckInterval"/>,
    /// which renews a held lease and reads what webhooks other instances received announced; and sooner when this
    /// instance holds the source and it is due by its own reckoning.
    /// </summary>
    public bool ShouldCheckLease(ISourcePoller poller)
    {
        lock (_lock)
        {
            var state = State(poller.Name);
            if (state.LeaseCheckedAt is not { } checkedAt || clock.GetCurrentInstant() - checkedAt >= timing.LeaseCheckInterval(poller.Lane))
            {
                return true;
            }

            if (state.HeldElsewhere)
            {
                return false;
            }
        }

        return IsDue(poller, wantedSince: null);
    }

    /// <summary>The store was asked for the lease, and answered with it (<see langword="null"/> when another instance holds it).</summary>
    public void LeaseChecked(string source, SourceLease? lease)
    {
        lock (_lock)
        {
            var state = State(source);
            state.LeaseCheckedAt = clock.GetCurrentInstant();
            state.HeldElsewhere = lease is null;
            state.HeldUntil = lease?.ExpiresAt;
        }
    }

    /// <summary>Whether this instance holds the source's lease, as the store last said, and it has not run out since.</summary>
    public bool Holds(string source)
    {
        lock (_lock)
        {
            return _states.TryGetValue(source, out var state) && state.HeldUntil > clock.GetCurrentInstant();
        }
    }

    /// <summary>
    /// Whether a webhook this instance received wants a source another instance holds: the want is then passed on through
    /// the store (and forgotten here), so the holder polls at its next lease check instead of after this instance's flow
    /// loop has read and settled the delivery.
    /// </summary>
    public bool TakeWantHeldElsewhere(string source)
    {
        lock (_lock)
        {
            var state = State(source);
            if (!state.HeldElsewhere || !state.Wanted)
            {
                return false;
            }

            state.Wanted = false;
            return true;
        }
    }

    /// <summary>A poll that started at <paramref name="started"/> succeeded.</summary>
    public void Polled(string source, Instant started, bool moreAvailable)
    {
        lock (_lock)
        {
            var state = State(source);
            state.LastPolled = started;
            state.Wanted = false;
            state.Behind = moreAvailable;
        }
    }

    private SourceState State(string source)
    {
        if (!_states.TryGetValue(source, out var state))
        {
            state = new SourceState();
            _states[source] = state;
        }

        return state;
    }

    private sealed class SourceState
    {
        public Instant? LastPolled { get; set; }

        public Instant? LeaseCheckedAt { get; set; }

        public bool Wanted { get; set; }

        public bool Behind { get; set; }

        public bool HeldElsewhere { get; set; }

        public Instant? HeldUntil { get; set; }
    }
}
