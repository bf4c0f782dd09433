namespace Connectors.Sync.Sqlite;

/// <summary>Settings of the SQLite state store, usually bound from configuration.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; created with its folder's permissions when missing. Required.</summary>
    public string Path { get; set; } = "";

    /// <summary>How long a write waits for another writer (another task or process) to finish.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether every commit is flushed to disk (<c>synchronous = FULL</c>). With <see langword="false"/>
    /// (<c>NORMAL</c>) a commit survives a process crash but may be lost on power failure; faster.
    /// </summary>
    public bool SyncEveryCommit { get; set; } = true;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("SqliteStoreOptions.Path is required: the database file of the state store.", nameof(Path));
        }

        if (BusyTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("SqliteStoreOptions.BusyTimeout must be positive.", nameof(BusyTimeout));
        }
    }
}
