using Connectors.Sync.Alerts;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Connectors.Hosting.Alerts;

/// <summary>Sends each notification as a plain-text e-mail over SMTP (MailKit), one connection per message.</summary>
/// <remarks>Alerts are rare, so a connection per message costs nothing and never holds a stale one open.</remarks>
internal sealed class EmailAlertChannel(AlertChannelOptions options) : IAlertChannel
{
    private readonly AlertChannelRoute _route = new(options);

    public string Name => options.Name!;

    public bool Accepts(AlertNotification notification) => _route.Accepts(notification);

    public async Task SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From!));
        foreach (var recipient in options.To)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = notification.Subject;
        message.Body = new TextPart("plain") { Text = notification.Text };
        // Lets mail rules file one alert's messages together.
        message.Headers.Add("X-Connector-Alert", notification.Key);

        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, Security(options.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException
            or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            throw new AlertDeliveryException($"E-mail channel '{Name}' could not send via {options.SmtpHost}:{options.SmtpPort}: {Reason(failure)}", failure);
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    // MailKit's messages name the server's answer, never the password.
    private static string Reason(Exception failure) => failure switch
    {
        SmtpCommandException command => $"the server answered {(int)command.StatusCode} ({command.Message.Trim()})",
        AuthenticationException => "the server refused the user name or password",
        _ => failure.Message,
    };
}
