namespace Connectors.Sync.Alerts;

/// <summary>
/// Somewhere alerts are sent: a chat webhook, e-mail, a pager. Register implementations as
/// <c>services.AddSingleton&lt;IAlertChannel, MyChannel&gt;()</c>; the instance that holds the <c>alerts</c> lease sends
/// every notification to every channel that accepts it.
/// </summary>
/// <remarks>
/// A channel that throws has its notification tried again on the next evaluations, up to
/// <c>Connectors:Sync:Alerts:DeliveryAttempts</c> in all; the failure shows in the alert history. Never put secrets
/// (webhook URLs, passwords) into exception messages: they are shown on the dashboard.
/// </remarks>
public interface IAlertChannel
{
    /// <summary>The channel's name in the history and in logs, unique among the channels, e.g. <c>ops-slack</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Whether this channel receives the notification. The usual split: first-line channels take everything, escalation
    /// channels only notifications of escalated alerts (<see cref="AlertNotification.Escalated"/>).
    /// </summary>
    /// <param name="notification">The notification.</param>
    bool Accepts(AlertNotification notification);

    /// <summary>Delivers the notification; throws when it was not delivered.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    Task SendAsync(AlertNotification notification, CancellationToken cancellationToken);
}
