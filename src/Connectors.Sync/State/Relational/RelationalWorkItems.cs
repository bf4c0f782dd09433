using System.Data.Common;
using System.Globalization;
using NodaTime;

namespace Connectors.Sync.State.Relational;

internal sealed class RelationalWorkItems(RelationalScope scope, RelationalDialect dialect, IClock clock) : IWorkItems
{
    private const string SelectList =
        "key, kind, lane, priority, payload, ordering_key, state, attempts, next_attempt_at, created_at, updated_at, last_error, lease_owner, lease_token, lease_expires_at";

    // Settling a claimed item requires the claim's token: a worker whose lease was taken over matches nothing.
    private const string HeldLease = "key = @key AND lease_token = @token AND state = 'pending'";

    private const string ClearLease = "lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = @now";

    public async Task<bool> EnqueueAsync(NewWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (await EnqueueManyAsync([item], cancellationToken).ConfigureAwait(false)).Count == 1;
    }

    public Task<IReadOnlySet<string>> EnqueueManyAsync(IReadOnlyCollection<NewWorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            ArgumentException.ThrowIfNullOrEmpty(item.Key, nameof(items));
            ArgumentException.ThrowIfNullOrEmpty(item.Kind, nameof(items));
            ArgumentException.ThrowIfNullOrEmpty(item.Lane.Name, nameof(items));
        }

        // The first item of a key is the one added, as when enqueued one by one; the later ones change nothing.
        var distinct = items.DistinctBy(item => item.Key, StringComparer.Ordinal).ToList();
        var orderingKeys = distinct.Select(item => item.OrderingKey).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var now = Columns.ToTicks(clock.GetCurrentInstant());

        // A second enqueue of a key (another path, another instance) waits for the first and then does nothing.
        return scope.WriteAsync<IReadOnlySet<string>>(
            async sql =>
            {
                await dialect.BeforeEnqueueAsync(sql, orderingKeys, cancellationToken).ConfigureAwait(false);
                var added = new HashSet<string>(StringComparer.Ordinal);
                foreach (var chunk in distinct.Chunk(dialect.RowsPerStatement))
                {
                    // Rows are inserted in VALUES order, so items sharing an ordering key keep their order in the sequence.
                    added.UnionWith(await sql.QueryAsync(
                        $"""
                        INSERT INTO work_items (key, kind, lane, priority, payload, ordering_key, state, attempts, next_attempt_at, created_at, updated_at)
                        VALUES {string.Join(", ", chunk.Select((_, i) => $"(@key{i}, @kind{i}, @lane{i}, @priority{i}, @payload{i}, @orderingKey{i}, 'pending', 0, @due{i}, @now, @now)"))}
                        ON CONFLICT (key) DO NOTHING
                        RETURNING key;
                        """,
                        reader => reader.GetString(0),
                        cancellationToken,
                        [("now", now), .. chunk.SelectMany((item, i) => Parameters(item, i, now))]).ConfigureAwait(false));
                }

                return added;
            },
            cancellationToken);
    }

    private static IEnumerable<(string, object?)> Parameters(NewWorkItem item, int row, long now) =>
    [
        ($"key{row}", item.Key),
        ($"kind{row}", item.Kind),
        ($"lane{row}", item.Lane.Name),
        ($"priority{row}", item.Lane.Priority),
        ($"payload{row}", item.Payload),
        ($"orderingKey{row}", item.OrderingKey),
        ($"due{row}", item.DueAt is { } due ? Columns.ToTicks(due) : now),
    ];

    public Task<WorkItem?> FindAsync(string key, CancellationToken cancellationToken) =>
        scope.ReadAsync(
            sql => sql.QuerySingleAsync($"SELECT {SelectList} FROM work_items WHERE key = @key;", Read, cancellationToken, ("key", key)),
            cancellationToken);

    public async Task<IReadOnlyList<WorkItem>> ClaimAsync(WorkClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.MaxCount);
        ArgumentNullException.ThrowIfNull(request.MaxPerKind);
        if (request.MaxPerKind.Values.Any(most => most <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Every limit per kind must be positive.");
        }
        if (request.LeaseDuration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "The lease duration must be positive.");
        }

        var now = clock.GetCurrentInstant();

        // The dialect's statement leases atomically (no two claimers get one item); expired leases count as
        // free and an item with an ordering key waits for every earlier pending item of that key.
        // Only limits below the claim's size change what it takes.
        var limited = request.MaxPerKind.Where(limit => limit.Value < request.MaxCount).OrderBy(limit => limit.Key, StringComparer.Ordinal).ToList();
        (string, object?)[] parameters =
        [
            ("owner", request.Owner),
            ("expires", Columns.ToTicks(now + request.LeaseDuration)),
            ("now", Columns.ToTicks(now)),
            ("lanes", dialect.LanesParameter(request.Lanes?.ToArray())),
            ("max", request.MaxCount),
            .. limited.SelectMany((limit, i) => new (string, object?)[]
            {
                (string.Create(CultureInfo.InvariantCulture, $"kind{i}"), limit.Key),
                (string.Create(CultureInfo.InvariantCulture, $"most{i}"), limit.Value),
            }),
        ];
        var claimed = await scope.WriteAsync(
            sql => sql.QueryAsync(
                dialect.ClaimStatement(SelectList, limited.Count),
                reader => (Seq: Columns.Int64(reader, "seq"), Item: Read(reader)),
                cancellationToken,
                parameters),
            cancellationToken).ConfigureAwait(false);

        return claimed
            .OrderBy(row => row.Item.Lane.Priority)
            .ThenBy(row => row.Item.NextAttemptAt)
            .ThenBy(row => row.Seq)
            .Select(row => row.Item)
            .ToList();
    }

    public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken) =>
        SettleAsync(
            lease,
            $"UPDATE work_items SET state = 'completed', last_error = NULL, {ClearLease} WHERE {HeldLease};",
            cancellationToken);

    public Task FailAsync(WorkLease lease, string failure, Instant retryAt, CancellationToken cancellationToken) =>
        SettleAsync(
            lease,
            $"UPDATE work_items SET next_attempt_at = @retryAt, last_error = @error, {ClearLease} WHERE {HeldLease};",
            cancellationToken,
            ("retryAt", Columns.ToTicks(retryAt)),
            ("error", failure));

    public Task ParkAsync(WorkLease lease, string reason, CancellationToken cancellationToken) =>
        SettleAsync(
            lease,
            $"UPDATE work_items SET state = 'parked', last_error = @error, {ClearLease} WHERE {HeldLease};",
            cancellationToken,
            ("error", reason));

    public Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) =>
        SettleAsync(
            lease,
            $"UPDATE work_items SET attempts = attempts - 1, {ClearLease} WHERE {HeldLease};",
            cancellationToken);

    public async Task<WorkLease> RenewAsync(WorkLease lease, Duration duration, CancellationToken cancellationToken)
    {
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "The lease duration must be positive.");
        }

        var renewed = lease with { ExpiresAt = clock.GetCurrentInstant() + duration };
        await SettleAsync(
            lease,
            $"UPDATE work_items SET lease_expires_at = @expires, updated_at = @now WHERE {HeldLease};",
            cancellationToken,
            ("expires", Columns.ToTicks(renewed.ExpiresAt))).ConfigureAwait(false);
        return renewed;
    }

    public Task<int> PruneCompletedAsync(string keyPrefix, Instant completedBefore, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);

        // A completed item's updated_at is when it was completed: nothing changes it afterwards.
        return scope.WriteAsync(
            sql => sql.ExecuteAsync(
                """
                DELETE FROM work_items WHERE seq IN (
                    SELECT seq FROM work_items AS item
                    WHERE state = 'completed' AND updated_at < @before
                      AND substr(key, 1, @prefixLength) = @prefix
                      AND NOT EXISTS (SELECT 1 FROM exceptions WHERE exceptions.work_item_key = item.key)
                    ORDER BY updated_at LIMIT @max);
                """,
                cancellationToken,
                ("before", Columns.ToTicks(completedBefore)),
                ("prefix", keyPrefix),
                ("prefixLength", keyPrefix.Length),
                ("max", maxCount)),
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, int>> CountPendingByLaneAsync(CancellationToken cancellationToken) =>
        scope.ReadAsync(
            async sql =>
            {
                var rows = await sql.QueryAsync(
                    "SELECT lane, CAST(COUNT(*) AS INTEGER) AS pending FROM work_items WHERE state = 'pending' GROUP BY lane;",
                    reader => (Lane: Columns.Text(reader, "lane"), Count: Columns.Int32(reader, "pending")),
                    cancellationToken).ConfigureAwait(false);
                return (IReadOnlyDictionary<string, int>)rows.ToDictionary(row => row.Lane, row => row.Count, StringComparer.Ordinal);
            },
            cancellationToken);

    private async Task SettleAsync(WorkLease lease, string update, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(lease);
        (string, object?)[] all =
        [
            .. parameters,
            ("key", lease.Key),
            ("token", dialect.LeaseTokenParameter(lease.Token)),
            ("now", Columns.ToTicks(clock.GetCurrentInstant())),
        ];
        var changed = await scope.WriteAsync(sql => sql.ExecuteAsync(update, cancellationToken, all), cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new WorkLeaseLostException(lease);
        }
    }

    public Task<IReadOnlyList<WorkItem>> ListAsync(WorkItemFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(filter.MaxCount);

        // Only the filters in use become conditions (and parameters): an untyped null parameter is an error on PostgreSQL.
        var conditions = new List<string>();
        var parameters = new List<(string, object?)> { ("max", filter.MaxCount) };
        if (filter.Kind is { } kind)
        {
            conditions.Add("kind = @kind");
            parameters.Add(("kind", kind));
        }

        if (filter.State is { } state)
        {
            conditions.Add("state = @state");
            parameters.Add(("state", Columns.EnumName(state)));
        }

        if (filter.CreatedBefore is { } before)
        {
            conditions.Add("created_at < @before");
            parameters.Add(("before", Columns.ToTicks(before)));
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions) + " ";
        return scope.ReadAsync(
            sql => sql.QueryAsync($"SELECT {SelectList} FROM work_items {where}ORDER BY created_at, key LIMIT @max;", Read, cancellationToken, [.. parameters]),
            cancellationToken);
    }

    private WorkItem Read(DbDataReader reader)
    {
        var tokenOrdinal = reader.GetOrdinal("lease_token");
        var lease = reader.IsDBNull(tokenOrdinal)
            ? null
            : new WorkLease(
                Columns.Text(reader, "key"),
                Columns.Text(reader, "lease_owner"),
                dialect.ReadLeaseToken(reader, tokenOrdinal),
                Columns.Instant(reader, "lease_expires_at"));
        return new WorkItem(
            Columns.Text(reader, "key"),
            Columns.Text(reader, "kind"),
            new WorkLane(Columns.Text(reader, "lane"), Columns.Int32(reader, "priority")),
            Columns.Text(reader, "payload"),
            Columns.NullableText(reader, "ordering_key"),
            Columns.Enum<WorkItemState>(reader, "state"),
            Columns.Int32(reader, "attempts"),
            Columns.Instant(reader, "next_attempt_at"),
            Columns.Instant(reader, "created_at"),
            Columns.Instant(reader, "updated_at"),
            Columns.NullableText(reader, "last_error"),
            lease);
    }
}
