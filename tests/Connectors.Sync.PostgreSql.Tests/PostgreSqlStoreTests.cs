using Connectors.Sync.State;
using Connectors.Sync.Tests.State;
using NodaTime;

namespace Connectors.Sync.PostgreSql.Tests;

/// <summary>The shared store contract on a real PostgreSQL server, each test on fresh schemas dropped afterwards.</summary>
/// <remarks>
/// Synchronous <see cref="IDisposable"/> rather than <c>IAsyncLifetime</c>: the property runner disposes test
/// classes but does not call asynchronous lifetime hooks.
/// </remarks>
public sealed class PostgreSqlStoreTests : StoreContract, IDisposable
{
    private readonly TestSchemas _schemas = new();

    protected override async Task<IConnectorStore> OpenAsync(string database, IClock clock) =>
        await TestServer.OpenAsync(_schemas.SchemaFor(database), clock);

    public void Dispose() => _schemas.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
