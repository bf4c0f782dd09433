using Connectors.Sync.State;

namespace Connectors.Sync.Engine.Tests.Harness;

/// <summary>Thrown where the test kills the engine: nothing after it runs.</summary>
internal sealed class SimulatedCrashException() : Exception("The test killed the engine here.");

/// <summary>
/// A store that dies at its Nth unit-of-work commit (the commit does not happen), like a process killed
/// between a remote write and the local commit.
/// </summary>
internal sealed class CrashingStore(IConnectorStore inner, int crashAtCommit) : IConnectorStore
{
    private int _commits;

    public IInbox Inbox => inner.Inbox;

    public ICursors Cursors => inner.Cursors;

    public IWorkItems WorkItems => inner.WorkItems;

    public ILedger Ledger => inner.Ledger;

    public ILinks Links => inner.Links;

    public IExceptionLog Exceptions => inner.Exceptions;

    public IRunHistory Runs => inner.Runs;

    public ISnapshots Snapshots => inner.Snapshots;

    public ISourceLeases SourceLeases => inner.SourceLeases;

    public bool Crashed { get; private set; }

    public async Task<IUnitOfWork> BeginUnitOfWorkAsync(CancellationToken cancellationToken) =>
        new CrashingUnit(await inner.BeginUnitOfWorkAsync(cancellationToken), this);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void BeforeCommit()
    {
        if (Crashed || ++_commits == crashAtCommit)
        {
            Crashed = true;
            throw new SimulatedCrashException();
        }
    }

    private sealed class CrashingUnit(IUnitOfWork inner, CrashingStore owner) : IUnitOfWork
    {
        public IInbox Inbox => inner.Inbox;

        public ICursors Cursors => inner.Cursors;

        public IWorkItems WorkItems => inner.WorkItems;

        public ILedger Ledger => inner.Ledger;

        public ILinks Links => inner.Links;

        public IExceptionLog Exceptions => inner.Exceptions;

        public IRunHistory Runs => inner.Runs;

        public ISnapshots Snapshots => inner.Snapshots;

        public ISourceLeases SourceLeases => inner.SourceLeases;

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            owner.BeforeCommit();
            return inner.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
