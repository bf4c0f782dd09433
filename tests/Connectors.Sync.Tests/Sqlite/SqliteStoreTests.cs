using Connectors.Sync.Sqlite;
using Connectors.Sync.State;
using Connectors.Sync.Tests.State;
using NodaTime;

namespace Connectors.Sync.Tests.Sqlite;

/// <summary>The store contract on real SQLite files in a temporary folder.</summary>
public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("connectors-store-").FullName;

    // NORMAL sync keeps commits across a process crash (what these tests simulate), not a power cut; it spares
    // the tests an fsync per commit.
    protected override async Task<IConnectorStore> OpenAsync(string database, IClock clock) =>
        await SqliteConnectorStore.OpenAsync(new SqliteStoreOptions { Path = PathOf(database), SyncEveryCommit = false }, clock, None);

    private string PathOf(string database) => Path.Combine(_folder, database + ".db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
