using Connectors.Sync.PostgreSql;
using NodaTime;
using Npgsql;

namespace Connectors.Sync.Engine.Tests.MultiInstance;

/// <summary>
/// One PostgreSQL schema shared by several connector instances, on the server <c>CONNECTORS_POSTGRES</c> names
/// (or the one <c>.ci/postgres-up.sh</c> starts). No server fails the test with that hint; it is never skipped.
/// </summary>
internal sealed class SharedDatabase : IAsyncDisposable
{
    private const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=connectors;Password=connectors;Database=connectors_test";

    public string Schema { get; } = "cluster_" + Guid.NewGuid().ToString("N")[..12];

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("CONNECTORS_POSTGRES") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>Opens one instance's own store (own connection pool) on the shared schema.</summary>
    public async Task<PostgreSqlConnectorStore> OpenAsync(IClock clock, string instance)
    {
        // A generous connect timeout: on a 2-core machine under the whole suite's load, a new session can take
        // longer than Npgsql's default 15 s, which is not what these tests are about.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = $"{Schema}-{instance}" };
        builder.Timeout = Math.Max(builder.Timeout, 60);
        try
        {
            return await PostgreSqlConnectorStore.OpenAsync(
                new PostgreSqlStoreOptions { ConnectionString = builder.ConnectionString, Schema = Schema }, clock, CancellationToken.None);
        }
        catch (Exception exception) when (exception is PostgreSqlStoreTransientException or NpgsqlException)
        {
            throw new InvalidOperationException(
                "These tests need a PostgreSQL server: run `sudo bash .ci/postgres-up.sh` or set CONNECTORS_POSTGRES.", exception);
        }
    }

    /// <summary>Who holds a source's lease at <paramref name="now"/>, read from the table; <see langword="null"/> when nobody does.</summary>
    public async Task<string?> LeaseOwnerAsync(string source, Instant now)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT owner FROM {Schema}.source_leases WHERE source = @source AND expires_at > @now;", connection);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("now", now.ToUnixTimeTicks());
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>Ends every session of one instance, as a short database outage does.</summary>
    public async Task<int> CutConnectionsAsync(string instance)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE application_name = @name;", connection);
        command.Parameters.AddWithValue("name", $"{Schema}-{instance}");
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE;", connection);
        await command.ExecuteNonQueryAsync();
    }
}
