using System.Diagnostics;
using System.Globalization;
using Connectors.Sync.PostgreSql;
using Connectors.Sync.State;
using NodaTime;
using Npgsql;

namespace Connectors.Benchmarks.Claims;

/// <summary>
/// Work items claimed and completed per second by 1, 2 and 4 instances sharing one PostgreSQL schema: each
/// instance has its own store (own connection pool), claims batches and completes every item, until the queue is
/// empty. Measures the database's share of the engine's coordination; no remote API is involved.
/// </summary>
internal static class ClaimThroughputBenchmark
{
    public const string Mode = "claims";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var connectionString = Environment.GetEnvironmentVariable("CONNECTORS_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=connectors;Password=connectors;Database=connectors_test";
        Console.WriteLine($"{items} work items, claimed {batch} at a time, completed one by one; PostgreSQL: {new NpgsqlConnectionStringBuilder(connectionString).Host}");
        Console.WriteLine("| instances | items/s | seconds | each item done once |");
        Console.WriteLine("|---:|---:|---:|---|");
        foreach (var instances in new[] { 1, 2, 4 })
        {
            var (perSecond, seconds, exact) = await MeasureAsync(connectionString, instances, items, batch, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {instances} | {perSecond:F0} | {seconds:F1} | {(exact ? "yes" : "NO")} |"));
        }

        return 0;
    }

    private static async Task<(double PerSecond, double Seconds, bool Exact)> MeasureAsync(
        string connectionString, int instances, int items, int batch, CancellationToken cancellationToken)
    {
        var schema = "bench_claims_" + Guid.NewGuid().ToString("N")[..10];
        var options = new PostgreSqlStoreOptions { ConnectionString = connectionString, Schema = schema };
        var stores = new List<PostgreSqlConnectorStore>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                stores.Add(await PostgreSqlConnectorStore.OpenAsync(options, SystemClock.Instance, cancellationToken));
            }

            for (var i = 0; i < items; i += 500)
            {
                var unit = await stores[0].BeginUnitOfWorkAsync(cancellationToken);
                await using (unit)
                {
                    for (var j = i; j < Math.Min(items, i + 500); j++)
                    {
                        await unit.WorkItems.EnqueueAsync(
                            new NewWorkItem($"item:{j}", "bench", WorkLane.Stock, "", OrderingKey: $"sku:{j % 1000}"), cancellationToken);
                    }

                    await unit.CommitAsync(cancellationToken);
                }
            }

            var done = new int[instances];
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(stores.Select((store, index) => Task.Run(
                async () =>
                {
                    while (true)
                    {
                        var claimed = await store.WorkItems.ClaimAsync(
                            new WorkClaimRequest($"instance-{index}", batch, Duration.FromMinutes(5)), cancellationToken);
                        if (claimed.Count == 0)
                        {
                            // Nothing claimable now: the rest may be held by ordering keys other instances work on.
                            if ((await store.WorkItems.CountPendingByLaneAsync(cancellationToken)).Values.Sum() == 0)
                            {
                                return;
                            }

                            await Task.Delay(5, cancellationToken);
                            continue;
                        }

                        foreach (var item in claimed)
                        {
                            await store.WorkItems.CompleteAsync(item.Lease!, cancellationToken);
                        }

                        done[index] += claimed.Count;
                    }
                },
                cancellationToken)));
            watch.Stop();
            var remaining = (await stores[0].WorkItems.CountPendingByLaneAsync(cancellationToken)).Values.Sum();
            return (items / watch.Elapsed.TotalSeconds, watch.Elapsed.TotalSeconds, done.Sum() == items && remaining == 0);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE;", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
