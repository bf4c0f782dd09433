using System.Collections.Concurrent;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.MultiInstance;

/// <summary>
/// What the instances of a cluster were granted and did under their source leases: every lease the store granted
/// (owner, source, from, until) and every poll started (owner, source, at), on the engines' clock.
/// </summary>
internal sealed class LeaseWatch(IClock clock)
{
    private readonly ConcurrentQueue<Grant> _grants = new();
    private readonly ConcurrentQueue<Poll> _polls = new();

    public IReadOnlyList<Grant> Grants => [.. _grants];

    public IReadOnlyList<Poll> Polls => [.. _polls];

    /// <summary>An instance's store, recording its source lease grants and the runs it starts.</summary>
    public IConnectorStore Watch(string owner, IConnectorStore inner) => new WatchedStore(inner, owner, this);

    /// <summary>
    /// The broken rules, if any: two instances granted one source in overlapping lease periods, or a poll started by an
    /// instance outside every lease it was granted on the source.
    /// </summary>
    public IEnumerable<string> Violations()
    {
        var grants = Grants;
        foreach (var bySource in grants.GroupBy(g => g.Source, StringComparer.Ordinal))
        {
            var list = bySource.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (a.Owner != b.Owner && a.From < b.Until && b.From < a.Until)
                    {
                        yield return $"{a.Source}: {a.Owner} held it {a.From}–{a.Until} and {b.Owner} {b.From}–{b.Until}";
                    }
                }
            }
        }

        var leased = grants.Select(g => g.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var poll in Polls.Where(p => leased.Contains(p.Source)))
        {
            if (!grants.Any(g => g.Source == poll.Source && g.Owner == poll.Owner && g.From <= poll.At && poll.At < g.Until))
            {
                yield return $"{poll.Owner} polled {poll.Source} at {poll.At} without holding its lease";
            }
        }
    }

    internal sealed record Grant(string Source, string Owner, Instant From, Instant Until);

    internal sealed record Poll(string Source, string Owner, Instant At);

    private sealed class WatchedStore(IConnectorStore inner, string owner, LeaseWatch watch) : IConnectorStore
    {
        public IInbox Inbox => inner.Inbox;

        public ICursors Cursors => inner.Cursors;

        public IWorkItems WorkItems => inner.WorkItems;

        public ILedger Ledger => inner.Ledger;

        public ILinks Links => inner.Links;

        public IExceptionLog Exceptions => inner.Exceptions;

        public IRunHistory Runs { get; } = new WatchedRuns(inner.Runs, owner, watch);

        public ISnapshots Snapshots => inner.Snapshots;

        public ISourceLeases SourceLeases { get; } = new WatchedLeases(inner.SourceLeases, watch);

        public Task<IUnitOfWork> BeginUnitOfWorkAsync(CancellationToken cancellationToken) => inner.BeginUnitOfWorkAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class WatchedLeases(ISourceLeases inner, LeaseWatch watch) : ISourceLeases
    {
        public async Task<SourceLease?> TryAcquireAsync(string source, string owner, Duration duration, CancellationToken cancellationToken)
        {
            var lease = await inner.TryAcquireAsync(source, owner, duration, cancellationToken);
            if (lease is not null)
            {
                // Granted (or renewed) at the store's reading of the clock: its end less its duration.
                watch._grants.Enqueue(new Grant(source, owner, lease.ExpiresAt - duration, lease.ExpiresAt));
            }

            return lease;
        }

        public Task MarkWantedAsync(IReadOnlyCollection<string> sources, CancellationToken cancellationToken) => inner.MarkWantedAsync(sources, cancellationToken);

        public Task ReleaseAsync(string source, string owner, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The model never stops an instance gently; a release would end a lease early.");
    }

    private sealed class WatchedRuns(IRunHistory inner, string owner, LeaseWatch watch) : IRunHistory
    {
        public Task<PipelineRun> StartAsync(string pipeline, CancellationToken cancellationToken)
        {
            watch._polls.Enqueue(new Poll(pipeline, owner, watch.Now));
            return inner.StartAsync(pipeline, cancellationToken);
        }

        public Task<PipelineRun> FinishAsync(long runId, RunOutcome outcome, IReadOnlyDictionary<string, long> counts, string? failure, CancellationToken cancellationToken) =>
            inner.FinishAsync(runId, outcome, counts, failure, cancellationToken);

        public Task<IReadOnlyList<PipelineRun>> ListAsync(string? pipeline, int maxCount, CancellationToken cancellationToken) =>
            inner.ListAsync(pipeline, maxCount, cancellationToken);

        public Task<int> PruneAsync(Instant startedBefore, int maxCount, CancellationToken cancellationToken) =>
            inner.PruneAsync(startedBefore, maxCount, cancellationToken);
    }

    private Instant Now => clock.GetCurrentInstant();
}
