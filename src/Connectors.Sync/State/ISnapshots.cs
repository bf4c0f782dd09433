namespace Connectors.Sync.State;

/// <summary>
/// Named documents the engine keeps the latest version of, e.g. the last drift report, for the dashboard and
/// for every instance sharing the store.
/// </summary>
public interface ISnapshots
{
    /// <summary>Saves (or replaces) a document.</summary>
    /// <param name="name">Its name, e.g. <c>drift-report</c>.</param>
    /// <param name="body">Its content, usually JSON.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task SaveAsync(string name, string body, CancellationToken cancellationToken);

    /// <summary>Reads a document.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The document, or <see langword="null"/> when none was saved under that name.</returns>
    Task<Snapshot?> LoadAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A saved document.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Body">Its content.</param>
/// <param name="SavedAt">When it was saved.</param>
public sealed record Snapshot(string Name, string Body, NodaTime.Instant SavedAt);
