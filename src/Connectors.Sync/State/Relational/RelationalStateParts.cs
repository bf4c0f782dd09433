using NodaTime;

namespace Connectors.Sync.State.Relational;

/// <summary>The parts of the state over one scope; the unit of work is these parts over its transaction.</summary>
internal class RelationalStateParts(RelationalScope scope, RelationalDialect dialect, IClock clock) : IStateSession
{
    public IInbox Inbox { get; } = new RelationalInbox(scope, clock);

    public ICursors Cursors { get; } = new RelationalCursors(scope, dialect, clock);

    public IWorkItems WorkItems { get; } = new RelationalWorkItems(scope, dialect, clock);

    public ILedger Ledger { get; } = new RelationalLedger(scope, dialect, clock);

    public ILinks Links { get; } = new RelationalLinks(scope, clock);

    public IExceptionLog Exceptions { get; } = new RelationalExceptionLog(scope, clock);

    public IRunHistory Runs { get; } = new RelationalRunHistory(scope, clock);

    public ISnapshots Snapshots { get; } = new RelationalSnapshots(scope, clock);

    public ISourceLeases SourceLeases { get; } = new RelationalSourceLeases(scope, clock);
}
