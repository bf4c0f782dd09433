using Connectors.Sync.State;
using Connectors.Sync.Tests.State;
using NodaTime;

namespace Connectors.Sync.PostgreSql.Tests;

/// <summary>The shared store contract on a real PostgreSQL server, each test on fresh schemas dropped afterwards.</summary>
public sealed class PostgreSqlStoreTests : StoreContract, IAsyncLifetime
{
    private readonly TestSchemas _schemas = new();

    protected override async Task<IConnectorStore> OpenAsync(string database, IClock clock) =>
        await TestServer.OpenAsync(_schemas.SchemaFor(database), clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schemas.DisposeAsync();
}
