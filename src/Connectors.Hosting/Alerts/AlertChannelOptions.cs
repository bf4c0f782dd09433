using Connectors.Sync.State;

namespace Connectors.Hosting.Alerts;

/// <summary>The alert channels this host sends to; bound from <c>Connectors:Hosting:Alerts</c>.</summary>
public sealed class AlertChannelsOptions
{
    /// <summary>The channels, each optional; none means alerts show on the dashboard only.</summary>
    public List<AlertChannelOptions> Channels { get; set; } = [];

    /// <inheritdoc />
    public override string ToString() => $"AlertChannelsOptions {{ Channels = [{string.Join(", ", Channels)}] }}";
}

/// <summary>How a channel delivers.</summary>
public enum AlertChannelKind
{
    /// <summary>A JSON document (the notification's fields) posted to <see cref="AlertChannelOptions.Url"/>.</summary>
    Webhook = 0,

    /// <summary>A Slack-compatible incoming webhook: <c>{"text": …}</c>.</summary>
    Slack = 1,

    /// <summary>A Microsoft Teams-compatible incoming webhook: a MessageCard.</summary>
    Teams = 2,

    /// <summary>E-mail over SMTP.</summary>
    Email = 3,
}

/// <summary>One alert channel. Secrets (<see cref="Url"/>, <see cref="Password"/>) are never logged or shown.</summary>
public sealed class AlertChannelOptions
{
    /// <summary>The channel's name in the alert history and logs, unique, e.g. <c>ecommerce-slack</c>.</summary>
    public string? Name { get; set; }

    /// <summary>How it delivers.</summary>
    public AlertChannelKind Kind { get; set; } = AlertChannelKind.Webhook;

    /// <summary>
    /// Whether this is an escalation channel: it receives only alerts unresolved after <c>Connectors:Sync:Alerts:EscalateAfter</c>
    /// (the escalation, later repeats and the resolved message). First-line channels (the default) receive every notification.
    /// </summary>
    public bool Escalation { get; set; }

    /// <summary>Only alerts owned by these teams; empty for all.</summary>
    public List<OwningTeam> Teams { get; set; } = [];

    /// <summary>The webhook URL (Webhook, Slack, Teams). A secret: Slack and Teams URLs carry the token.</summary>
    public Uri? Url { get; set; }

    /// <summary>How long one delivery may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The SMTP server (Email).</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP port (Email): 587 for submission with STARTTLS, 465 for TLS on connect, 25 for plain relays.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>
    /// Transport security (Email): <c>StartTls</c> (required), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c> or <c>None</c>
    /// (a relay on the same host or network only).
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The SMTP user (Email); empty for a server that takes mail without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The SMTP password (Email).</summary>
    public string? Password { get; set; }

    /// <summary>The sender address (Email), e.g. <c>connector@example.com</c>.</summary>
    public string? From { get; set; }

    /// <summary>The recipients (Email).</summary>
    public List<string> To { get; set; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"{{ Name = {Name}, Kind = {Kind}, Escalation = {Escalation}, Teams = [{string.Join(", ", Teams)}], Url = {(Url is null ? "" : "(redacted)")}, " +
        $"SmtpHost = {SmtpHost}, SmtpPort = {SmtpPort}, Security = {Security}, UserName = {UserName}, Password = {(string.IsNullOrEmpty(Password) ? "" : "(redacted)")}, " +
        $"From = {From}, To = [{string.Join(", ", To)}] }}";
}

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS, refusing a server that does not offer it.</summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect = 1,

    /// <summary>STARTTLS when the server offers it, plain otherwise.</summary>
    StartTlsWhenAvailable = 2,

    /// <summary>No encryption: only for a relay on the same host or a trusted network.</summary>
    None = 3,
}
