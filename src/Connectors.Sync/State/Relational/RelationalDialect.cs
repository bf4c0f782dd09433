using System.Data.Common;

namespace Connectors.Sync.State.Relational;

/// <summary>
/// What really differs between the relational stores: how the ledger's quantities and the lease tokens are
/// stored, how rows are locked, and the claim statement. Everything else is the shared SQL of the parts.
/// </summary>
internal abstract class RelationalDialect
{
    /// <summary>
    /// Rows per multi-row write (ledger rows, work items): at most seven parameters a row, so far below the database's
    /// parameter limit, and as many as still pay (see docs/performance.md, "Set-based state statements").
    /// </summary>
    public abstract int RowsPerStatement { get; }

    /// <summary>The ledger columns holding the quantities, in select order.</summary>
    public abstract string LedgerQuantityColumns { get; }

    /// <summary>The parameters for <see cref="LedgerQuantityColumns"/> of one row, in the same order.</summary>
    /// <param name="row">Tells the rows of one statement apart (appended to the parameter names).</param>
    public abstract string LedgerQuantityValues(int row);

    /// <summary>
    /// Appended to an ORDER BY of a text column so that it sorts ordinally, as the in-memory store does,
    /// whatever the database's default collation.
    /// </summary>
    public abstract string OrdinalCollation { get; }

    /// <summary>
    /// Appended to a single-row SELECT inside a write so that the row stays locked until commit; empty where
    /// the write transaction already excludes every other writer.
    /// </summary>
    public abstract string LockRowForUpdate { get; }

    /// <summary>The values of the parameters named in <see cref="LedgerQuantityValues"/>.</summary>
    public abstract (string Name, object? Value)[] LedgerQuantityParameters(IReadOnlyDictionary<string, decimal> quantities, int row);

    /// <summary>Reads the quantities of the current ledger row.</summary>
    public abstract Dictionary<string, decimal> ReadLedgerQuantities(DbDataReader reader);

    /// <summary>
    /// The statement leasing up to <c>@max</c> due items to <c>@owner</c> until <c>@expires</c>, of the lanes
    /// <c>@lanes</c> (all when null), at most <c>@most0</c> of kind <c>@kind0</c> (and so on for
    /// <paramref name="limitedKinds"/> kinds); it returns <c>seq</c> and the columns of <paramref name="selectList"/>.
    /// </summary>
    public abstract string ClaimStatement(string selectList, int limitedKinds);

    /// <summary>
    /// The parts a claim picks from apart, as conditions on <c>kind</c> and their limits: the kinds without a limit of
    /// their own (up to <c>@max</c>), then each limited kind (up to its <c>@most</c>).
    /// </summary>
    protected static IEnumerable<(string Kinds, string Limit)> ClaimLegs(int limitedKinds)
    {
        var limited = Enumerable.Range(0, limitedKinds).Select(i => FormattableString.Invariant($"@kind{i}")).ToList();
        yield return (limited.Count == 0 ? "1 = 1" : $"kind NOT IN ({string.Join(", ", limited)})", "@max");
        for (var i = 0; i < limited.Count; i++)
        {
            yield return ($"kind = {limited[i]}", FormattableString.Invariant($"@most{i}"));
        }
    }

    /// <summary>The value of <c>@lanes</c> in <see cref="ClaimStatement"/>.</summary>
    public abstract object? LanesParameter(string[]? lanes);

    /// <summary>The value of a lease token as a parameter.</summary>
    public abstract object LeaseTokenParameter(Guid token);

    /// <summary>Reads a non-null lease token column.</summary>
    public abstract Guid ReadLeaseToken(DbDataReader reader, int ordinal);

    /// <summary>
    /// Runs inside an enqueue's transaction before its insert, with the ordering keys of the items inserted (distinct,
    /// ordinally sorted); nothing unless the database needs locks there.
    /// </summary>
    public virtual Task BeforeEnqueueAsync(RelationalSql sql, IReadOnlyList<string> orderingKeys, CancellationToken cancellationToken) => Task.CompletedTask;
}
