using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Connectors.Sync.PostgreSql;
using Connectors.Sync.Sqlite;
using Connectors.Sync.State;
using NodaTime;
using Npgsql;

namespace Connectors.Benchmarks.State;

/// <summary>
/// The state store's batched statements against the same work done one row at a time, each in one unit of work as the
/// stock intake runs them: a page's 500 ledger writes, 500 work-item enqueues, 500 applied-fact marks and 250 inbox
/// settlements. On SQLite (a real file) and, when <c>CONNECTORS_POSTGRES</c> is set, on PostgreSQL (a schema of its own).
/// </summary>
[Config(typeof(ShortRunConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class StateStatementBenchmarks
{
    private const int Rows = 500;
    private const int Deliveries = 250;
    private static readonly string? PostgresConnection = Environment.GetEnvironmentVariable("CONNECTORS_POSTGRES") is { Length: > 0 } value ? value : null;

    private IConnectorStore _store = null!;
    private string _cleanup = "";
    /// <summary>Invocations a case makes at most (jitting, one warm-up, five iterations), with room to spare.</summary>
    private const int Rounds = 12;
    private readonly Dictionary<LedgerKey, long> _versions = [];
    private int _round;

    /// <summary>The databases to measure: SQLite always, PostgreSQL when a server is configured.</summary>
    public static IEnumerable<string> Databases() => PostgresConnection is null ? ["sqlite"] : ["sqlite", "postgres"];

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    [GlobalSetup]
    public async Task OpenAsync()
    {
        if (Database == "postgres")
        {
            _cleanup = "bench_state_" + Guid.NewGuid().ToString("N")[..10];
            _store = await PostgreSqlConnectorStore.OpenAsync(
                new PostgreSqlStoreOptions { ConnectionString = PostgresConnection!, Schema = _cleanup }, SystemClock.Instance, CancellationToken.None);
        }
        else
        {
            _cleanup = Path.Combine(Path.GetTempPath(), $"bench-state-{Guid.NewGuid():N}.db");
            _store = await SqliteConnectorStore.OpenAsync(_cleanup, SystemClock.Instance, CancellationToken.None);
        }

        Remember(await _store.Ledger.SetManyAsync([.. Skus().Select(sku => new LedgerWrite(new LedgerKey(sku, "7"), Quantities(0), 0))], CancellationToken.None));
        for (var round = 1; round <= Rounds; round++)
        {
            await InUnitAsync(async unit =>
            {
                for (var i = 0; i < Deliveries; i++)
                {
                    await unit.Inbox.StoreAsync(
                        new InboxDelivery("sitoo", $"evt-{round}-{i}", "warehouse-transaction", Encoding.UTF8.GetBytes("{}"), new Dictionary<string, string>()),
                        CancellationToken.None);
                }
            });
        }
    }

    [GlobalCleanup]
    public async Task CloseAsync()
    {
        await _store.DisposeAsync();
        if (Database == "postgres")
        {
            await using var connection = new NpgsqlConnection(PostgresConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_cleanup} CASCADE;", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_cleanup)!, Path.GetFileName(_cleanup) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// The facts, items and deliveries of one invocation: fresh each time (asynchronous iteration setups are not
    /// supported, so the deliveries of every round are stored in the global setup).
    /// </summary>
    private (List<NewWorkItem> Items, List<string> Facts, List<InboxKey> Deliveries) NextRound()
    {
        var round = (++_round).ToString(CultureInfo.InvariantCulture);
        return (
            [.. Enumerable.Range(0, Rows).Select(i => new NewWorkItem($"stock:write:SW-{i:D4}:{round}", "stock.write", WorkLane.Stock, "", null, $"sku:SW-{i:D4}"))],
            [.. Enumerable.Range(0, Rows).Select(i => $"sitoo:bench:wtx:{round}:{i}")],
            [.. Enumerable.Range(0, Deliveries).Select(i => new InboxKey("sitoo", $"evt-{round}-{i}"))]);
    }

    /// <summary>Every invocation updates the same 500 rows at the versions the previous one left.</summary>
    private List<LedgerWrite> LedgerWrites() => [.. _versions.Select(pair => new LedgerWrite(pair.Key, Quantities(pair.Value), pair.Value))];

    private void Remember(IEnumerable<LedgerEntry> written)
    {
        foreach (var entry in written)
        {
            _versions[entry.Key] = entry.Version;
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ledger writes (500)")]
    public Task LedgerPerRow() => InUnitAsync(async unit =>
    {
        foreach (var write in LedgerWrites())
        {
            Remember(await unit.Ledger.SetManyAsync([write], CancellationToken.None));
        }
    });

    [Benchmark, BenchmarkCategory("ledger writes (500)")]
    public Task LedgerBatched() => InUnitAsync(async unit => Remember(await unit.Ledger.SetManyAsync(LedgerWrites(), CancellationToken.None)));

    [Benchmark(Baseline = true), BenchmarkCategory("enqueues (500)")]
    public Task EnqueuePerRow() => InUnitAsync(async unit =>
    {
        foreach (var item in NextRound().Items)
        {
            await unit.WorkItems.EnqueueAsync(item, CancellationToken.None);
        }
    });

    [Benchmark, BenchmarkCategory("enqueues (500)")]
    public Task EnqueueBatched() => InUnitAsync(unit => unit.WorkItems.EnqueueManyAsync(NextRound().Items, CancellationToken.None));

    [Benchmark(Baseline = true), BenchmarkCategory("fact marks (500)")]
    public Task MarksPerRow() => InUnitAsync(async unit =>
    {
        foreach (var fact in NextRound().Facts)
        {
            await unit.Ledger.TryMarkAppliedAsync(fact, CancellationToken.None);
        }
    });

    [Benchmark, BenchmarkCategory("fact marks (500)")]
    public Task MarksBatched() => InUnitAsync(unit => unit.Ledger.MarkAppliedAsync(NextRound().Facts, CancellationToken.None));

    [Benchmark(Baseline = true), BenchmarkCategory("inbox settlements (250)")]
    public Task SettlePerRow() => InUnitAsync(async unit =>
    {
        foreach (var delivery in NextRound().Deliveries)
        {
            await unit.Inbox.MarkProcessedAsync([delivery], CancellationToken.None);
        }
    });

    [Benchmark, BenchmarkCategory("inbox settlements (250)")]
    public Task SettleBatched() => InUnitAsync(unit => unit.Inbox.MarkProcessedAsync(NextRound().Deliveries, CancellationToken.None));

    private async Task InUnitAsync(Func<IUnitOfWork, Task> work)
    {
        var unit = await _store.BeginUnitOfWorkAsync(CancellationToken.None);
        await using (unit)
        {
            await work(unit);
            await unit.CommitAsync(CancellationToken.None);
        }
    }

    private static IEnumerable<string> Skus() => Enumerable.Range(0, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"SW-{i:D4}"));

    private static Dictionary<string, decimal> Quantities(long round) =>
        new(StringComparer.Ordinal) { ["total"] = round, ["reserved"] = 1, ["lastTransaction"] = 4_711 + round };
}
