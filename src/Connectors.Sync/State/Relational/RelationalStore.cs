using NodaTime;

namespace Connectors.Sync.State.Relational;

/// <summary>
/// What a public store class holds: the parts outside any unit of work (each call its own commit) and the
/// start of units of work, over one store's connections and dialect.
/// </summary>
internal sealed class RelationalStore : RelationalStateParts
{
    private readonly RelationalConnections _connections;
    private readonly RelationalDialect _dialect;
    private readonly IClock _clock;

    public RelationalStore(RelationalConnections connections, RelationalDialect dialect, IClock clock)
        : base(new AutoCommitScope(connections), dialect, clock)
    {
        _connections = connections;
        _dialect = dialect;
        _clock = clock;
    }

    public Task<IUnitOfWork> BeginUnitOfWorkAsync(CancellationToken cancellationToken) =>
        RelationalUnitOfWork.BeginAsync(_connections, _dialect, _clock, cancellationToken);
}
