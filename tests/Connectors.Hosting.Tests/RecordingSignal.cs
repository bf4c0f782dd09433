using System.Collections.Concurrent;
using Connectors.Sync;

namespace Connectors.Hosting.Tests;

/// <summary>An inbox signal that remembers which sources it was told about.</summary>
internal sealed class RecordingSignal : IInboxSignal
{
    private readonly ConcurrentQueue<string> _sources = new();

    public IReadOnlyCollection<string> Sources => _sources;

    public void Notify(string source) => _sources.Enqueue(source);
}
