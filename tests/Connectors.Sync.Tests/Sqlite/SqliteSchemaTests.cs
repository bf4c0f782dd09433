using Connectors.Sync.Sqlite;
using Connectors.Sync.State;
using Connectors.Sync.Tests.State;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Tests.Sqlite;

/// <summary>What only the SQLite store promises: its file format, migrations and settings.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _folder = Directory.CreateTempSubdirectory("connectors-schema-").FullName;
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));

    private string DatabasePath => Path.Combine(_folder, "state.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Opening_creates_the_file_in_WAL_mode_at_the_current_schema_version()
    {
        await using (await SqliteConnectorStore.OpenAsync(DatabasePath, _clock, None))
        {
        }

        Assert.Equal("wal", await ScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Equal(SqliteConnectorStore.SchemaVersion, await ScalarAsync<long>("SELECT MAX(version) FROM schema_migrations;"));
    }

    [Fact]
    public async Task A_missing_folder_is_created_and_an_unopenable_file_is_named_in_the_error()
    {
        var nested = Path.Combine(_folder, "data", "state", "connector.db");
        await using (await SqliteConnectorStore.OpenAsync(nested, _clock, None))
        {
        }

        Assert.True(File.Exists(nested));
        var folderAsFile = Path.Combine(_folder, "data", "state");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteConnectorStore.OpenAsync(folderAsFile, _clock, None));
        Assert.Contains(folderAsFile, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_run_once_however_often_the_file_is_opened()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var store = await SqliteConnectorStore.OpenAsync(DatabasePath, _clock, None);
            await store.Cursors.AdvanceAsync("c", CursorPosition.FromNumber(i), None);
        }

        Assert.Equal(SqliteConnectorStore.SchemaVersion, await ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations;"));
        await using var reopened = await SqliteConnectorStore.OpenAsync(DatabasePath, _clock, None);
        Assert.Equal(2, (await reopened.Cursors.GetAsync("c", None))?.Position.Number);
    }

    [Fact]
    public async Task Stores_opened_at_once_on_a_new_file_migrate_it_once()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SqliteConnectorStore.OpenAsync(DatabasePath, _clock, None))));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal(SqliteConnectorStore.SchemaVersion, await ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations;"));
    }

    [Fact]
    public async Task A_file_from_a_newer_library_version_is_refused()
    {
        await using (await SqliteConnectorStore.OpenAsync(DatabasePath, _clock, None))
        {
        }

        await ExecuteAsync($"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({SqliteConnectorStore.SchemaVersion + 1}, 'future', 0);");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteConnectorStore.OpenAsync(DatabasePath, _clock, None));
        Assert.Contains($"schema version {SqliteConnectorStore.SchemaVersion + 1}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_quantities_are_stored_as_text_never_as_floating_point()
    {
        await using (var store = await SqliteConnectorStore.OpenAsync(DatabasePath, _clock, None))
        {
            await store.Ledger.SetAsync(LedgerKey.ForSku("SW-1"), new Dictionary<string, decimal> { ["lastWritten"] = 0.1m }, 0, None);
        }

        Assert.Equal("text", await ScalarAsync<string>("SELECT typeof(quantities) FROM ledger_entries;"));
        Assert.Contains("0.1", await ScalarAsync<string>("SELECT quantities FROM ledger_entries;"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 30)]
    [InlineData("state.db", 0)]
    public async Task Invalid_options_are_refused_before_touching_any_file(string path, int busySeconds)
    {
        var options = new SqliteStoreOptions { Path = path, BusyTimeout = TimeSpan.FromSeconds(busySeconds) };

        await Assert.ThrowsAsync<ArgumentException>(() => SqliteConnectorStore.OpenAsync(options, _clock, None));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
