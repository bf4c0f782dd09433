using System.Collections.Concurrent;
using Connectors.Sync.Alerts;

namespace Connectors.Sync.Engine.Tests.Alerts;

/// <summary>A channel that keeps what it was sent; an escalation channel takes escalated alerts only. It can be told to fail.</summary>
internal sealed class RecordingChannel(string name, bool escalation = false) : IAlertChannel
{
    public ConcurrentQueue<AlertNotification> Received { get; } = new();

    public int FailuresLeft { get; set; }

    public string Name => name;

    public bool Accepts(AlertNotification notification) => !escalation || notification.Escalated;

    public Task SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new InvalidOperationException($"{name} is down");
        }

        Received.Enqueue(notification);
        return Task.CompletedTask;
    }
}
