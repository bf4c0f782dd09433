using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.PostgreSql.Internal;

/// <summary>The seven parts of the state over one scope.</summary>
internal sealed class PgStateParts(PgScope scope, IClock clock) : IStateSession
{
    public IInbox Inbox { get; } = new PgInbox(scope, clock);

    public ICursors Cursors { get; } = new PgCursors(scope, clock);

    public IWorkItems WorkItems { get; } = new PgWorkItems(scope, clock);

    public ILedger Ledger { get; } = new PgLedger(scope, clock);

    public ILinks Links { get; } = new PgLinks(scope, clock);

    public IExceptionLog Exceptions { get; } = new PgExceptionLog(scope, clock);

    public IRunHistory Runs { get; } = new PgRunHistory(scope, clock);
}
