using System.Collections.Concurrent;

namespace Connectors.Testing.Simulation;

/// <summary>Counts the calls a simulator has served, by operation and by status code.</summary>
public sealed class ApiCallLog
{
    private readonly ConcurrentDictionary<string, int> _byOperation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private int _total;

    /// <summary>All calls, including those answered by an injected fault.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Calls by operation, e.g. <c>POST /api/_action/sync</c>.</summary>
    public IReadOnlyDictionary<string, int> ByOperation => new Dictionary<string, int>(_byOperation, StringComparer.Ordinal);

    /// <summary>Calls by the status code answered (0 for a dropped connection or a hang).</summary>
    public IReadOnlyDictionary<int, int> ByStatus => new Dictionary<int, int>(_byStatus);

    /// <summary>Calls of one operation.</summary>
    public int Count(string operation) => _byOperation.TryGetValue(operation, out var count) ? count : 0;

    internal void Record(string operation, int status)
    {
        Interlocked.Increment(ref _total);
        _byOperation.AddOrUpdate(operation, 1, (_, n) => n + 1);
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
    }
}
