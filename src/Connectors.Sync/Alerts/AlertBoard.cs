using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Alerts;

/// <summary>The alerts as the evaluating instance last saved them, for dashboards: readable from every instance.</summary>
public sealed class AlertBoard
{
    private readonly IConnectorStore _store;

    internal AlertBoard(IConnectorStore store) => _store = store;

    /// <summary>Reads the watched alerts and the history.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<AlertStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var saved = await _store.Snapshots.LoadAsync(AlertState.SnapshotName, cancellationToken).ConfigureAwait(false);
        var state = saved is null ? AlertState.Empty : AlertState.Parse(saved.Body);
        return new AlertStatus(state.Tracks, state.History, state.EvaluatedAt, state.Outbox.Count);
    }
}

/// <summary>The alerts at the last evaluation.</summary>
/// <param name="Watched">Conditions breached now: firing alerts and those waiting out their duration.</param>
/// <param name="History">What happened, newest first (bounded by <c>Alerts:HistorySize</c>).</param>
/// <param name="EvaluatedAt">When the rules were last evaluated; <see langword="null"/> before the first evaluation.</param>
/// <param name="Undelivered">Notifications a channel failed to take that are still being retried.</param>
public sealed record AlertStatus(IReadOnlyList<AlertTrack> Watched, IReadOnlyList<AlertHistoryEntry> History, Instant? EvaluatedAt, int Undelivered);
