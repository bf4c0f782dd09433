using System.Net.Sockets;

namespace Connectors.Hosting.Tests.Alerts;

/// <summary>
/// The SMTP server the e-mail tests send to: <c>CONNECTORS_SMTP</c> ("host:port maildir"), or the loopback aiosmtpd that
/// <c>.ci/smtp-up.sh</c> starts, which stores what it accepts in a Maildir. A missing server fails the tests with that
/// hint; they are never skipped.
/// </summary>
internal static class SmtpServer
{
    private const string Default = "127.0.0.1:2525 /tmp/connectors-smtp/maildir";

    private static readonly string[] Configured =
        (Environment.GetEnvironmentVariable("CONNECTORS_SMTP") is { Length: > 0 } value ? value : Default).Split(' ', 2, StringSplitOptions.TrimEntries);

    public static string Host => Configured[0].Split(':')[0];

    public static int Port => int.Parse(Configured[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Maildir the server writes accepted messages to.</summary>
    public static string Maildir => Configured[1];

    /// <summary>Fails, with how to start one, when nothing accepts connections at <see cref="Host"/>:<see cref="Port"/>.</summary>
    public static async Task EnsureRunningAsync()
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(Host, Port);
        }
        catch (SocketException exception)
        {
            throw new InvalidOperationException(
                $"No SMTP server for the e-mail alert tests at {Host}:{Port} ({exception.SocketErrorCode}). Start one with `.ci/smtp-up.sh` " +
                "(it installs Debian's python3-aiosmtpd and prints the value), or point CONNECTORS_SMTP at \"host:port maildir\" of a server of your own.",
                exception);
        }
    }

    /// <summary>The message the server stored with this header value, or <see langword="null"/>.</summary>
    public static MimeKit.MimeMessage? FindMessage(string header, string value)
    {
        var delivered = Path.Combine(Maildir, "new");
        return Directory.Exists(delivered)
            ? Directory.EnumerateFiles(delivered).Select(file => MimeKit.MimeMessage.Load(file)).FirstOrDefault(message => message.Headers[header] == value)
            : null;
    }
}
