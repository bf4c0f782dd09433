using NodaTime;

namespace Connectors.Sync.State.Relational;

internal sealed class RelationalSourceLeases(RelationalScope scope, IClock clock) : ISourceLeases
{
    public async Task<SourceLease?> TryAcquireAsync(string source, string owner, Duration duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "The lease duration must be positive.");
        }

        var now = clock.GetCurrentInstant();

        // One statement: the row is created, renewed by its holder, or taken over once expired; otherwise it is left
        // alone and nothing comes back. Atomic on both databases, so two instances never both hold a source.
        var rows = await scope.WriteAsync(
            sql => sql.QueryAsync(
                """
                INSERT INTO source_leases (source, owner, expires_at, wanted_at) VALUES (@source, @owner, @expires, NULL)
                ON CONFLICT (source) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
                WHERE source_leases.owner = excluded.owner OR source_leases.expires_at <= @now
                RETURNING owner, expires_at, wanted_at;
                """,
                reader => new SourceLease(
                    source,
                    Columns.Text(reader, "owner"),
                    Columns.Instant(reader, "expires_at"),
                    Columns.NullableInstant(reader, "wanted_at")),
                cancellationToken,
                ("source", source),
                ("owner", owner),
                ("expires", Columns.ToTicks(now + duration)),
                ("now", Columns.ToTicks(now))),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 1 ? rows[0] : null;
    }

    public Task MarkWantedAsync(IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = Columns.ToTicks(clock.GetCurrentInstant());
        return scope.WriteAsync(
            async sql =>
            {
                // A source nobody holds yet gets an expired row: the first instance to ask takes it and sees it wanted.
                foreach (var source in sources.Distinct(StringComparer.Ordinal))
                {
                    await sql.ExecuteAsync(
                        """
                        INSERT INTO source_leases (source, owner, expires_at, wanted_at) VALUES (@source, '', 0, @now)
                        ON CONFLICT (source) DO UPDATE SET wanted_at = excluded.wanted_at;
                        """,
                        cancellationToken,
                        ("source", source),
                        ("now", now)).ConfigureAwait(false);
                }

                return 0;
            },
            cancellationToken);
    }

    public Task ReleaseAsync(string source, string owner, CancellationToken cancellationToken) =>
        scope.WriteAsync(
            sql => sql.ExecuteAsync(
                "UPDATE source_leases SET expires_at = 0 WHERE source = @source AND owner = @owner;",
                cancellationToken,
                ("source", source),
                ("owner", owner)),
            cancellationToken);
}
