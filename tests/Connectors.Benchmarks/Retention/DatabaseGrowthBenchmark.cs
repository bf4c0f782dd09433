using System.Globalization;
using System.Text;
using Connectors.Core.Identity;
using Connectors.Sync.Options;
using Connectors.Sync.Sqlite;
using Connectors.Sync.State;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connectors.Benchmarks.Retention;

/// <summary>
/// The SQLite file's growth with the sales: each synthetic sale stores, processes and marks what a real one does (its
/// Sitoo warehouse-transaction webhook as an inbox row, processed; the applied mark of its transaction), spread evenly
/// over the days, with run records beside them (by default three pipelines polled every 30 s). Once without pruning and once with
/// the retention defaults pruned every simulated hour, as the retention job does.
/// </summary>
internal static class DatabaseGrowthBenchmark
{
    public const string Mode = "retention";

    private const int SalesPerUnit = 500;
    private const string Account = "acme";
    private const long Eshop = 1;
    private const int Overlap = 50;

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["Content-Type"] = "application/json",
        ["User-Agent"] = "Sitoo-Events/1.0",
    };

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var sales = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var days = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var runsPerHour = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3 * 120;
        Console.WriteLine($"{sales} sales over {days} days ({sales / days} a day), {runsPerHour} runs an hour, retention defaults when pruning");
        Console.WriteLine("| pruning | day | inbox rows | marks | runs | file MiB | in use MiB | MiB per million sales so far |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var prune in new[] { false, true })
        {
            await MeasureAsync(sales, days, runsPerHour, prune, cancellationToken);
        }

        return 0;
    }

    private static async Task MeasureAsync(int sales, int days, int runsPerHour, bool prune, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("connectors-growth-").FullName;
        var path = Path.Combine(folder, "connector.db");
        var clock = new SteppedClock(Instant.FromUtc(2026, 11, 1, 0, 0));
        var retention = new RetentionSettings();
        var hours = days * 24;
        var salesPerHour = (double)sales / hours;
        var sold = 0;
        try
        {
            var store = await SqliteConnectorStore.OpenAsync(path, clock, cancellationToken);
            await using (store)
            {
                for (var hour = 1; hour <= hours; hour++)
                {
                    var due = (int)Math.Round(hour * salesPerHour) - sold;
                    await SellAsync(store, clock, sold + 1, due, cancellationToken);
                    sold += due;
                    await RecordRunsAsync(store, runsPerHour, cancellationToken);
                    if (prune)
                    {
                        await PruneAsync(store, retention, clock.GetCurrentInstant(), sold, cancellationToken);
                    }

                    if (hour % (24 * Math.Max(1, days / 4)) == 0)
                    {
                        await ReportAsync(path, prune, hour / 24, sold, cancellationToken);
                    }
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One simulated hour of sales, committed in units of work as the intake commits a page.</summary>
    private static async Task SellAsync(SqliteConnectorStore store, SteppedClock clock, int firstId, int count, CancellationToken cancellationToken)
    {
        var step = Duration.FromHours(1) / Math.Max(1, count);
        for (var start = 0; start < count; start += SalesPerUnit)
        {
            var unit = await store.BeginUnitOfWorkAsync(cancellationToken);
            await using (unit)
            {
                for (var id = firstId + start; id < firstId + Math.Min(count, start + SalesPerUnit); id++)
                {
                    var eventId = Guid.NewGuid().ToString("N");
                    await unit.Inbox.StoreAsync(new InboxDelivery("sitoo", eventId, "warehouse-transaction", Event(eventId, id, clock), Headers), cancellationToken);
                    await unit.Inbox.MarkProcessedAsync([new InboxKey("sitoo", eventId)], cancellationToken);
                    await unit.Ledger.TryMarkAppliedAsync(IdempotencyKey.SitooWarehouseTransaction(Account, Eshop, id).Value, cancellationToken);
                    clock.Advance(step);
                }

                await unit.CommitAsync(cancellationToken);
            }
        }
    }

    private static async Task RecordRunsAsync(SqliteConnectorStore store, int runsPerHour, CancellationToken cancellationToken)
    {
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken);
        await using (unit)
        {
            for (var i = 0; i < runsPerHour; i++)
            {
                var run = await unit.Runs.StartAsync(i % 3 == 0 ? "sitoo.warehouse-transactions" : i % 3 == 1 ? "shopware.orders" : "sitoo.orders", cancellationToken);
                await unit.Runs.FinishAsync(run.Id, RunOutcome.Succeeded, new Dictionary<string, long> { ["facts"] = i % 7 }, null, cancellationToken);
            }

            await unit.CommitAsync(cancellationToken);
        }
    }

    /// <summary>What the retention job does each hour, with the cursor at the last sale.</summary>
    private static async Task PruneAsync(SqliteConnectorStore store, RetentionSettings retention, Instant now, long cursor, CancellationToken cancellationToken)
    {
        var batch = retention.BatchSize;
        var prefix = IdempotencyKey.SitooWarehouseTransaction(Account, Eshop, 0).Value[..^1];
        await RepeatAsync(() => store.Inbox.PurgeProcessedAsync(now - Duration.FromTimeSpan(retention.KeepProcessedInbox), batch, cancellationToken), batch);
        await RepeatAsync(() => store.Runs.PruneAsync(now - Duration.FromTimeSpan(retention.KeepRuns), batch, cancellationToken), batch);
        var appliedBefore = now - Duration.FromTimeSpan(retention.KeepAppliedFacts);
        await RepeatAsync(() => store.Ledger.PruneAppliedAsync(prefix, cursor - Overlap, appliedBefore, batch, cancellationToken), batch);
    }

    private static async Task RepeatAsync(Func<Task<int>> pruneBatch, int batch)
    {
        while (await pruneBatch() == batch)
        {
            // A full batch: there may be more.
        }
    }

    private static async Task ReportAsync(string path, bool prune, int day, int sold, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        var inbox = await ScalarAsync(connection, "SELECT COUNT(*) FROM inbox;", cancellationToken);
        var marks = await ScalarAsync(connection, "SELECT COUNT(*) FROM applied_facts;", cancellationToken);
        var runs = await ScalarAsync(connection, "SELECT COUNT(*) FROM runs;", cancellationToken);
        await ScalarAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        var pageSize = await ScalarAsync(connection, "PRAGMA page_size;", cancellationToken);
        var inUse = (await ScalarAsync(connection, "PRAGMA page_count;", cancellationToken) - await ScalarAsync(connection, "PRAGMA freelist_count;", cancellationToken)) * pageSize;
        var file = new FileInfo(path).Length;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {(prune ? "yes" : "no")} | {day} | {inbox} | {marks} | {runs} | {Mebibytes(file):F1} | {Mebibytes(inUse):F1} | {Mebibytes(file) * 1_000_000 / sold:F0} |"));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static double Mebibytes(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>A warehouse-transaction event as Sitoo's Events SPI sends it, one event per inbox row.</summary>
    private static byte[] Event(string eventId, long transactionId, SteppedClock clock) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"event_id":"{{{eventId}}}","event_type":"warehouse-transaction","event_date":{{{clock.GetCurrentInstant().ToUnixTimeSeconds()}}},"account_id":90316,"data":{"eshop_id":1,"warehouse_id":{{{transactionId % 40 + 1}}},"warehouse_transaction_id":{{{transactionId}}}}}"""));

    private sealed class SteppedClock(Instant start) : IClock
    {
        private Instant _now = start;

        public Instant GetCurrentInstant() => _now;

        public void Advance(Duration step) => _now += step;
    }
}
