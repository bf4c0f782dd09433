using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.PostgreSql.Tests;

public sealed class SchemaTests : IAsyncLifetime
{
    private readonly TestSchemas _schemas = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schemas.DisposeAsync();

    [Fact]
    public async Task A_schema_written_by_a_newer_library_version_is_refused_rather_than_misread()
    {
        var schema = _schemas.SchemaFor("newer");
        await (await TestServer.OpenAsync(schema, _clock)).DisposeAsync();
        var newer = PostgreSqlConnectorStore.SchemaVersion + 1;
        await TestServer.AdminAsync(
            $"INSERT INTO {schema}.schema_migrations (version, name, applied_at) VALUES ({newer}, '{newer:D4}_future', 0);",
            command => command.ExecuteNonQueryAsync());

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestServer.OpenAsync(schema, _clock));
        Assert.Contains($"version {newer}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_record_when_they_were_applied_by_the_injected_clock()
    {
        var schema = _schemas.SchemaFor("clock");
        await (await TestServer.OpenAsync(schema, _clock)).DisposeAsync();
        _clock.AdvanceHours(1);
        await (await TestServer.OpenAsync(schema, _clock)).DisposeAsync();

        var appliedAt = await TestServer.AdminAsync(
            $"SELECT applied_at FROM {schema}.schema_migrations WHERE version = 1;", async command => (long)(await command.ExecuteScalarAsync())!);
        Assert.Equal(Instant.FromUtc(2026, 11, 26, 9, 0), Instant.FromUnixTimeTicks(appliedAt));
    }
}
