using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Sqlite.Internal;

/// <summary>The seven parts of the state over one scope.</summary>
internal sealed class SqliteStateParts(SqliteScope scope, IClock clock) : IStateSession
{
    public IInbox Inbox { get; } = new SqliteInbox(scope, clock);

    public ICursors Cursors { get; } = new SqliteCursors(scope, clock);

    public IWorkItems WorkItems { get; } = new SqliteWorkItems(scope, clock);

    public ILedger Ledger { get; } = new SqliteLedger(scope, clock);

    public ILinks Links { get; } = new SqliteLinks(scope, clock);

    public IExceptionLog Exceptions { get; } = new SqliteExceptionLog(scope, clock);

    public IRunHistory Runs { get; } = new SqliteRunHistory(scope, clock);
}
