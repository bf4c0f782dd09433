using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using NodaTime;

namespace Connectors.Sync.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: <c>CONNECTORS_POSTGRES</c>, or the loopback server that
/// <c>.ci/postgres-up.sh</c> starts. A missing server fails the tests with that hint; they are never skipped.
/// </summary>
internal static class TestServer
{
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Username=connectors;Password=connectors;Database=connectors_test";

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("CONNECTORS_POSTGRES") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>Opens a store, turning "no server" into a failure that says how to start one.</summary>
    public static async Task<PostgreSqlConnectorStore> OpenAsync(string schema, IClock clock, string? applicationName = null)
    {
        // Commits that survive a crash of the client but not of the server (no wait for the disk flush):
        // what these tests simulate, at a fraction of the time.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Options = "-c synchronous_commit=off" };
        builder.Timeout = Math.Max(builder.Timeout, 60); // a loaded 2-core machine can take longer than the default 15 s
        if (applicationName is not null)
        {
            builder.ApplicationName = applicationName;
        }

        try
        {
            return await PostgreSqlConnectorStore.OpenAsync(
                new PostgreSqlStoreOptions { ConnectionString = builder.ConnectionString, Schema = schema }, clock, CancellationToken.None);
        }
        catch (Exception exception) when (exception is PostgreSqlStoreTransientException or NpgsqlException)
        {
            throw NoServer(exception);
        }
    }

    /// <summary>Runs one statement as the test role, outside any store.</summary>
    public static async Task<T> AdminAsync<T>(string sql, Func<NpgsqlCommand, Task<T>> run)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException exception)
        {
            throw NoServer(exception);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        return await run(command);
    }

    /// <summary>Drops every schema whose name starts with <paramref name="prefix"/>, one per transaction (each takes many locks).</summary>
    public static async Task DropSchemasAsync(string prefix)
    {
        var schemas = await AdminAsync(
            "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, @prefix);",
            async command =>
            {
                command.Parameters.AddWithValue("prefix", prefix);
                var names = new List<string>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }

                return names;
            });
        foreach (var schema in schemas)
        {
            await AdminAsync($"DROP SCHEMA {schema} CASCADE;", command => command.ExecuteNonQueryAsync());
        }
    }

    /// <summary>
    /// Ends the server sessions of one application name, a network cut or a killed process as the server sees
    /// it, and waits until they are gone (a terminated session holds its locks until its process exits).
    /// </summary>
    /// <returns>How many sessions were ended.</returns>
    public static async Task<long> TerminateSessionsAsync(string applicationName)
    {
        var ended = await CountSessionsAsync("SELECT count(pg_terminate_backend(pid))", applicationName);
        for (var waited = 0; await CountSessionsAsync("SELECT count(*)", applicationName) > 0; waited++)
        {
            Assert.True(waited < 200, $"The sessions of '{applicationName}' did not end within 10 s.");
            await Task.Delay(50);
        }

        return ended;
    }

    private static Task<long> CountSessionsAsync(string select, string applicationName) =>
        AdminAsync(
            $"{select} FROM pg_stat_activity WHERE application_name = @name AND pid <> pg_backend_pid();",
            async command =>
            {
                command.Parameters.AddWithValue("name", applicationName);
                return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            });

    /// <summary>A schema-name prefix unique to one test class instance.</summary>
    public static string NewPrefix() => "test_" + Guid.NewGuid().ToString("N")[..12];

    private static InvalidOperationException NoServer(Exception exception) => new(
        $"No usable PostgreSQL server for the tests ({Redacted()}): {exception.Message} " +
        "Start one with `.ci/postgres-up.sh` (it prints the connection string), or point the environment variable " +
        "CONNECTORS_POSTGRES at a server where the role may create schemas.",
        exception);

    private static string Redacted()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null };
        return builder.ConnectionString;
    }
}

/// <summary>Maps the suite's database names to schemas under one prefix, and drops them all at the end.</summary>
internal sealed class TestSchemas : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _schemas = new(StringComparer.Ordinal);
    private int _count;

    public string Prefix { get; } = TestServer.NewPrefix();

    public string SchemaFor(string database) =>
        _schemas.GetOrAdd(database, _ => string.Create(CultureInfo.InvariantCulture, $"{Prefix}_{Interlocked.Increment(ref _count)}"));

    public async ValueTask DisposeAsync() => await TestServer.DropSchemasAsync(Prefix);
}
