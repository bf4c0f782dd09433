using System.Data.Common;
using System.Text.Json;
using NodaTime;

namespace Connectors.Sync.State.Relational;

internal sealed class RelationalRunHistory(RelationalScope scope, IClock clock) : IRunHistory
{
    private const string SelectList = "id, pipeline, started_at, finished_at, outcome, counts, error";

    public Task<PipelineRun> StartAsync(string pipeline, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        return scope.WriteAsync(
            async sql => (await sql.QuerySingleAsync(
                $"INSERT INTO runs (pipeline, started_at, outcome, counts) VALUES (@pipeline, @now, 'running', '{{}}') RETURNING {SelectList};",
                Read,
                cancellationToken,
                ("pipeline", pipeline),
                ("now", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false))!,
            cancellationToken);
    }

    public Task<PipelineRun> FinishAsync(
        long runId, RunOutcome outcome, IReadOnlyDictionary<string, long> counts, string? failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (outcome == RunOutcome.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), "A run finishes with an outcome other than Running.");
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, long>(counts, StringComparer.Ordinal), RelationalJsonContext.Default.DictionaryStringInt64);
        return scope.WriteAsync(
            async sql => await sql.QuerySingleAsync(
                $"""
                UPDATE runs SET finished_at = @now, outcome = @outcome, counts = @counts, error = @error
                WHERE id = @id AND outcome = 'running'
                RETURNING {SelectList};
                """,
                Read,
                cancellationToken,
                ("id", runId),
                ("outcome", Columns.EnumName(outcome)),
                ("counts", json),
                ("error", failure),
                ("now", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run {runId} is unknown or already finished."),
            cancellationToken);
    }

    public Task<IReadOnlyList<PipelineRun>> ListAsync(string? pipeline, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);

        // CAST types the optional filter: PostgreSQL cannot infer a parameter's type from "IS NULL" alone.
        return scope.ReadAsync(
            sql => sql.QueryAsync(
                $"SELECT {SelectList} FROM runs WHERE (CAST(@pipeline AS TEXT) IS NULL OR pipeline = CAST(@pipeline AS TEXT)) ORDER BY id DESC LIMIT @max;",
                Read,
                cancellationToken,
                ("pipeline", pipeline),
                ("max", maxCount)),
            cancellationToken);
    }

    private static PipelineRun Read(DbDataReader reader) => new(
        Columns.Int64(reader, "id"),
        Columns.Text(reader, "pipeline"),
        Columns.Instant(reader, "started_at"),
        Columns.NullableInstant(reader, "finished_at"),
        Columns.Enum<RunOutcome>(reader, "outcome"),
        JsonSerializer.Deserialize(Columns.Text(reader, "counts"), RelationalJsonContext.Default.DictionaryStringInt64) ?? [],
        Columns.NullableText(reader, "error"));

    public Task<int> PruneAsync(Instant startedBefore, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return scope.WriteAsync(
            sql => sql.ExecuteAsync(
                "DELETE FROM runs WHERE id IN (SELECT id FROM runs WHERE started_at < @before ORDER BY started_at LIMIT @max);",
                cancellationToken,
                ("before", Columns.ToTicks(startedBefore)),
                ("max", maxCount)),
            cancellationToken);
    }
}
